package io.shardway.server.session;

import io.shardway.router.StatementInfo;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared statements a client session holds, by the ids the client knows. Each keeps what it
 * takes to prepare it again on whichever backend connection the session borrows next.
 */
final class SessionStatements {
  /** MariaDB's "the statement prepared last" id, usable in a pipelined COM_STMT_EXECUTE. */
  static final long LAST_PREPARED = 0xFFFF_FFFFL;

  /** One statement: its COM_STMT_PREPARE request, classification and what is pending on it. */
  static final class Statement {
    final byte[] prepareRequest;

    /** The request as a string, byte for byte: the text part of the backend statement key. */
    final String text;

    /** The statement's SQL, decoded in the session's character set. */
    final String sql;

    final int parameters;
    final StatementInfo info;

    /** The parameter types the client last sent with new-params-bound. */
    byte[] boundTypes;

    /** Long data was sent and waits for COM_STMT_EXECUTE on the held connection. */
    boolean longData;

    /** An execution opened a cursor on the held connection. */
    boolean cursor;

    /** What a merged SELECT runs on each group instead of this statement, once known. */
    private Statement rewritten;

    Statement(byte[] prepareRequest, String sql, int parameters, StatementInfo info) {
      this.prepareRequest = prepareRequest;
      this.text = new String(prepareRequest, StandardCharsets.ISO_8859_1);
      this.sql = sql;
      this.parameters = parameters;
      this.info = info;
    }

    /**
     * The statement each group runs of a merged SELECT, {@code shardSql}, as a statement to prepare
     * on the groups' connections; made once, since a statement's rewriting does not change.
     */
    Statement rewritten(String shardSql, Charset charset) {
      if (rewritten == null || !rewritten.sql.equals(shardSql)) {
        byte[] text = shardSql.getBytes(charset);
        byte[] request = new byte[text.length + 1];
        request[0] = prepareRequest[0];
        System.arraycopy(text, 0, request, 1, text.length);
        rewritten = new Statement(request, shardSql, parameters, info);
      }
      return rewritten;
    }
  }

  private final Map<Long, Statement> byId = new HashMap<>();
  private long nextId = 1;
  private long lastPrepared = -1;

  long nextId() {
    return nextId;
  }

  void add(long id, Statement statement) {
    byId.put(id, statement);
    nextId = id + 1;
    lastPrepared = id;
  }

  /** A failed prepare leaves no "last prepared" statement for a pipelined execution. */
  void prepareFailed() {
    lastPrepared = -1;
  }

  /** The statement, or null when the client never prepared it or closed it. */
  Statement get(long id) {
    return byId.get(id == LAST_PREPARED ? lastPrepared : id);
  }

  Statement remove(long id) {
    return byId.remove(id == LAST_PREPARED ? lastPrepared : id);
  }

  boolean anyLongData() {
    return byId.values().stream().anyMatch(s -> s.longData);
  }

  boolean anyCursor() {
    return byId.values().stream().anyMatch(s -> s.cursor);
  }

  /** The connection holding pending long data and cursors is gone; the statements stay. */
  void connectionLost() {
    for (Statement statement : byId.values()) {
      statement.longData = false;
      statement.cursor = false;
    }
  }

  /** COM_RESET_CONNECTION and COM_CHANGE_USER deallocate every statement. */
  void clear() {
    byId.clear();
  }
}
