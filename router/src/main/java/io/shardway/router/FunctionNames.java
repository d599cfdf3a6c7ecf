package io.shardway.router;

import io.shardway.router.lex.Token;
import java.util.HashMap;
import java.util.Map;

/** The built-in functions and function-like keywords whose use sets a {@link StatementFlag}. */
final class FunctionNames {

  /** Functions that count only when called: {@code now} without parentheses is a column. */
  private static final NameTable<StatementFlag> CALLS = new NameTable<>(calls());

  /**
   * Keywords MySQL evaluates with or without parentheses ({@code CURRENT_TIMESTAMP}, {@code
   * CURRENT_TIMESTAMP()}), so they count whenever they appear unquoted and unqualified.
   */
  private static final NameTable<StatementFlag> KEYWORDS =
      new NameTable<>(
          Map.of(
              "CURRENT_TIMESTAMP", StatementFlag.NON_DETERMINISTIC,
              "CURRENT_DATE", StatementFlag.NON_DETERMINISTIC,
              "CURRENT_TIME", StatementFlag.NON_DETERMINISTIC,
              "LOCALTIME", StatementFlag.NON_DETERMINISTIC,
              "LOCALTIMESTAMP", StatementFlag.NON_DETERMINISTIC,
              "UTC_DATE", StatementFlag.NON_DETERMINISTIC,
              "UTC_TIME", StatementFlag.NON_DETERMINISTIC,
              "UTC_TIMESTAMP", StatementFlag.NON_DETERMINISTIC,
              "CURRENT_USER", StatementFlag.NON_DETERMINISTIC,
              "SQL_CALC_FOUND_ROWS", StatementFlag.CALC_FOUND_ROWS));

  private FunctionNames() {}

  /** The flag a call of the function named {@code name} sets, or null. */
  static StatementFlag ofCall(Token name) {
    return CALLS.get(name);
  }

  /** The flag the keyword {@code word} sets wherever it appears, or null. */
  static StatementFlag ofKeyword(Token word) {
    return KEYWORDS.get(word);
  }

  private static Map<String, StatementFlag> calls() {
    Map<String, StatementFlag> calls = new HashMap<>();
    for (String name :
        new String[] {
          "GET_LOCK", "RELEASE_LOCK", "RELEASE_ALL_LOCKS", "IS_USED_LOCK", "IS_FREE_LOCK"
        }) {
      calls.put(name, StatementFlag.USER_LOCK);
    }
    calls.put("LAST_INSERT_ID", StatementFlag.LAST_INSERT_ID);
    calls.put("FOUND_ROWS", StatementFlag.FOUND_ROWS);
    calls.put("ROW_COUNT", StatementFlag.ROW_COUNT);
    for (String name : new String[] {"NEXTVAL", "LASTVAL", "SETVAL"}) {
      calls.put(name, StatementFlag.SEQUENCE);
    }
    for (String name : nonDeterministic()) {
      calls.put(name, StatementFlag.NON_DETERMINISTIC);
    }
    return calls;
  }

  private static String[] nonDeterministic() {
    return new String[] {
      // time; UNIX_TIMESTAMP is listed, but FlagScanner counts only its no-argument form
      "NOW",
      "SYSDATE",
      "CURDATE",
      "CURTIME",
      "UNIX_TIMESTAMP",
      // randomness and generated identifiers
      "RAND",
      "RANDOM_BYTES",
      "UUID",
      "UUID_SHORT",
      "SYS_GUID",
      // the connection, account or schema of the session that runs it
      "CONNECTION_ID",
      "USER",
      "SESSION_USER",
      "SYSTEM_USER",
      "CURRENT_ROLE",
      "DATABASE",
      "SCHEMA",
      "PS_CURRENT_THREAD_ID",
      // waits and the outside world
      "SLEEP",
      "BENCHMARK",
      "LOAD_FILE",
      "MASTER_POS_WAIT",
      "SOURCE_POS_WAIT",
      "MASTER_GTID_WAIT",
      "WAIT_FOR_EXECUTED_GTID_SET"
    };
  }
}
