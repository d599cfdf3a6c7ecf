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
 * <p>Comments change nothing about a statement; they only carry {@link Hints}, read from the
 * comment tokens the lexer produces anyway, so that a text without comments pays nothing for them.
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
    List<Token> tokens = new ArrayList<>(Math.max(4, sql.length() / 4));
    Hints hints = lex(sql, tokens);
    List<StatementTokens> statements = StatementSplitter.split(sql, tokens);
    if (statements.isEmpty()) {
      return new StatementInfo(StatementKind.EMPTY, Set.of(), List.of(), 0, hints);
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
    return new StatementInfo(first, flags, assignments, statements.size(), hints);
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

  /**
   * Adds the tokens of {@code sql} without comments to {@code significant}, since hints in comments
   * do not change what a statement is, and returns the hints of those comments.
   */
  private static Hints lex(String sql, List<Token> significant) {
    SqlLexer lexer = new SqlLexer(sql);
    Hints hints = Hints.NONE;
    for (Token token = lexer.next(); token.type() != TokenType.EOF; token = lexer.next()) {
      if (token.type() != TokenType.COMMENT) {
        significant.add(token);
      } else {
        hints = HintComments.read(token, hints);
      }
    }
    return hints;
  }
}
