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
   * A SELECT merged by the operators a {@link QueryMerge} describes: ORDER BY, LIMIT with an
   * offset, GROUP BY, HAVING, DISTINCT, aggregates (with or without other items). Each group runs
   * the statement that {@link ShardRouter#queryMerge} derives from the text, not the text itself.
   */
  QUERY,
  /**
   * An INSERT or REPLACE … VALUES into a sharded table whose rows go to several groups, or whose
   * shard keys Shardway generates: each group runs its {@link InsertSplit.Part} of the statement
   * that {@link ShardRouter#splitInsert} derives from the text, not the text itself, and the client
   * sees one OK whose affected rows are the sum over the parts, since each part wrote other rows.
   * The groups of the {@link Route.Scatter} are those the rows may go to; the split says which they
   * do go to.
   */
  SPLIT_INSERT
}
