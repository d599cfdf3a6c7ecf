package io.shardway.router;

import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;

/**
 * Finds where a statement with a compound body ends.
 *
 * <p>The server parses {@code CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END} as one statement:
 * the {@code ;} inside {@code BEGIN … END} (and inside {@code IF … END IF}, {@code LOOP … END
 * LOOP}, {@code CASE … END}, …) belong to the body. Only in such statements does this class track
 * block depth; elsewhere the first {@code ;} ends a statement.
 *
 * <p>An {@code IF} or MariaDB {@code FOR} opens a block only where a statement starts, because
 * elsewhere it is the {@code IF()} function, {@code IF [NOT] EXISTS}, {@code FOR UPDATE} or {@code
 * FOR EACH ROW}. {@code REPEAT(} is the string function.
 */
final class CompoundStatements {

  private CompoundStatements() {}

  /** The compound form of the statement that starts at token 0 of {@code rest}. */
  static CompoundForm formOf(StatementTokens rest) {
    if (rest.is(0, "CREATE")) {
      return isStoredProgramDefinition(rest) ? CompoundForm.DEFINITION : CompoundForm.NONE;
    }
    int i = rest.type(0) == TokenType.IDENTIFIER && rest.isOperator(1, ":") ? 2 : 0; // a label
    boolean block = rest.is(i, "BEGIN") && rest.is(i + 1, "NOT") && rest.is(i + 2, "ATOMIC");
    return block ? CompoundForm.BLOCK : CompoundForm.NONE;
  }

  /** The index of the {@code ;} that ends the compound statement at token 0, or the size. */
  static int end(StatementTokens rest) {
    int depth = 0;
    for (int i = 0; i < rest.size(); i++) {
      TokenType type = rest.type(i);
      if (type == TokenType.SEMICOLON && depth == 0) {
        return i;
      }
      if (type == TokenType.IDENTIFIER) {
        depth = Math.max(0, depth + depthChange(rest, i));
      }
    }
    return rest.size();
  }

  private static int depthChange(StatementTokens st, int i) {
    Token token = st.get(i);
    if (token.is("END")) {
      return -1; // END, END IF, END LOOP, END WHILE, END REPEAT, END CASE, END FOR
    }
    if (st.is(i - 1, "END")) {
      return 0;
    }
    if (token.is("BEGIN") || token.is("CASE") || token.is("LOOP") || token.is("WHILE")) {
      return 1;
    }
    if (token.is("REPEAT")) {
      return st.type(i + 1) == TokenType.LEFT_PAREN ? 0 : 1;
    }
    if (token.is("IF") || token.is("FOR")) {
      return startsStatement(st, i) ? 1 : 0;
    }
    return 0;
  }

  private static boolean startsStatement(StatementTokens st, int i) {
    Token before = st.get(i - 1);
    return before.type() == TokenType.SEMICOLON
        || before.isOperator(":")
        || before.is("BEGIN")
        || before.is("THEN")
        || before.is("ELSE")
        || before.is("DO")
        || before.is("LOOP")
        || before.is("REPEAT");
  }

  /**
   * {@code CREATE [OR REPLACE] [DEFINER = account] [AGGREGATE] PROCEDURE|FUNCTION|TRIGGER|EVENT|
   * PACKAGE}.
   */
  private static boolean isStoredProgramDefinition(StatementTokens st) {
    int i = 1;
    if (st.is(i, "OR") && st.is(i + 1, "REPLACE")) {
      i += 2;
    }
    if (st.is(i, "DEFINER")) {
      i = afterAccount(st, st.isOperator(i + 1, "=") ? i + 2 : i + 1);
    }
    if (st.is(i, "AGGREGATE")) {
      i++;
    }
    Token what = st.get(i);
    return what.is("PROCEDURE")
        || what.is("FUNCTION")
        || what.is("TRIGGER")
        || what.is("EVENT")
        || what.is("PACKAGE");
  }

  /** Skips {@code user@host} (lexed as a name and a user variable) or {@code CURRENT_USER[()]}. */
  private static int afterAccount(StatementTokens st, int i) {
    if (st.type(i + 1) == TokenType.USER_VARIABLE) {
      return i + 2;
    }
    if (st.type(i + 1) == TokenType.LEFT_PAREN && st.type(i + 2) == TokenType.RIGHT_PAREN) {
      return i + 3;
    }
    return i + 1;
  }
}
