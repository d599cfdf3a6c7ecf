package io.shardway.router;

import io.shardway.router.SessionAssignment.Unreplayable;
import io.shardway.router.lex.SqlLexer;
import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Tells, for every statement text the proxy forwards, what kind of statement it is and how it
 * touches session state: the SET assignments to replay on another pooled connection, and the flags
 * that pin the session to its connection or keep a result out of the cache.
 *
 * <p>It lexes the text once with {@link SqlLexer} and looks at keywords, never at the content of
 * strings, comments or quoted names; it does not build a syntax tree. It is therefore fast enough
 * for every statement, and conservative: where a construct is ambiguous it reports the flag or an
 * {@link Unreplayable} rather than miss a change. Invalid SQL is classified too; the server will
 * reject it.
 *
 * <p>Stored program definitions ({@code CREATE PROCEDURE … BEGIN … END}) are one statement despite
 * their inner {@code ;}, and are only {@link StatementKind#DDL}: their bodies do not run now, so
 * they set no flags and no assignments.
 */
public final class StatementClassifier {

  private StatementClassifier() {}

  /**
   * Classifies {@code sql}, which may hold several statements separated by {@code ;}.
   *
   * @throws NullPointerException if {@code sql} is null
   */
  public static StatementInfo classify(String sql) {
    Objects.requireNonNull(sql, "sql");
    List<StatementTokens> statements = StatementSplitter.split(sql, significantTokens(sql));
    if (statements.isEmpty()) {
      return new StatementInfo(StatementKind.EMPTY, Set.of(), List.of(), 0);
    }
    Set<StatementFlag> flags = EnumSet.noneOf(StatementFlag.class);
    List<SessionAssignment> assignments = new ArrayList<>(0);
    StatementKind first = null;
    for (StatementTokens statement : statements) {
      StatementKind kind = classify(statement, flags, assignments);
      first = first == null ? kind : first;
    }
    if (statements.size() > 1) {
      flags.add(StatementFlag.MULTIPLE_STATEMENTS);
    }
    return new StatementInfo(first, flags, assignments, statements.size());
  }

  private static StatementKind classify(
      StatementTokens statement, Set<StatementFlag> flags, List<SessionAssignment> assignments) {
    StatementKind kind = StatementKindDetector.detect(statement, flags);
    if (statement.form() == CompoundForm.DEFINITION) {
      return kind;
    }
    FlagScanner.scan(statement, kind, flags);
    if (kind == StatementKind.SET) {
      SetStatementParser.parse(statement, flags, assignments);
    } else if (statement.form() == CompoundForm.BLOCK) {
      // Its SETs may assign local variables or session ones; telling them apart needs a parser.
      assignments.add(new Unreplayable("BEGIN NOT ATOMIC block may change session state"));
    }
    return kind;
  }

  /** The tokens without comments: hints in comments do not change what a statement is. */
  private static List<Token> significantTokens(String sql) {
    SqlLexer lexer = new SqlLexer(sql);
    List<Token> tokens = new ArrayList<>(Math.max(4, sql.length() / 4));
    for (Token token = lexer.next(); token.type() != TokenType.EOF; token = lexer.next()) {
      if (token.type() != TokenType.COMMENT) {
        tokens.add(token);
      }
    }
    return tokens;
  }
}
