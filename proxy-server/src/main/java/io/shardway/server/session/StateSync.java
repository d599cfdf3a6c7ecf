package io.shardway.server.session;

import io.shardway.protocol.ErrPacket;
import io.shardway.router.StatementFlag;
import io.shardway.router.StatementInfo;
import io.shardway.server.backend.BackendChannel;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.state.ConnectionState;
import io.shardway.server.state.StateSynchronizer;
import java.io.IOException;

/** Brings a borrowed backend connection to a client session's state before a statement. */
final class StateSync {
  private StateSync() {}

  /** Returns the backend's error if a step failed (the statement must not run), else null. */
  static ErrPacket apply(
      ConnectionState wanted, BackendConnection backend, StatementInfo info, SchemaAccess schemas)
      throws IOException {
    BackendChannel channel = backend.channel();
    ConnectionState actual = backend.state();
    boolean needsLastInsertId =
        info != null
            && info.has(StatementFlag.LAST_INSERT_ID)
            && actual.lastInsertId() != wanted.lastInsertId();
    if (!needsLastInsertId && StateSynchronizer.inSync(wanted, actual)) {
      return null;
    }
    ErrPacket error;
    if (StateSynchronizer.needsReset(wanted, actual)) {
      error = BackendCommands.resetConnection(channel);
      if (error != null) {
        return error;
      }
      backend.resetDone();
    }
    if (wanted.schema() != null && !wanted.schema().equals(actual.schema())) {
      error = BackendCommands.initDb(channel, schemas.backendName(wanted.schema()));
      if (error != null) {
        return error;
      }
      actual.schema(wanted.schema());
    }
    if (wanted.multiStatements() != actual.multiStatements()) {
      error = BackendCommands.setMultiStatements(channel, wanted.multiStatements());
      if (error != null) {
        return error;
      }
      actual.multiStatements(wanted.multiStatements());
    }
    for (String sql : StateSynchronizer.statements(wanted, actual)) {
      error = BackendCommands.query(channel, sql);
      if (error != null) {
        return error;
      }
    }
    long lastInsertId = actual.lastInsertId();
    if (needsLastInsertId) {
      // LAST_INSERT_ID(n) sets what LAST_INSERT_ID() returns next on this connection.
      error = BackendCommands.query(channel, "DO LAST_INSERT_ID(" + wanted.lastInsertId() + ")");
      if (error != null) {
        return error;
      }
      lastInsertId = wanted.lastInsertId();
    }
    actual.copyFrom(wanted);
    actual.lastInsertId(lastInsertId);
    return null;
  }
}
