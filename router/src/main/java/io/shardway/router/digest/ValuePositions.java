package io.shardway.router.digest;

import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;
import java.util.BitSet;

/**
 * Tells, token by token, whether a literal there is a value that {@link StatementDigest} replaces
 * with {@code ?}, or part of the statement's shape that stays as written.
 *
 * <p>A literal is a value where an expression starts: after an operator, an opening parenthesis, a
 * comma, or a reserved word that an expression follows ({@code SELECT}, {@code WHERE}, {@code AND},
 * {@code BETWEEN}, …). There MySQL and JSqlParser take a {@code ?} as well, meaning the same. It
 * stays as written
 *
 * <ul>
 *   <li>after anything else: a name or a value ({@code SELECT a 'alias'}, the second string of
 *       {@code 'a' 'b'}), a sign that is no unary one ({@code k+1}, and {@code - -1}), or a word
 *       whose role a lexer cannot tell ({@code INTERVAL 1 DAY}, {@code DATE '2024-01-01'}, {@code
 *       ESCAPE '!'}, {@code AS 'alias'}, {@code DEFAULT 0});
 *   <li>as an item of an {@code ORDER BY}, {@code GROUP BY} or {@code LIMIT} list: {@code ORDER BY
 *       2} sorts by the second column, and merging sorted or limited results needs the numbers;
 *   <li>as a parameter of a type ({@code CAST(x AS DECIMAL(10, 2))}), which must be a literal;
 *   <li>as the path after {@code ->} or {@code ->>}, which MySQL requires to be a literal.
 * </ul>
 *
 * <p>Keeping a literal is always correct; replacing one only lets more texts share a shape.
 */
final class ValuePositions {

  /** Reserved words, so never names, after which an expression starts. */
  private static final String[] EXPRESSION_STARTS = {
    "SELECT",
    "WHERE",
    "AND",
    "OR",
    "XOR",
    "NOT",
    "ON",
    "HAVING",
    "BETWEEN",
    "CASE",
    "WHEN",
    "THEN",
    "ELSE",
    "LIKE",
    "REGEXP",
    "RLIKE",
    "DIV",
    "MOD",
    "DISTINCT"
  };

  /** Words that start a list whose literals stay: {@code ORDER BY 1, 2}, {@code LIMIT 10, 20}. */
  private static final String[] KEPT_LISTS = {"BY", "LIMIT"};

  /** Clauses that may follow such a list at the same depth, and end it. */
  private static final String[] LIST_ENDS = {
    "SELECT", "HAVING", "WINDOW", "UNION", "EXCEPT", "INTERSECT", "ON", "INTO", "FOR"
  };

  /**
   * Types whose parameters in parentheses are literals: {@code CHAR(10)}, {@code DECIMAL(10,2)}.
   */
  private static final String[] TYPES = {
    "CHAR",
    "CHARACTER",
    "VARCHAR",
    "NCHAR",
    "NVARCHAR",
    "BINARY",
    "VARBINARY",
    "DECIMAL",
    "DEC",
    "NUMERIC",
    "FIXED",
    "FLOAT",
    "DOUBLE",
    "REAL",
    "INT",
    "INTEGER",
    "TINYINT",
    "SMALLINT",
    "MEDIUMINT",
    "BIGINT",
    "BIT",
    "DATETIME",
    "TIME",
    "TIMESTAMP",
    "YEAR",
    "TEXT",
    "BLOB",
    "ENUM",
    "SET",
    "VECTOR"
  };

  /** Bit {@code d}: the items of the list at parenthesis depth {@code d} stay as written. */
  private final BitSet keptLists = new BitSet();

  private int depth;

  /**
   * Whether a literal right after {@code previous}, the last token that is no comment, is a value;
   * null at the start of the text.
   */
  boolean startsValue(Token previous) {
    if (previous == null) {
      return false;
    }
    return switch (previous.type()) {
      case OPERATOR ->
          !isSign(previous) && !previous.isOperator("->") && !previous.isOperator("->>");
      case LEFT_PAREN, COMMA -> !keptLists.get(depth);
      case IDENTIFIER -> isAny(previous, EXPRESSION_STARTS);
      default -> false;
    };
  }

  /** Follows the clauses and parentheses past {@code token}, which comes after {@code previous}. */
  void advance(Token token, Token previous) {
    TokenType type = token.type();
    if (type == TokenType.LEFT_PAREN) {
      depth++;
      keptLists.set(depth, previous != null && isAny(previous, TYPES));
    } else if (type == TokenType.RIGHT_PAREN && depth > 0) {
      keptLists.clear(depth);
      depth--;
    } else if (type == TokenType.IDENTIFIER && isAny(token, KEPT_LISTS)) {
      keptLists.set(depth);
    } else if (type == TokenType.IDENTIFIER && isAny(token, LIST_ENDS)) {
      keptLists.clear(depth);
    }
  }

  /** Whether {@code token} is {@code +} or {@code -}. */
  static boolean isSign(Token token) {
    return token.isOperator("-") || token.isOperator("+");
  }

  private static boolean isAny(Token token, String[] keywords) {
    for (String keyword : keywords) {
      if (token.is(keyword)) {
        return true;
      }
    }
    return false;
  }
}
