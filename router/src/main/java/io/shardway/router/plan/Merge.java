package io.shardway.router.plan;

/** How the results of a statement run unchanged on several shard groups become one result. */
public enum Merge {
  /** A SELECT: the rows of each group, one group after another, in any order. */
  CONCATENATE,
  /**
   * An UPDATE or DELETE of sharded rows: one OK packet whose affected rows are the sum over the
   * groups, since each group changed rows the others do not hold.
   */
  SUM_AFFECTED_ROWS,
  /**
   * A write to every copy of a broadcast table, or DDL on every group of a table: each group must
   * succeed, and the client sees one OK with the affected rows of one group (they are all equal); a
   * failure must say which groups did and did not apply the statement.
   */
  ALL_MUST_SUCCEED,
  /**
   * A SELECT whose select list is only aggregate functions, with no GROUP BY: each group returns
   * one row, and the result is one row whose columns fold those of the groups, each as its {@link
   * AggregateFunction} in {@link Route.Scatter#aggregates()} says.
   */
  AGGREGATE,
  /**
   * A SELECT merged by the operators a {@link QueryMerge} describes: ORDER BY, LIMIT with an
   * offset, GROUP BY, HAVING, DISTINCT, AVG, aggregates beside other items. Each group runs the
   * statement that {@link ShardRouter#queryMerge} derives from the text, not the text itself.
   */
  QUERY
}
