package io.shardway.router.lex;

import java.util.Objects;

/**
 * One token: its type and its half-open range {@code [start, end)} in the source text.
 *
 * <p>The token keeps a reference to the source rather than a copy of its text, so lexing allocates
 * no strings; {@link #text()} makes one when asked.
 */
public record Token(TokenType type, String source, int start, int end) {

  public Token {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    if (start < 0 || start > end || end > source.length()) {
      throw new IllegalArgumentException(
          "range: [" + start + ", " + end + ") (expected: within [0, " + source.length() + "])");
    }
  }

  /** The token's source text, delimiters and quotes included. */
  public String text() {
    return source.substring(start, end);
  }

  public int length() {
    return end - start;
  }

  /**
   * Whether this is an unquoted {@link TokenType#IDENTIFIER} spelled {@code keyword}, ignoring
   * case. A quoted identifier never matches: {@code `select`} is a name, not a keyword.
   */
  public boolean is(String keyword) {
    return type == TokenType.IDENTIFIER
        && keyword.length() == end - start
        && source.regionMatches(true, start, keyword, 0, keyword.length());
  }

  /** Whether this is the {@link TokenType#OPERATOR} {@code operator}, exactly. */
  public boolean isOperator(String operator) {
    return type == TokenType.OPERATOR
        && operator.length() == end - start
        && source.startsWith(operator, start);
  }

  /** The type, text and start offset, e.g. {@code IDENTIFIER(select)@0}; not the whole source. */
  @Override
  public String toString() {
    return type + "(" + text() + ")@" + start;
  }
}
