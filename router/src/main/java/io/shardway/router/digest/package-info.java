/**
 * Statement digests: a statement text with its literal values taken out, so that what depends only
 * on the statement's shape, such as its routing plan, is worked out once per shape rather than once
 * per text.
 *
 * <p>{@link io.shardway.router.digest.StatementDigest#of} makes the digest in one pass of {@link
 * io.shardway.router.lex.SqlLexer}; its {@link io.shardway.router.digest.Slot}s say what each
 * {@code ?} of the digest stands for: a literal, or a placeholder of the statement itself.
 */
package io.shardway.router.digest;
