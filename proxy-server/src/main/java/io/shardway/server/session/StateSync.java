package io.shardway.server.session;

import io.netty.buffer.ByteBuf;
import io.shardway.protocol.ErrPacket;
import io.shardway.router.StatementFlag;
import io.shardway.router.StatementInfo;
import io.shardway.server.backend.BackendChannel;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.state.ConnectionState;
import io.shardway.server.state.StateSynchronizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Brings a borrowed backend connection to a client session's state before a statement. */
final class StateSync {
  private StateSync() {}

  /**
   * One command that moves a connection toward a session's state, made when it is sent, and what it
   * changes there.
   */
  record Step(Supplier<ByteBuf> command, Consumer<ConnectionState> effect) {}

  /**
   * The commands that bring a connection in state {@code actual} to {@code wanted}, short of a
   * reset (see {@link StateSynchronizer#needsReset}) and of LAST_INSERT_ID(): the schema, the
   * multi-statement option, then the SET statements. The caller sends them in order.
   */
  static List<Step> steps(ConnectionState wanted, ConnectionState actual, SchemaAccess schemas) {
    List<Step> steps = new ArrayList<>();
    String schema = wanted.schema();
    if (schema != null && !schema.equals(actual.schema())) {
      steps.add(
          new Step(
              () -> BackendCommands.initDbPayload(schemas.backendName(schema)),
              s -> s.schema(schema)));
    }
    boolean multiStatements = wanted.multiStatements();
    if (multiStatements != actual.multiStatements()) {
      steps.add(
          new Step(
              () -> BackendCommands.setOptionPayload(multiStatements),
              s -> s.multiStatements(multiStatements)));
    }
    for (String sql : StateSynchronizer.statements(wanted, actual)) {
      steps.add(new Step(() -> BackendCommands.queryPayload(sql), s -> {}));
    }
    return steps;
  }

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
    for (Step step : steps(wanted, actual, schemas)) {
      error = BackendCommands.command(channel, step.command().get());
      if (error != null) {
        return error;
      }
      step.effect().accept(actual);
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
