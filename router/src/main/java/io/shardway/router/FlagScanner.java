package io.shardway.router;

import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;
import java.util.Map;
import java.util.Set;

/**
 * Finds the {@link StatementFlag}s that show in a statement's tokens: function calls, locking
 * clauses, sequences, user variables and files written. The kind-specific flags come from {@link
 * StatementKindDetector}, the SET-specific ones from {@link SetStatementParser}.
 */
final class FlagScanner {

  /**
   * Words after which {@code name (} is a table with a column list, not a call: {@code INSERT INTO
   * uuid (a)}, {@code CREATE TABLE IF NOT EXISTS rand (…)}, {@code REFERENCES now (id)}.
   */
  private static final NameTable<Boolean> BEFORE_TABLE_NAME =
      new NameTable<>(
          Map.of(
              "INTO", true,
              "TABLE", true,
              "TABLES", true,
              "FROM", true,
              "JOIN", true,
              "UPDATE", true,
              "INSERT", true,
              "REPLACE", true,
              "REFERENCES", true,
              "EXISTS", true));

  private final StatementTokens st;
  private final StatementKind kind;
  private final Set<StatementFlag> flags;

  /** MariaDB {@code SET STATEMENT … FOR stmt}: the FOR that is not {@code FOR UPDATE}, or -1. */
  private final int setStatementFor;

  /** {@code LOAD DATA … (col, @var) SET col2 = @var}: the SET after the column list, or -1. */
  private final int loadDataSet;

  private FlagScanner(StatementTokens st, StatementKind kind, Set<StatementFlag> flags) {
    this.st = st;
    this.kind = kind;
    this.flags = flags;
    this.setStatementFor = kind == StatementKind.SET && st.is(1, "STATEMENT") ? topLevelFor() : -1;
    this.loadDataSet = kind == StatementKind.LOAD_DATA ? loadDataSet() : -1;
  }

  /**
   * Adds to {@code flags} those that the tokens of {@code st}, a statement of {@code kind}, set.
   */
  static void scan(StatementTokens st, StatementKind kind, Set<StatementFlag> flags) {
    new FlagScanner(st, kind, flags).scan();
  }

  private void scan() {
    int depth = 0;
    for (int i = 0; i < st.size(); i++) {
      Token token = st.get(i);
      switch (token.type()) {
        case LEFT_PAREN -> depth++;
        case RIGHT_PAREN -> depth--;
        case USER_VARIABLE -> userVariable(i, depth);
        case SYSTEM_VARIABLE -> systemVariable(token);
        case IDENTIFIER -> word(i);
        default -> {}
      }
    }
  }

  private void word(int i) {
    if (st.type(i - 1) == TokenType.DOT) {
      return; // qualified: the column t.now, or db.uuid(), a stored function rather than UUID()
    }
    Token word = st.get(i);
    StatementFlag keyword = FunctionNames.ofKeyword(word);
    if (keyword != null) {
      flags.add(keyword);
    } else if (st.type(i + 1) == TokenType.LEFT_PAREN) {
      call(i, word);
    } else if (i != setStatementFor) {
      phrase(i, word);
    }
  }

  private void call(int i, Token name) {
    if (BEFORE_TABLE_NAME.get(st.get(i - 1)) != null) {
      return;
    }
    StatementFlag flag = FunctionNames.ofCall(name);
    // UNIX_TIMESTAMP(date) converts its argument; only UNIX_TIMESTAMP() reads the clock.
    if (flag != null && !(name.is("UNIX_TIMESTAMP") && st.type(i + 2) != TokenType.RIGHT_PAREN)) {
      flags.add(flag);
    }
  }

  private void phrase(int i, Token word) {
    if (word.is("FOR")) {
      if (st.is(i + 1, "UPDATE")) {
        flags.add(StatementFlag.FOR_UPDATE);
      } else if (st.is(i + 1, "SHARE")) {
        flags.add(StatementFlag.LOCK_IN_SHARE_MODE); // MySQL 8's name for LOCK IN SHARE MODE
      }
    } else if (word.is("LOCK")) {
      if (st.is(i + 1, "IN") && st.is(i + 2, "SHARE") && st.is(i + 3, "MODE")) {
        flags.add(StatementFlag.LOCK_IN_SHARE_MODE);
      }
    } else if ((word.is("NEXT") || word.is("PREVIOUS"))
        && st.is(i + 1, "VALUE")
        && st.is(i + 2, "FOR")) {
      flags.add(StatementFlag.SEQUENCE);
    } else if ((word.is("OUTFILE") || word.is("DUMPFILE")) && st.is(i - 1, "INTO")) {
      flags.add(StatementFlag.WRITES_FILE);
    }
  }

  private void userVariable(int i, int depth) {
    if (isAccountHost(i)) {
      return;
    }
    if (isWritten(i, depth)) {
      flags.add(StatementFlag.WRITES_USER_VARIABLE);
    } else if (kind == StatementKind.CALL && depth == 1 && isBareArgument(i)) {
      flags.add(StatementFlag.WRITES_USER_VARIABLE); // may be an OUT or INOUT parameter
      flags.add(StatementFlag.READS_USER_VARIABLE);
    } else {
      flags.add(StatementFlag.READS_USER_VARIABLE);
    }
  }

  private boolean isWritten(int i, int depth) {
    if (st.isOperator(i + 1, ":=")) {
      return true;
    }
    Token before = st.get(i - 1);
    boolean setTarget =
        before.is("SET")
            || (kind == StatementKind.SET && depth == 0 && before.type() == TokenType.COMMA);
    if (setTarget && st.isAssignedAt(i)) {
      return true;
    }
    return isIntoTarget(i)
        || (kind == StatementKind.LOAD_DATA && (loadDataSet < 0 || i < loadDataSet));
  }

  /** {@code SELECT … INTO @a, @b}: walks back over the list of variables to the INTO. */
  private boolean isIntoTarget(int i) {
    int j = i - 1;
    while (st.type(j) == TokenType.COMMA && st.type(j - 1) == TokenType.USER_VARIABLE) {
      j -= 2;
    }
    return st.is(j, "INTO");
  }

  private boolean isBareArgument(int i) {
    TokenType before = st.type(i - 1);
    TokenType after = st.type(i + 1);
    return (before == TokenType.LEFT_PAREN || before == TokenType.COMMA)
        && (after == TokenType.RIGHT_PAREN || after == TokenType.COMMA);
  }

  /**
   * {@code 'app'@'%'} and {@code app@localhost} in GRANT, CREATE USER, DEFINER =, SET PASSWORD FOR,
   * SHOW GRANTS FOR: the host part lexes as a user variable glued to the user name.
   */
  private boolean isAccountHost(int i) {
    boolean accountStatement =
        kind == StatementKind.OTHER
            || kind == StatementKind.DDL
            || kind == StatementKind.SET
            || kind == StatementKind.SHOW;
    Token before = st.get(i - 1);
    TokenType type = before.type();
    return accountStatement
        && before.end() == st.get(i).start()
        && (type == TokenType.STRING
            || type == TokenType.QUOTED_IDENTIFIER
            || (type == TokenType.IDENTIFIER && !before.is("SET"))); // SET@a=1 is a variable
  }

  private static final Set<String> SERVER_ROLE_VARIABLES =
      Set.of(
          "read_only",
          "super_read_only",
          "innodb_read_only",
          "gtid_executed",
          "gtid_binlog_pos",
          "gtid_current_pos",
          "gtid_slave_pos");

  private void systemVariable(Token token) {
    String name = SystemVariableReference.parse(token).name();
    if (name.equals("last_insert_id") || name.equals("identity")) {
      flags.add(StatementFlag.LAST_INSERT_ID); // MySQL: synonyms of LAST_INSERT_ID()
    } else if (SERVER_ROLE_VARIABLES.contains(name)) {
      flags.add(StatementFlag.READS_SERVER_ROLE);
    }
  }

  private int topLevelFor() {
    int depth = 0;
    for (int i = 2; i < st.size(); i++) {
      TokenType type = st.type(i);
      depth += type == TokenType.LEFT_PAREN ? 1 : type == TokenType.RIGHT_PAREN ? -1 : 0;
      if (depth == 0 && st.is(i, "FOR")) {
        return i;
      }
    }
    return -1;
  }

  private int loadDataSet() {
    for (int i = 2; i < st.size(); i++) {
      if (st.is(i, "SET") && !st.is(i - 1, "CHARACTER")) {
        return i;
      }
    }
    return -1;
  }
}
