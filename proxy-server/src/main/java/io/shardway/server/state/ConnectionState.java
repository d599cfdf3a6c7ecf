package io.shardway.server.state;

import io.shardway.router.SessionAssignment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The replayable part of a MySQL session: current schema, character set, system variables,
 * transaction characteristics, the multi-statement option and LAST_INSERT_ID(). A client session
 * holds the state it asked for; every pooled backend connection holds the state it has; before a
 * statement runs, {@link StateSynchronizer} makes the second equal to the first.
 */
public final class ConnectionState {
  /** The server's own state after connecting: unknown character set, no variables. */
  private String schema;

  private String charset;
  private String collation;
  private final Map<String, String> variables = new LinkedHashMap<>();
  private final Map<String, String> transactionCharacteristics = new LinkedHashMap<>();
  private boolean multiStatements;
  private long lastInsertId;
  private boolean untracked;

  public String schema() {
    return schema;
  }

  public void schema(String schema) {
    this.schema = schema;
  }

  public String charset() {
    return charset;
  }

  public String collation() {
    return collation;
  }

  /** What SET NAMES last chose; a null charset means "not known" and is always replayed. */
  public void names(String charset, String collation) {
    this.charset = unquote(charset);
    this.collation = unquote(collation);
    // SET NAMES sets these three and collation_connection; an older explicit value is gone.
    variables.remove("character_set_client");
    variables.remove("character_set_connection");
    variables.remove("character_set_results");
    variables.remove("collation_connection");
  }

  public Map<String, String> variables() {
    return Collections.unmodifiableMap(variables);
  }

  public Map<String, String> transactionCharacteristics() {
    return Collections.unmodifiableMap(transactionCharacteristics);
  }

  public boolean multiStatements() {
    return multiStatements;
  }

  public void multiStatements(boolean enabled) {
    this.multiStatements = enabled;
  }

  public long lastInsertId() {
    return lastInsertId;
  }

  public void lastInsertId(long id) {
    this.lastInsertId = id;
  }

  /**
   * True when a statement may have changed state Shardway cannot see (a stored procedure can set
   * variables or create temporary tables): the connection must be reset before another session uses
   * it.
   */
  public boolean untracked() {
    return untracked;
  }

  public void markUntracked() {
    untracked = true;
  }

  /** Records what a successful SET did. */
  public void apply(SessionAssignment assignment) {
    if (assignment instanceof SessionAssignment.SystemVariable v) {
      if (v.value() == null) {
        variables.remove(v.name());
      } else {
        variables.remove(v.name());
        variables.put(v.name(), v.value());
      }
    } else if (assignment instanceof SessionAssignment.Names n) {
      names(n.charset(), n.collation());
    } else if (assignment instanceof SessionAssignment.TransactionCharacteristics t) {
      String clause = t.clause();
      // "ISOLATION LEVEL x" and "READ ONLY"/"READ WRITE" are independent; keep the latest of each.
      String key = clause.startsWith("ISOLATION") ? "isolation" : "access";
      transactionCharacteristics.put(key, clause);
    }
  }

  /** Everything a fresh connection or COM_RESET_CONNECTION starts with, keeping the schema. */
  public void resetToServerDefaults() {
    charset = null;
    collation = null;
    variables.clear();
    transactionCharacteristics.clear();
    lastInsertId = 0;
    untracked = false;
  }

  /** Copies {@code other} into this state. */
  public void copyFrom(ConnectionState other) {
    schema = other.schema;
    charset = other.charset;
    collation = other.collation;
    variables.clear();
    variables.putAll(other.variables);
    transactionCharacteristics.clear();
    transactionCharacteristics.putAll(other.transactionCharacteristics);
    multiStatements = other.multiStatements;
    lastInsertId = other.lastInsertId;
  }

  private static String unquote(String name) {
    if (name != null && name.length() >= 2) {
      char first = name.charAt(0);
      if ((first == '\'' || first == '"' || first == '`')
          && name.charAt(name.length() - 1) == first) {
        return name.substring(1, name.length() - 1);
      }
    }
    return name;
  }

  /**
   * Whether a backend connection in state {@code other} already serves this session as is:
   * everything but LAST_INSERT_ID(), which only matters to statements that read it.
   */
  boolean matches(ConnectionState other) {
    return Objects.equals(schema, other.schema)
        && multiStatements == other.multiStatements
        && sameNames(other)
        && variables.equals(other.variables)
        && transactionCharacteristics.equals(other.transactionCharacteristics);
  }

  boolean sameNames(ConnectionState other) {
    return charset != null
        && charset.equalsIgnoreCase(Objects.toString(other.charset, ""))
        && Objects.equals(collation, other.collation);
  }
}
