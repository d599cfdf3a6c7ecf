package io.shardway.router;

import io.shardway.router.SessionAssignment.ComputedVariable;
import io.shardway.router.SessionAssignment.Names;
import io.shardway.router.SessionAssignment.SystemVariable;
import io.shardway.router.SessionAssignment.TransactionCharacteristics;
import io.shardway.router.SessionAssignment.Unreplayable;
import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the session changes of one {@code SET} statement into {@link SessionAssignment}s.
 *
 * <p>User variable targets are skipped here ({@link FlagScanner} flags them). Global and persisted
 * assignments are not session state: they only set {@link StatementFlag#SET_GLOBAL}. Anything this
 * parser does not understand becomes an {@link Unreplayable}, so that an unknown SET pins the
 * session instead of being lost on the next connection.
 */
final class SetStatementParser {
  /** What SET NAMES and SET CHARACTER SET change. */
  private static final List<String> CONNECTION_CHARSET_VARIABLES =
      List.of(
          "character_set_client",
          "character_set_connection",
          "character_set_results",
          "collation_connection");

  private enum Scope {
    SESSION,
    GLOBAL
  }

  private static final NameTable<Scope> SCOPES =
      new NameTable<>(
          Map.of(
              "SESSION", Scope.SESSION,
              "LOCAL", Scope.SESSION,
              "GLOBAL", Scope.GLOBAL,
              "PERSIST", Scope.GLOBAL,
              "PERSIST_ONLY", Scope.GLOBAL));

  /**
   * MySQL's "SET TRANSACTION" page: {@code SET @@transaction_isolation = …} without a scope keyword
   * sets the characteristic of the next transaction only, unlike {@code SET transaction_isolation =
   * …}, which sets the session's.
   */
  private static final Set<String> NEXT_TRANSACTION_VARIABLES =
      Set.of("transaction_isolation", "tx_isolation", "transaction_read_only", "tx_read_only");

  /** Variables the server consumes with the next statement, so replaying them later is wrong. */
  private static final Set<String> ONE_STATEMENT_VARIABLES =
      Set.of("insert_id", "rand_seed1", "rand_seed2");

  /** A variable being assigned, with the scope that applies to it. */
  private record Target(String name, Scope scope, boolean nextTransactionOnly) {}

  private final StatementTokens st;
  private final Set<StatementFlag> flags;
  private final List<SessionAssignment> out;
  private int pos = 1;

  /** MySQL carries the last scope keyword over to the following assignments of the list. */
  private Scope scope = Scope.SESSION;

  private SetStatementParser(
      StatementTokens st, Set<StatementFlag> flags, List<SessionAssignment> out) {
    this.st = st;
    this.flags = flags;
    this.out = out;
  }

  /** Adds the assignments of {@code st}, a {@code SET} statement, to {@code out}. */
  static void parse(StatementTokens st, Set<StatementFlag> flags, List<SessionAssignment> out) {
    new SetStatementParser(st, flags, out).statement();
  }

  private void statement() {
    if (specialForm()) {
      return;
    }
    while (assignment()) {
      if (pos >= st.size()) {
        return;
      }
      if (st.type(pos) != TokenType.COMMA) {
        unparsed();
        return;
      }
      pos++;
    }
  }

  /** The SET forms that are not a list of assignments; true when the statement was one. */
  private boolean specialForm() {
    Token first = st.get(1);
    if (first.is("PASSWORD")) {
      return securityChange("SET PASSWORD changes an account's password");
    }
    if (first.is("ROLE")) {
      return securityChange("SET ROLE changes the session's active roles");
    }
    if (first.is("DEFAULT") && st.is(2, "ROLE")) {
      return securityChange("SET DEFAULT ROLE changes an account's default roles");
    }
    if (first.is("STATEMENT")) {
      out.add(new Unreplayable("SET STATEMENT … FOR sets variables for one statement only"));
      return true;
    }
    if (first.is("RESOURCE") && st.is(2, "GROUP")) {
      out.add(new Unreplayable("SET RESOURCE GROUP assigns the session's thread"));
      return true;
    }
    if (first.is("TRANSACTION")) {
      flags.add(StatementFlag.SET_NEXT_TRANSACTION);
      return true;
    }
    Scope transactionScope = SCOPES.get(first);
    if (transactionScope == null || !st.is(2, "TRANSACTION")) {
      return false;
    }
    if (transactionScope == Scope.GLOBAL) {
      flags.add(StatementFlag.SET_GLOBAL);
    } else {
      transactionCharacteristics(3);
    }
    return true;
  }

  private boolean securityChange(String reason) {
    flags.add(StatementFlag.SQL_SECURITY_STATE);
    out.add(new Unreplayable(reason));
    return true;
  }

  /** {@code ISOLATION LEVEL READ COMMITTED, READ ONLY}: words upper-cased, one space apart. */
  private void transactionCharacteristics(int from) {
    StringBuilder clause = new StringBuilder();
    for (int i = from; i < st.size(); i++) {
      Token token = st.get(i);
      if (token.type() == TokenType.COMMA && clause.length() > 0) {
        clause.append(',');
      } else if (token.type() == TokenType.IDENTIFIER) {
        clause.append(clause.length() > 0 ? " " : "").append(token.text().toUpperCase(Locale.ROOT));
      } else {
        pos = i;
        unparsed();
        return;
      }
    }
    if (clause.length() == 0) {
      pos = from;
      unparsed();
      return;
    }
    out.add(new TransactionCharacteristics(clause.toString()));
  }

  /** One element of the list; false (after adding an Unreplayable) when it cannot be parsed. */
  private boolean assignment() {
    Scope keyword = SCOPES.get(st.get(pos));
    if (keyword != null) {
      scope = keyword;
      pos++;
    }
    if (st.is(pos, "NAMES")) {
      pos++;
      return characterSet(true);
    }
    if (st.is(pos, "CHARSET") || (st.is(pos, "CHARACTER") && st.is(pos + 1, "SET"))) {
      pos += st.is(pos, "CHARSET") ? 1 : 2;
      return characterSet(false);
    }
    boolean userVariable = st.type(pos) == TokenType.USER_VARIABLE;
    Target target = userVariable ? null : target();
    if (!userVariable && target == null) {
      return unparsed();
    }
    if (userVariable) {
      pos++;
    }
    if (!st.isOperator(pos, "=") && !st.isOperator(pos, ":=")) {
      return unparsed();
    }
    int first = ++pos;
    skipValue();
    if (pos == first) {
      return unparsed();
    }
    if (target != null) {
      record(target, first, pos - 1);
    }
    return true;
  }

  /**
   * The variable at {@link #pos}, which it passes: {@code @@[scope.]name}, {@code name}, {@code
   * a.b}.
   */
  private Target target() {
    Token token = st.get(pos);
    if (token.type() == TokenType.SYSTEM_VARIABLE) {
      pos++;
      SystemVariableReference ref = SystemVariableReference.parse(token);
      boolean nextTransaction =
          ref.scope() == null && NEXT_TRANSACTION_VARIABLES.contains(ref.name());
      return new Target(ref.name(), ref.isGlobal() ? Scope.GLOBAL : Scope.SESSION, nextTransaction);
    }
    if (!isName(token.type())) {
      return null;
    }
    int first = pos++;
    // Structured variables: SET default.key_buffer_size = …, keycache1.key_buffer_size = …
    while (st.type(pos) == TokenType.DOT && isName(st.type(pos + 1))) {
      pos += 2;
    }
    return new Target(Identifiers.normalized(st.text(first, pos - 1)), scope, false);
  }

  private void record(Target target, int first, int last) {
    String name = target.name();
    if (target.scope() == Scope.GLOBAL) {
      flags.add(StatementFlag.SET_GLOBAL);
    } else if (target.nextTransactionOnly()) {
      flags.add(StatementFlag.SET_NEXT_TRANSACTION);
    } else if (ONE_STATEMENT_VARIABLES.contains(name)) {
      out.add(new Unreplayable("SET " + name + " applies to the next statement only"));
    } else if (first == last && st.is(first, "DEFAULT")) {
      out.add(new SystemVariable(name, null));
    } else if (LiteralValue.isLiteral(st, first, last)) {
      out.add(new SystemVariable(name, st.text(first, last)));
    } else if (name.indexOf('.') < 0) {
      out.add(new ComputedVariable(name));
    } else {
      out.add(new Unreplayable("SET " + name + " to an expression, not a single literal"));
    }
  }

  /**
   * {@code NAMES {charset [COLLATE collation] | DEFAULT}} or {@code CHARACTER SET {charset |
   * DEFAULT}}, after the keyword.
   */
  private boolean characterSet(boolean collate) {
    if (st.is(pos, "DEFAULT")) {
      pos++;
      // The server's default character set: only the server knows it.
      connectionCharsetVariables();
      return true;
    }
    String charset = nameValue(st.get(pos));
    if (charset == null) {
      return unparsed();
    }
    pos++;
    if (!collate) {
      // SET CHARACTER SET x sets character_set_connection to the schema's character set, not to
      // x: read back what the server chose.
      connectionCharsetVariables();
      return true;
    }
    String collation = null;
    if (st.is(pos, "COLLATE")) {
      pos++;
      collation = st.is(pos, "DEFAULT") ? null : nameValue(st.get(pos));
      if (collation == null && !st.is(pos, "DEFAULT")) {
        return unparsed();
      }
      pos++;
    }
    out.add(new Names(charset, collation));
    return true;
  }

  private void connectionCharsetVariables() {
    for (String name : CONNECTION_CHARSET_VARIABLES) {
      out.add(new ComputedVariable(name));
    }
  }

  /** A character set or collation name, written bare, backtick-quoted or as a string. */
  private static String nameValue(Token token) {
    char open = token.source().charAt(token.start());
    if (token.type() == TokenType.STRING && (open == '\'' || open == '"')) {
      return token.source().substring(token.start() + 1, token.end() - 1).toLowerCase(Locale.ROOT);
    }
    return isName(token.type()) ? Identifiers.normalized(token.text()) : null;
  }

  private static boolean isName(TokenType type) {
    return type == TokenType.IDENTIFIER || type == TokenType.QUOTED_IDENTIFIER;
  }

  /** Moves {@link #pos} to the comma that ends the value, or to the end. */
  private void skipValue() {
    int depth = 0;
    for (; pos < st.size(); pos++) {
      TokenType type = st.type(pos);
      if (type == TokenType.COMMA && depth == 0) {
        return;
      }
      depth += type == TokenType.LEFT_PAREN ? 1 : type == TokenType.RIGHT_PAREN ? -1 : 0;
    }
  }

  private boolean unparsed() {
    String near = pos < st.size() ? "near '" + st.get(pos).text() + "'" : "at its end";
    out.add(new Unreplayable("SET statement not understood " + near));
    return false;
  }
}
