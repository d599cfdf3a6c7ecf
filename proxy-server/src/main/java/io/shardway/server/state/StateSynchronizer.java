package io.shardway.server.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Works out what to send a backend connection so its state equals a client session's: the SQL for
 * the character set, system variables and transaction characteristics that differ. Pure logic; the
 * caller sends the statements.
 */
public final class StateSynchronizer {
  private StateSynchronizer() {}

  /** True when nothing needs sending: the common case, checked without allocating. */
  public static boolean inSync(ConnectionState wanted, ConnectionState actual) {
    return wanted.matches(actual);
  }

  /**
   * True when the connection carries something the session does not want and cannot be set back by
   * a plain {@code SET x = DEFAULT}: transaction characteristics. The caller resets the connection
   * (COM_RESET_CONNECTION) and then replays everything.
   */
  public static boolean needsReset(ConnectionState wanted, ConnectionState actual) {
    for (String key : actual.transactionCharacteristics().keySet()) {
      if (!wanted.transactionCharacteristics().containsKey(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The statements that turn {@code actual} into {@code wanted} (schema and multi-statement option
   * aside, which have commands of their own); empty when they already agree.
   */
  public static List<String> statements(ConnectionState wanted, ConnectionState actual) {
    List<String> assignments = new ArrayList<>();
    if (wanted.charset() != null && !wanted.sameNames(actual)) {
      String names = "NAMES " + quote(wanted.charset());
      if (wanted.collation() != null) {
        names += " COLLATE " + quote(wanted.collation());
      }
      assignments.add(names);
    }
    for (Map.Entry<String, String> e : wanted.variables().entrySet()) {
      if (!Objects.equals(actual.variables().get(e.getKey()), e.getValue())) {
        assignments.add("@@SESSION." + e.getKey() + " = " + e.getValue());
      }
    }
    for (String name : actual.variables().keySet()) {
      if (!wanted.variables().containsKey(name)) {
        assignments.add("@@SESSION." + name + " = DEFAULT");
      }
    }
    List<String> statements = new ArrayList<>();
    if (!assignments.isEmpty()) {
      statements.add("SET " + String.join(", ", assignments));
    }
    for (Map.Entry<String, String> e : wanted.transactionCharacteristics().entrySet()) {
      if (!Objects.equals(actual.transactionCharacteristics().get(e.getKey()), e.getValue())) {
        statements.add("SET SESSION TRANSACTION " + e.getValue());
      }
    }
    return statements;
  }

  private static String quote(String name) {
    return "'" + name.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
