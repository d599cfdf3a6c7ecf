/**
 * Which shard groups a statement runs on: {@link io.shardway.router.plan.ShardRouter} analyses a
 * statement text once into a {@link io.shardway.router.plan.RoutePlan}, which each execution binds
 * to its parameter values to get a {@link io.shardway.router.plan.Route}: one group, several whose
 * results are merged as a {@link io.shardway.router.plan.Merge} says, or a refusal with the reason
 * for MySQL error 1235. The {@link io.shardway.router.plan.Layouts} say where each table is. {@link
 * io.shardway.router.plan.PlanCache} plans a text through its {@link
 * io.shardway.router.digest.StatementDigest}, so that texts that differ only in literals share one
 * analysis. A SELECT merged by {@link io.shardway.router.plan.Merge#QUERY} is rewritten for its
 * groups by {@link io.shardway.router.plan.ShardRouter#queryMerge}, whose {@link
 * io.shardway.router.plan.QueryMerge} tells the merge operators what to do with their rows; an
 * INSERT whose rows go to several groups or get generated keys ({@link
 * io.shardway.router.plan.Merge#SPLIT_INSERT}) is split into one statement per group by {@link
 * io.shardway.router.plan.ShardRouter#splitInsert}.
 *
 * <p>The rule is never a wrong or partial answer: whatever the analysis does not understand narrows
 * nothing or refuses. Inside the package, {@code Footprint} gathers a statement's tables and
 * sharded reads while {@code SelectAnalysis}, {@code InsertAnalysis}, {@code WriteAnalysis} and
 * {@code DdlAnalysis} walk JSqlParser's syntax tree, {@code QueryBlock} and {@code KeyConditions}
 * read joins and shard key conditions, and {@code KeyedPlan} binds. {@code QueryMergeAnalysis}
 * decides and rewrites merged SELECTs, with {@code SelectItems} resolving names and positions,
 * {@code AddedColumns} writing the columns the merge needs, and {@code HavingConditions} reading
 * HAVING. {@code InsertSplitter} splits INSERTs, with {@code InsertParts} reading the statement and
 * {@code InsertText} writing each group's part from the client's own tokens.
 */
package io.shardway.router.plan;
