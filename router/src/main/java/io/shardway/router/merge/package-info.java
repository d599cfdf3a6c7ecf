/**
 * Merge operators: the rows of one statement run on several shard groups become the one result a
 * single server holding every row would return.
 *
 * <p>Pull-based operators over {@link io.shardway.router.merge.RowStream}s, each holding a bounded
 * number of rows whatever the size of the result: {@link io.shardway.router.merge.MergeSort} (one
 * pending row per shard), {@link io.shardway.router.merge.Limit} (none), {@link
 * io.shardway.router.merge.Distinct} (the last row), {@link io.shardway.router.merge.GroupBy} (one
 * group's partial aggregates and one row ahead), {@link io.shardway.router.merge.Aggregate} (one
 * set of partial aggregates), {@link io.shardway.router.merge.Filter} for HAVING and {@link
 * io.shardway.router.merge.TrimColumns} for columns added only for the merge. Each shard must
 * already have sorted its rows the way the merge reads them; only {@link
 * io.shardway.router.merge.SortBuffer} sorts in memory, for an ORDER BY over aggregates that only
 * the merge computes, within a bound the caller sets. {@link
 * io.shardway.router.merge.MergePipeline} puts them together as a {@link
 * io.shardway.router.plan.QueryMerge} describes.
 *
 * <p>A {@link io.shardway.router.merge.MergeRow} keeps the payload a shard sent, so that a row the
 * merge passes on unchanged is relayed without encoding, and reads its values for {@link
 * io.shardway.router.merge.ValueComparator}, which orders them as MySQL's ORDER BY does, strings by
 * their {@link io.shardway.router.merge.Collation}, or by the collation weights the shards computed
 * ({@link io.shardway.router.merge.ValueComparator#byWeights}). Whatever it cannot order exactly as
 * MySQL does is refused while planning, with an {@link
 * io.shardway.router.merge.UnsupportedMergeException} whose reason becomes error 1235. Pure logic:
 * no I/O, no threads.
 */
package io.shardway.router.merge;
