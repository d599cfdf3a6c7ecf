package io.shardway.router.merge;

import io.shardway.protocol.ColumnDefinition;
import io.shardway.protocol.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.function.Supplier;

/** The running values of the aggregates that {@link AggregateColumn} describes. */
final class Folds {

  private Folds() {}

  /**
   * Checks {@code column} against the shards' result and its own definition in the merged result,
   * and returns what starts its fold for each group.
   *
   * @throws UnsupportedMergeException if the column cannot be merged as {@link AggregateColumn}
   *     describes
   */
  static Supplier<Fold> of(AggregateColumn column, ResultColumns input, ColumnDefinition output) {
    if (column instanceof AggregateColumn.First first) {
      sameType(input, first.source(), output);
      return () -> new First(first.source());
    } else if (column instanceof AggregateColumn.Count count) {
      sameType(input, count.source(), output);
      expect(output, "COUNT", "a BIGINT", output.type() == ColumnType.LONGLONG);
      return () -> new Count(count.source());
    } else if (column instanceof AggregateColumn.Sum sum) {
      sameType(input, sum.source(), output);
      if (output.type() == ColumnType.DOUBLE) {
        return () -> new DoubleSum(sum.source());
      }
      expect(output, "SUM", "a DECIMAL or DOUBLE", isDecimal(output));
      return () -> new DecimalSum(sum.source());
    } else if (column instanceof AggregateColumn.Min min) {
      sameType(input, min.source(), output);
      return () -> new Extreme(min.source(), min.order(), -1);
    } else if (column instanceof AggregateColumn.Max max) {
      sameType(input, max.source(), output);
      return () -> new Extreme(max.source(), max.order(), 1);
    }
    AggregateColumn.Avg avg = (AggregateColumn.Avg) column;
    ColumnDefinition counts = input.definition(avg.count());
    expect(counts, "the COUNT of an AVG", "a BIGINT", counts.type() == ColumnType.LONGLONG);
    ColumnDefinition sums = input.definition(avg.sum());
    if (output.type() == ColumnType.DOUBLE && sums.type() == ColumnType.DOUBLE) {
      return () -> new DoubleAverage(avg.sum(), avg.count());
    }
    expect(output, "AVG", "a DECIMAL or DOUBLE, as its SUM", isDecimal(output) && isDecimal(sums));
    return () -> new DecimalAverage(avg.sum(), avg.count(), output.decimals());
  }

  private static boolean isDecimal(ColumnDefinition column) {
    return column.type() == ColumnType.NEWDECIMAL || column.type() == ColumnType.DECIMAL;
  }

  private static void sameType(ResultColumns input, int source, ColumnDefinition output) {
    int type = input.definition(source).type();
    if (type != output.type()) {
      throw new UnsupportedMergeException(
          "merging the column "
              + output.name()
              + " of type 0x"
              + Integer.toHexString(output.type())
              + " from the shards' column "
              + source
              + " of type 0x"
              + Integer.toHexString(type));
    }
  }

  private static void expect(
      ColumnDefinition column, String function, String expected, boolean holds) {
    if (!holds) {
      throw new UnsupportedMergeException(
          "merging "
              + function
              + " in the column "
              + column.name()
              + " of type 0x"
              + Integer.toHexString(column.type())
              + " (expected: "
              + expected
              + ")");
    }
  }

  /** The first non-NULL value of a column, NULL if there is none. */
  static final class First implements Fold {
    private final int source;
    private MergeRow first;

    First(int source) {
      this.source = source;
    }

    @Override
    public void add(MergeRow row) {
      if (first == null && !row.isNull(source)) {
        first = row;
      }
    }

    @Override
    public Object result() {
      return first == null ? null : first.value(source);
    }
  }

  /** The sum of counts, 0 without rows. */
  static final class Count implements Fold {
    private final int source;
    private long total;

    Count(int source) {
      this.source = source;
    }

    @Override
    public void add(MergeRow row) {
      if (!row.isNull(source)) {
        total += row.integer(source);
      }
    }

    @Override
    public Object result() {
      return total;
    }
  }

  /**
   * The exact sum of a DECIMAL column, at its scale, since every value has it; NULL without any.
   */
  static final class DecimalSum implements Fold {
    private final int source;
    private BigDecimal total;

    DecimalSum(int source) {
      this.source = source;
    }

    @Override
    public void add(MergeRow row) {
      if (!row.isNull(source)) {
        BigDecimal value = row.decimal(source);
        total = total == null ? value : total.add(value);
      }
    }

    @Override
    public BigDecimal result() {
      return total;
    }
  }

  /** The sum of a DOUBLE column, NULL without any value; out of range, as in MySQL, on overflow. */
  static final class DoubleSum implements Fold {
    private final int source;
    private double total;
    private boolean any;

    DoubleSum(int source) {
      this.source = source;
    }

    @Override
    public void add(MergeRow row) {
      if (!row.isNull(source)) {
        total += row.floating(source);
        any = true;
      }
    }

    @Override
    public Double result() {
      if (Double.isInfinite(total)) {
        throw new ArithmeticException("DOUBLE value is out of range in SUM");
      }
      return any ? total : null;
    }
  }

  /**
   * The value of column {@code source} in the least ({@code sign} -1) or greatest ({@code sign} 1)
   * row by {@code order} among those where it is not NULL; of equal rows, the first.
   */
  static final class Extreme implements Fold {
    private final int source;
    private final Comparator<MergeRow> order;
    private final int sign;
    private MergeRow best;

    Extreme(int source, Comparator<MergeRow> order, int sign) {
      this.source = source;
      this.order = order;
      this.sign = sign;
    }

    @Override
    public void add(MergeRow row) {
      if (!row.isNull(source) && (best == null || sign * order.compare(row, best) > 0)) {
        best = row;
      }
    }

    @Override
    public Object result() {
      return best == null ? null : best.value(source);
    }
  }

  /**
   * The sum of a DECIMAL column over the sum of a count column, at {@code scale}, rounded half away
   * from zero as MySQL rounds AVG; NULL for a count of 0.
   */
  static final class DecimalAverage implements Fold {
    private final DecimalSum sum;
    private final Count count;
    private final int scale;

    DecimalAverage(int sum, int count, int scale) {
      this.sum = new DecimalSum(sum);
      this.count = new Count(count);
      this.scale = scale;
    }

    @Override
    public void add(MergeRow row) {
      sum.add(row);
      count.add(row);
    }

    @Override
    public Object result() {
      long rows = (Long) count.result();
      BigDecimal total = sum.result();
      return rows == 0 || total == null
          ? null
          : total.divide(BigDecimal.valueOf(rows), scale, RoundingMode.HALF_UP);
    }
  }

  /** The sum of a DOUBLE column over the sum of a count column; NULL for a count of 0. */
  static final class DoubleAverage implements Fold {
    private final DoubleSum sum;
    private final Count count;

    DoubleAverage(int sum, int count) {
      this.sum = new DoubleSum(sum);
      this.count = new Count(count);
    }

    @Override
    public void add(MergeRow row) {
      sum.add(row);
      count.add(row);
    }

    @Override
    public Object result() {
      long rows = (Long) count.result();
      Double total = sum.result();
      return rows == 0 || total == null ? null : total / rows;
    }
  }
}
