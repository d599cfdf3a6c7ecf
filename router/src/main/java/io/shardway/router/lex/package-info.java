/**
 * A hand-written, single-pass lexer for MySQL and MariaDB statement text.
 *
 * <p>It runs for every statement the proxy forwards, so it allocates one {@link
 * io.shardway.router.lex.Token} per token and nothing else, never throws on malformed input (an
 * unterminated string or comment becomes an {@link io.shardway.router.lex.TokenType#ERROR} token),
 * and follows the server's own lexer where the two could disagree: executable comments are SQL,
 * {@code --} starts a comment only when a space follows, identifiers may start with a digit.
 */
package io.shardway.router.lex;
