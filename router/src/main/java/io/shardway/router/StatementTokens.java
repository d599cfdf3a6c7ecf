package io.shardway.router;

import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;
import java.util.List;

/**
 * The significant tokens (comments dropped) of one statement, a view over the whole text's list.
 *
 * <p>Reading before the start or past the end yields an {@link TokenType#EOF} token instead of
 * failing, so that look-ahead such as {@code is(i + 2, "FOR")} needs no bounds checks.
 */
final class StatementTokens {

  private final List<Token> tokens;
  private final int from;
  private final int size;
  private final Token outside;
  private final CompoundForm form;

  /** Tokens {@code [from, to)} of {@code tokens}, which were lexed from {@code source}. */
  StatementTokens(String source, List<Token> tokens, int from, int to, CompoundForm form) {
    this.tokens = tokens;
    this.from = from;
    this.size = to - from;
    this.outside = new Token(TokenType.EOF, source, source.length(), source.length());
    this.form = form;
  }

  int size() {
    return size;
  }

  Token get(int i) {
    return i >= 0 && i < size ? tokens.get(from + i) : outside;
  }

  TokenType type(int i) {
    return get(i).type();
  }

  boolean is(int i, String keyword) {
    return get(i).is(keyword);
  }

  boolean isOperator(int i, String operator) {
    return get(i).isOperator(operator);
  }

  /** Whether {@code i} is followed by {@code =} or {@code :=}, as an assignment target is. */
  boolean isAssignedAt(int i) {
    return isOperator(i + 1, "=") || isOperator(i + 1, ":=");
  }

  CompoundForm form() {
    return form;
  }

  /** The source text from token {@code first} to token {@code last}, both included. */
  String text(int first, int last) {
    Token start = get(first);
    return start.source().substring(start.start(), get(last).end());
  }
}
