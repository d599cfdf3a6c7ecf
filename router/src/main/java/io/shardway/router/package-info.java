/**
 * SQL to plan: statement classification, and (later) analysis, sharding and merge operators.
 *
 * <p>{@link io.shardway.router.StatementClassifier} is the fast first step for every statement:
 * from the tokens of {@link io.shardway.router.lex.SqlLexer} it tells the {@link
 * io.shardway.router.StatementKind}, the {@link io.shardway.router.StatementFlag}s that decide
 * pinning, caching and whether a replica may answer, the {@link
 * io.shardway.router.SessionAssignment}s of SET statements that the proxy replays on another pooled
 * backend connection, and the {@link io.shardway.router.Hints} of {@code shardway:} comments.
 */
package io.shardway.router;
