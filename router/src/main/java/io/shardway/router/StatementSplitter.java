package io.shardway.router;

import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the significant tokens of a text into its non-empty statements at {@code ;}, as the server
 * does for a multi-statement {@code COM_QUERY}; see {@link CompoundStatements} for bodies.
 */
final class StatementSplitter {

  private StatementSplitter() {}

  /** The non-empty statements, without their {@code ;}; empty when there are none. */
  static List<StatementTokens> split(String source, List<Token> tokens) {
    List<StatementTokens> statements = new ArrayList<>(1);
    int start = 0;
    while (start < tokens.size()) {
      if (tokens.get(start).type() == TokenType.SEMICOLON) {
        start++;
        continue;
      }
      StatementTokens rest =
          new StatementTokens(source, tokens, start, tokens.size(), CompoundForm.NONE);
      CompoundForm form = CompoundStatements.formOf(rest);
      int end =
          start + (form == CompoundForm.NONE ? nextSemicolon(rest) : CompoundStatements.end(rest));
      boolean wholeRest = end == tokens.size() && form == CompoundForm.NONE;
      statements.add(wholeRest ? rest : new StatementTokens(source, tokens, start, end, form));
      start = end + 1;
    }
    return statements;
  }

  private static int nextSemicolon(StatementTokens rest) {
    int i = 0;
    while (i < rest.size() && rest.type(i) != TokenType.SEMICOLON) {
      i++;
    }
    return i;
  }
}
