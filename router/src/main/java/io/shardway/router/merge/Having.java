package io.shardway.router.merge;

import io.shardway.protocol.ColumnDefinition;
import io.shardway.protocol.ColumnType;
import java.math.BigDecimal;
import java.util.List;

/**
 * A HAVING condition, tested on the merged rows by {@link Filter}: the shards cannot test it, since
 * each sees only its part of a group's aggregates. A small form, comparisons of a numeric column
 * (an aggregate, or a numeric key) with a number, joined by AND and OR, as in {@code HAVING
 * COUNT(*) > 1 AND SUM(amount) >= 100.5}; an aggregate the select list lacks is a column added for
 * the merge. Other conditions stay refused.
 *
 * <p>A comparison with NULL is never true, so a row with NULL in the column is filtered out, as
 * MySQL does. A DOUBLE column is compared as a double with the number, as MySQL compares a DOUBLE
 * with a decimal literal; integer and DECIMAL columns exactly.
 */
@FunctionalInterface
public interface Having {

  boolean test(MergeRow row);

  /**
   * {@code column comparison number}.
   *
   * @throws UnsupportedMergeException if the column is not a number
   */
  static Having compare(
      ResultColumns columns, int column, Comparison comparison, BigDecimal number) {
    ColumnDefinition definition = columns.definition(column);
    switch (definition.type()) {
      case ColumnType.TINY:
      case ColumnType.SHORT:
      case ColumnType.INT24:
      case ColumnType.LONG:
      case ColumnType.LONGLONG:
      case ColumnType.YEAR:
      case ColumnType.DECIMAL:
      case ColumnType.NEWDECIMAL:
        return row ->
            !row.isNull(column) && comparison.holds(row.decimal(column).compareTo(number));
      case ColumnType.FLOAT:
      case ColumnType.DOUBLE:
        double real = number.doubleValue();
        return row -> {
          if (row.isNull(column)) {
            return false;
          }
          double value = row.floating(column);
          return comparison.holds(value < real ? -1 : value > real ? 1 : 0);
        };
      default:
        throw new UnsupportedMergeException(
            "HAVING on the column "
                + definition.name()
                + " of type 0x"
                + Integer.toHexString(definition.type())
                + " across shard groups");
    }
  }

  /** True where every part is: AND. */
  static Having all(List<Having> parts) {
    List<Having> all = List.copyOf(parts);
    return row -> all.stream().allMatch(part -> part.test(row));
  }

  /** True where any part is: OR. */
  static Having any(List<Having> parts) {
    List<Having> any = List.copyOf(parts);
    return row -> any.stream().anyMatch(part -> part.test(row));
  }

  /** The comparison operators. */
  enum Comparison {
    EQUAL,
    NOT_EQUAL,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL;

    /** Whether the comparison holds for a value that compares {@code order} with the number. */
    boolean holds(int order) {
      return switch (this) {
        case EQUAL -> order == 0;
        case NOT_EQUAL -> order != 0;
        case LESS -> order < 0;
        case LESS_OR_EQUAL -> order <= 0;
        case GREATER -> order > 0;
        case GREATER_OR_EQUAL -> order >= 0;
      };
    }
  }
}
