package io.shardway.server.backend;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server-side prepared statements that exist on one backend connection, by statement text and
 * the session state that shaped how the server resolved it, so that every client session preparing
 * the same text in the same state reuses one of them. Bounded: the least recently used is given
 * back for the caller to close on the server (servers cap prepared statements with
 * max_prepared_stmt_count).
 */
public final class BackendStatements {
  static final int MAX_PER_CONNECTION = 256;

  /** A statement on the server: its id, parameter count, and the types last bound to it. */
  public static final class Statement {
    private final long id;
    private final int parameters;
    private byte[] boundTypes;

    Statement(long id, int parameters) {
      this.id = id;
      this.parameters = parameters;
    }

    public long id() {
      return id;
    }

    public int parameters() {
      return parameters;
    }

    /** The parameter types the server holds for it (sent with new-params-bound), or null. */
    public byte[] boundTypes() {
      return boundTypes;
    }

    public void boundTypes(byte[] types) {
      this.boundTypes = types;
    }
  }

  /**
   * What makes two prepared statements the same on a server.
   *
   * @param state the schema, character set and sql_mode the text was resolved under
   * @param text the COM_STMT_PREPARE request, byte for byte
   */
  public record Key(String state, String text) {}

  private final LinkedHashMap<Key, Statement> bySql = new LinkedHashMap<>(16, 0.75f, true);

  public Statement get(Key key) {
    return bySql.get(key);
  }

  /**
   * Records a statement the server prepared; returns the one it replaces or evicts, which the
   * caller closes on the server, or null.
   */
  public Statement put(Key key, long id, int parameters) {
    Statement replaced = bySql.put(key, new Statement(id, parameters));
    if (replaced != null) {
      return replaced;
    }
    if (bySql.size() > MAX_PER_CONNECTION) {
      Iterator<Map.Entry<Key, Statement>> eldest = bySql.entrySet().iterator();
      Statement evicted = eldest.next().getValue();
      eldest.remove();
      return evicted;
    }
    return null;
  }

  /** Forgets a statement the caller closes on the server; returns it, or null. */
  public Statement remove(Key key) {
    return bySql.remove(key);
  }

  /** The server forgot them all (COM_RESET_CONNECTION). */
  public void clear() {
    bySql.clear();
  }
}
