package io.shardway.router;

import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;

/**
 * Decides whether a SET value is one literal, whose source text gives the same value when it is
 * sent again on another connection, rather than an expression that may not.
 */
final class LiteralValue {

  private LiteralValue() {}

  /**
   * Literals are: a string, number, hex or bit literal; a bare word ({@code ON}, {@code
   * TRADITIONAL}, which MySQL takes as a string in SET), but not a keyword function such as {@code
   * CURRENT_TIMESTAMP}; a signed number ({@code -1}); a string with a charset introducer ({@code
   * _utf8mb4'x'}). A variable, a {@code ?} placeholder, a call or a subquery is an expression.
   */
  static boolean isLiteral(StatementTokens st, int first, int last) {
    Token token = st.get(first);
    if (first == last) {
      return switch (token.type()) {
        case STRING, NUMBER, HEX_LITERAL, BIT_LITERAL, QUOTED_IDENTIFIER -> true;
        case IDENTIFIER -> FunctionNames.ofKeyword(token) == null;
        default -> false;
      };
    }
    if (first + 1 != last) {
      return false;
    }
    TokenType next = st.type(last);
    if (token.isOperator("-") || token.isOperator("+")) {
      return next == TokenType.NUMBER;
    }
    boolean introducer =
        token.type() == TokenType.IDENTIFIER && token.source().charAt(token.start()) == '_';
    return introducer
        && (next == TokenType.STRING
            || next == TokenType.HEX_LITERAL
            || next == TokenType.BIT_LITERAL);
  }
}
