package io.shardway.router.plan;

/**
 * An aggregate function that a SELECT may use across shard groups: each group returns its value
 * over its own rows, and the values of the groups fold into the value over all rows.
 */
public enum AggregateFunction {
  /** {@code COUNT(*)} or {@code COUNT(expr)}: the sum of the groups' counts. */
  COUNT,
  /** {@code SUM(expr)}: the sum of the groups' sums that are not NULL; NULL if all are. */
  SUM,
  /** {@code MIN(expr)}: the least of the groups' minimums that are not NULL; NULL if all are. */
  MIN,
  /** {@code MAX(expr)}: the greatest of the groups' maximums that are not NULL; NULL if all are. */
  MAX
}
