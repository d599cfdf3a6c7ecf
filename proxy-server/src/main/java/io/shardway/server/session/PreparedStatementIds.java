package io.shardway.server.session;

import io.shardway.router.StatementInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * The session's server-side prepared statements: the ids the client sees, mapped to the ids the
 * backend connection gave them.
 */
final class PreparedStatementIds {
  /** MariaDB's "the statement prepared last" id, usable in a pipelined COM_STMT_EXECUTE. */
  static final long LAST_PREPARED = 0xFFFF_FFFFL;

  private final Map<Long, Long> backendIds = new HashMap<>();
  private final Map<Long, StatementInfo> infos = new HashMap<>();
  private long nextClientId = 1;
  private long lastBackendId = -1;

  long nextClientId() {
    return nextClientId;
  }

  void opened(long clientId, long backendId, StatementInfo info) {
    backendIds.put(clientId, backendId);
    infos.put(clientId, info);
    lastBackendId = backendId;
    nextClientId++;
  }

  /** The backend id for a client id, or -1 when the statement is unknown. */
  long backendId(long clientId) {
    if (clientId == LAST_PREPARED) {
      return lastBackendId < 0 ? -1 : LAST_PREPARED;
    }
    Long id = backendIds.get(clientId);
    return id == null ? -1 : id;
  }

  /** How the statement was classified at prepare time, or null when it is unknown. */
  StatementInfo info(long clientId) {
    return infos.get(clientId == LAST_PREPARED ? nextClientId - 1 : clientId);
  }

  void closed(long clientId) {
    backendIds.remove(clientId);
    infos.remove(clientId);
  }

  boolean isEmpty() {
    return backendIds.isEmpty();
  }

  /** Forgets every statement (connection lost or reset). */
  void clear() {
    backendIds.clear();
    infos.clear();
    lastBackendId = -1;
  }
}
