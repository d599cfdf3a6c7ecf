package io.shardway.router.merge;

import java.util.Comparator;

/**
 * How one column of an aggregated result comes from the shards' rows, each of which holds a shard's
 * partial aggregates for one group. The shards run the statement with each aggregate replaced by
 * its parts, and with its column definitions the merged rows are written:
 *
 * <ul>
 *   <li>{@code COUNT(x)}, {@code SUM(x)}, {@code MIN(x)}, {@code MAX(x)} run unchanged; the merge
 *       adds the counts, adds the sums (exactly for DECIMAL, as MySQL's SUM of integers and
 *       decimals is; as doubles for DOUBLE), and keeps the least or greatest value. Their result
 *       types are the shards' columns: COUNT a BIGINT, SUM of integers or DECIMAL a DECIMAL of the
 *       argument's scale, SUM of FLOAT or DOUBLE a DOUBLE, MIN and MAX the argument's type.
 *   <li>{@code AVG(x)} runs as {@code AVG(x)}, {@code SUM(x)} and {@code COUNT(x)}, the last two as
 *       columns added for the merge: the merged value is the summed SUMs over the summed COUNTs,
 *       NULL for a count of 0. The shards' AVG column is kept only for its definition, which holds
 *       MySQL's result type: for integers and DECIMAL a DECIMAL with {@code
 *       div_precision_increment} (4 by default) more decimals than the argument, at most 30 (AVG of
 *       an INT has 4, of a DECIMAL(10,2) 6), rounded half away from zero as MySQL does; for FLOAT,
 *       DOUBLE and strings a DOUBLE.
 *   <li>A column that is no aggregate (a GROUP BY key, or a column MySQL lets a grouped query
 *       select as it is) is the first non-NULL value of the group's rows: the value of one of its
 *       rows, as MySQL shows, even without GROUP BY, where a shard without rows answers NULL.
 * </ul>
 *
 * <p>Sums of doubles are added in another order than one server would add them, which may change
 * the last bits, as adding them in another row order does on one server. {@code COUNT(DISTINCT x)}
 * folds as a COUNT of the shards' counts over each distinct x, once the merge has kept each x once
 * ({@link io.shardway.router.plan.QueryMerge.Grouping}). Other aggregates ({@code GROUP_CONCAT},
 * {@code BIT_AND}, {@code STD}, {@code VARIANCE}, JSON aggregates) have no parts listed here:
 * statements with them stay refused.
 */
public sealed interface AggregateColumn {

  /** The first non-NULL value of column {@code source} in the group's rows; NULL if none. */
  record First(int source) implements AggregateColumn {}

  /** COUNT: the sum of the shards' counts in column {@code source}, a BIGINT. */
  record Count(int source) implements AggregateColumn {}

  /**
   * SUM: the sum of the shards' sums in column {@code source}, a DECIMAL or a DOUBLE; NULL if all
   * are NULL.
   */
  record Sum(int source) implements AggregateColumn {}

  /**
   * MIN: the value in column {@code source} of the shards' row whose minimum is least by {@code
   * order}, among the rows where {@code source} is not NULL; of equal, the first.
   *
   * <p>{@code order} compares the shards' minimums: by the column's own values, or by the collation
   * weights the shards sent beside a string ({@link ValueComparator#byWeights}). The weight columns
   * then fold with the same order, so that they keep the weights of the row whose value is kept.
   */
  record Min(int source, Comparator<MergeRow> order) implements AggregateColumn {

    /** MIN of the column {@code values} compares, by its own values. */
    public Min(ValueComparator values) {
      this(values.column(), values);
    }
  }

  /** MAX: as {@link Min}, the value of the row whose maximum is greatest by {@code order}. */
  record Max(int source, Comparator<MergeRow> order) implements AggregateColumn {

    /** MAX of the column {@code values} compares, by its own values. */
    public Max(ValueComparator values) {
      this(values.column(), values);
    }
  }

  /**
   * AVG: the sum of the shards' {@code SUM(x)} in column {@code sum} over the sum of their {@code
   * COUNT(x)} in column {@code count}, a DECIMAL at the scale of the AVG column's definition or a
   * DOUBLE, as that definition says; NULL for a count of 0.
   */
  record Avg(int sum, int count) implements AggregateColumn {}
}
