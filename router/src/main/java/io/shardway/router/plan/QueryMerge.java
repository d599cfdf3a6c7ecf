package io.shardway.router.plan;

import io.shardway.router.merge.Having;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How a SELECT that reads several shard groups runs on each of them and how their rows merge into
 * the client's result ({@link Merge#QUERY}), as {@link ShardRouter#queryMerge} derives it from the
 * statement's text. {@code MergePipeline} turns it into merge operators, in this order:
 *
 * <ol>
 *   <li>the shards' rows, sorted by {@link #shardOrder} in a k-way merge, or one shard after
 *       another when that is empty;
 *   <li>{@link #grouping}: the rows of each group (or of all shards) folded into one, after rows
 *       equal by every key of the shard order are made one when it counts distinct values;
 *   <li>{@link #having}, tested on the folded rows;
 *   <li>{@link #distinct}: each row equal by the shard order's keys to the one before dropped;
 *   <li>{@link #finalOrder}: sorted in memory, when the client's ORDER BY needs what only the merge
 *       computes (an aggregate over all shards);
 *   <li>{@link #offset} rows skipped, {@link #count} rows kept;
 *   <li>the {@link #addedColumns} last columns dropped.
 * </ol>
 *
 * <p>Columns are named by {@link Column}: by their place among the client's columns, known only
 * before any {@code *} of the select list, or among the columns added for the merge, which come
 * after all of the client's; the number of columns a {@code *} stands for shows only in the result.
 *
 * @param shardStatement the SELECT each group runs: the client's, with the columns added for the
 *     merge after its own (named {@code __shardway_1}, …), the order the merge needs, no HAVING
 *     when the merge tests it, and LIMIT {@code offset + count} or none. Its {@code ?} placeholders
 *     are the client's, in the same order.
 * @param addedColumns how many columns at the end of the shards' rows are only for the merge
 * @param shardOrder the order each group sorted its rows by; empty when the rows need no order
 * @param grouping how rows fold, or null when the client's rows are the shards' rows
 * @param having what the folded rows must satisfy, or null
 * @param distinct whether rows equal by every key of {@code shardOrder}, which then covers every
 *     column of the client's, are one row
 * @param finalOrder the client's ORDER BY over the folded rows, when the shards could not sort by
 *     it; empty otherwise
 * @param offset the rows to skip, at least 0
 * @param count the rows to return after them, at least 0; {@link Long#MAX_VALUE} for all
 */
public record QueryMerge(
    String shardStatement,
    int addedColumns,
    List<Key> shardOrder,
    Grouping grouping,
    Condition having,
    boolean distinct,
    List<Key> finalOrder,
    long offset,
    long count) {

  public QueryMerge {
    Objects.requireNonNull(shardStatement, "shardStatement");
    shardOrder = List.copyOf(shardOrder);
    finalOrder = List.copyOf(finalOrder);
    if (addedColumns < 0 || offset < 0 || count < 0) {
      throw new IllegalArgumentException(
          "addedColumns "
              + addedColumns
              + ", offset "
              + offset
              + ", count "
              + count
              + " (expected: 0 or more)");
    }
    if (distinct && (shardOrder.isEmpty() || grouping != null)
        || grouping != null && grouping.byKeys() && shardOrder.isEmpty()
        || grouping != null
            && grouping.counted() != null
            && (shardOrder.isEmpty()
                || !grouping.counted().equals(shardOrder.get(shardOrder.size() - 1)))
        || !finalOrder.isEmpty() && grouping == null) {
      throw new IllegalArgumentException(
          "distinct "
              + distinct
              + ", grouping "
              + grouping
              + " over "
              + shardOrder.size()
              + " keys, "
              + finalOrder.size()
              + " final keys (expected: DISTINCT and GROUP BY over sorted rows, the counted key"
              + " last of them, a final order only after folding)");
    }
  }

  /** Whether rows are skipped or cut: the statement has a LIMIT that matters. */
  public boolean limited() {
    return offset > 0 || count < Long.MAX_VALUE;
  }

  /**
   * One column of the shards' rows.
   *
   * @param added whether it is one of the columns added for the merge, or one of the client's
   * @param index its place among the added columns, from 0 for the first, or among the client's
   */
  public record Column(boolean added, int index) {

    public Column {
      if (index < 0) {
        throw new IllegalArgumentException("index: " + index + " (expected: 0 or more)");
      }
    }

    public static Column client(int index) {
      return new Column(false, index);
    }

    public static Column added(int index) {
      return new Column(true, index);
    }

    /**
     * Its index in rows of {@code columnCount} columns, the last {@code addedColumns} of which are
     * added.
     */
    public int position(int columnCount, int addedColumns) {
      int clientColumns = columnCount - addedColumns;
      if (added ? index >= addedColumns : index >= clientColumns) {
        throw new IllegalArgumentException(
            this
                + " (expected: within "
                + clientColumns
                + " client and "
                + addedColumns
                + " added columns)");
      }
      return added ? clientColumns + index : index;
    }
  }

  /**
   * A sort, group or distinct key.
   *
   * @param value the key's values
   * @param weight {@code WEIGHT_STRING} of the value, compared instead of a non-binary string; null
   *     when the value cannot be a string
   * @param spaceWeight the weight of one space in the value's collation, empty for a NO PAD one;
   *     null exactly when {@code weight} is
   * @param descending whether the key is DESC, which puts NULL last
   */
  public record Key(Column value, Column weight, Column spaceWeight, boolean descending) {

    public Key {
      Objects.requireNonNull(value, "value");
      if ((weight == null) != (spaceWeight == null)) {
        throw new IllegalArgumentException(
            "weight " + weight + ", spaceWeight " + spaceWeight + " (expected: both or neither)");
      }
    }

    /** This key, ascending or descending as {@code descending} says. */
    public Key withDescending(boolean descending) {
      return new Key(value, weight, spaceWeight, descending);
    }
  }

  /**
   * How the shards' rows fold: each column folds as its {@link Fold} says, every other one (a GROUP
   * BY key, a column MySQL lets a grouped query select as it is, a weight beside either) keeps the
   * group's first non-NULL value.
   *
   * <p>For {@code COUNT(DISTINCT x)} of any x, the shards group by the GROUP BY keys and x, and
   * each sends its distinct pairs with {@code COUNT(DISTINCT x)} over the pair: 1, or 0 where x is
   * NULL. Rows equal by the whole shard order, which ends with {@link #counted}, are one, so that a
   * value several shards hold counts once; the groups are then the runs of rows equal by the keys
   * before it, whose counts a {@link Fold.Count} adds up.
   *
   * @param byKeys whether the statement has a GROUP BY, whose keys are those of {@link #shardOrder}
   *     (but {@code counted}): each run of rows equal by them is a group; otherwise all rows are
   *     one
   * @param folds the aggregate columns, each once
   * @param counted the key of x, the last of the shard order, when the statement counts the
   *     distinct values of x that way; null otherwise
   */
  public record Grouping(boolean byKeys, List<Fold> folds, Key counted) {

    public Grouping {
      folds = List.copyOf(folds);
    }

    /** Folding without distinct values to count. */
    public Grouping(boolean byKeys, List<Fold> folds) {
      this(byKeys, folds, null);
    }
  }

  /** How one column of aggregates folds the shards' partial values. */
  public sealed interface Fold {

    /** The column the fold writes, and reads for all but {@link Avg}. */
    Column column();

    /** {@code COUNT(…)}: the sum of the shards' counts. */
    record Count(Column column) implements Fold {}

    /** {@code SUM(x)}: the sum of the shards' sums. */
    record Sum(Column column) implements Fold {}

    /**
     * {@code MIN(x)}, or a weight beside it: the value of the row least by {@code by}, the key of
     * the shards' minimums.
     */
    record Min(Column column, Key by) implements Fold {}

    /** {@code MAX(x)}, or a weight beside it: the value of the row greatest by {@code by}. */
    record Max(Column column, Key by) implements Fold {}

    /** {@code AVG(x)}: the summed {@code SUM(x)} over the summed {@code COUNT(x)}. */
    record Avg(Column column, Column sum, Column count) implements Fold {}
  }

  /** A HAVING condition over the folded rows, as {@link Having} tests it. */
  public sealed interface Condition {

    /** {@code column comparison number}. */
    record Compare(Column column, Having.Comparison comparison, BigDecimal number)
        implements Condition {}

    /** Every part holds: AND. */
    record All(List<Condition> parts) implements Condition {

      public All {
        parts = List.copyOf(parts);
      }
    }

    /** Some part holds: OR. */
    record Any(List<Condition> parts) implements Condition {

      public Any {
        parts = List.copyOf(parts);
      }
    }
  }
}
