package io.shardway.server.session;

import io.netty.buffer.ByteBuf;
import io.shardway.protocol.CommandType;
import io.shardway.router.StatementClassifier;
import io.shardway.router.StatementInfo;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.backend.RelayOutcome;
import io.shardway.server.backend.ResultRelay;
import io.shardway.server.frontend.ClientWriter;
import io.shardway.server.state.ConnectionState;
import java.nio.charset.Charset;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * COM_STMT_PREPARE, EXECUTE, SEND_LONG_DATA, CLOSE, RESET and FETCH. A server-side prepared
 * statement lives on one backend connection, so the session stays pinned while any is open; the
 * client sees statement ids of its own, mapped to the backend's.
 */
final class PreparedStatementCommands {
  private final ConnectionState state;
  private final BackendLease lease;
  private final StatementTracker tracker;
  private final ClientWriter writer;
  private final Function<BackendConnection, ResultRelay> relays;
  private final Supplier<Charset> charset;
  private final PreparedStatementIds statements = new PreparedStatementIds();

  PreparedStatementCommands(
      ConnectionState state,
      BackendLease lease,
      StatementTracker tracker,
      ClientWriter writer,
      Function<BackendConnection, ResultRelay> relays,
      Supplier<Charset> charset) {
    this.state = state;
    this.lease = lease;
    this.tracker = tracker;
    this.writer = writer;
    this.relays = relays;
    this.charset = charset;
  }

  /** Forgets every statement: the connection holding them was lost or reset. */
  void clear() {
    statements.clear();
  }

  void prepare(ByteBuf payload) {
    // Classified now, applied at each execution: a prepared SET or CREATE TEMPORARY TABLE changes
    // session state just as a text one does.
    String sql =
        payload.toString(payload.readerIndex() + 1, payload.readableBytes() - 1, charset.get());
    StatementInfo info = StatementClassifier.classify(sql);
    lease.pin(PinReason.PREPARED_STATEMENT);
    lease.run(
        state,
        null,
        backend -> {
          backend.channel().writeCommand(payload);
          RelayOutcome outcome = new RelayOutcome();
          long clientId = statements.nextClientId();
          long backendId = relays.apply(backend).relayPrepare(outcome, clientId);
          if (backendId >= 0) {
            statements.opened(clientId, backendId, info);
          }
        });
    unpinWhenNoneOpen();
  }

  void execute(ByteBuf payload) {
    StatementInfo info = statements.info(payload.getUnsignedIntLE(payload.readerIndex() + 1));
    if (!toBackendId(payload, "mysqld_stmt_execute")) {
      return;
    }
    lease.run(
        state,
        info,
        backend -> {
          backend.channel().writeCommand(payload);
          tracker.statementDone(info, relays.apply(backend).relayResults(), backend);
        });
  }

  void sendLongData(ByteBuf payload) {
    // No reply, even for an unknown statement: MySQL reports that at COM_STMT_EXECUTE.
    if (toBackendIdQuietly(payload)) {
      lease.run(state, null, backend -> backend.channel().writeCommand(payload));
    }
  }

  void close(ByteBuf payload) {
    long clientId = payload.getUnsignedIntLE(payload.readerIndex() + 1);
    if (toBackendIdQuietly(payload)) {
      lease.run(state, null, backend -> backend.channel().writeCommand(payload));
    }
    statements.closed(clientId);
    unpinWhenNoneOpen();
  }

  /** COM_STMT_RESET (one OK or ERR) and COM_STMT_FETCH (rows of an open cursor). */
  void forward(ByteBuf payload) {
    boolean fetch = payload.getUnsignedByte(payload.readerIndex()) == CommandType.COM_STMT_FETCH;
    if (!toBackendId(payload, fetch ? "mysqld_stmt_fetch" : "mysqld_stmt_reset")) {
      return;
    }
    lease.run(
        state,
        null,
        backend -> {
          backend.channel().writeCommand(payload);
          ResultRelay relay = relays.apply(backend);
          RelayOutcome outcome = fetch ? relay.relayFetchedRows() : relay.relaySinglePacket();
          tracker.statementDone(null, outcome, backend);
        });
  }

  private void unpinWhenNoneOpen() {
    if (statements.isEmpty()) {
      lease.unpin(PinReason.PREPARED_STATEMENT);
      lease.releaseIfUnpinned();
    }
  }

  /** Rewrites the statement id in place; answers the client's error when it is unknown. */
  private boolean toBackendId(ByteBuf payload, String commandName) {
    if (toBackendIdQuietly(payload)) {
      return true;
    }
    long clientId = payload.getUnsignedIntLE(payload.readerIndex() + 1);
    writer.error(Errors.unknownStatement(clientId, commandName));
    return false;
  }

  private boolean toBackendIdQuietly(ByteBuf payload) {
    if (payload.readableBytes() < 5 || !lease.isHeld()) {
      return false;
    }
    long backendId = statements.backendId(payload.getUnsignedIntLE(payload.readerIndex() + 1));
    if (backendId < 0) {
      return false;
    }
    payload.setIntLE(payload.readerIndex() + 1, (int) backendId);
    return true;
  }
}
