package io.shardway.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.shardway.protocol.CommandType;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.StmtExecuteParameters;
import io.shardway.protocol.StmtExecuteRequest;
import io.shardway.router.StatementClassifier;
import io.shardway.router.StatementInfo;
import io.shardway.router.merge.RowFormat;
import io.shardway.router.plan.Merge;
import io.shardway.router.plan.Route;
import io.shardway.router.plan.RoutePlan;
import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardKeyException;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.backend.BackendStatements;
import io.shardway.server.backend.RelayOutcome;
import io.shardway.server.backend.ResultRelay;
import io.shardway.server.frontend.ClientWriter;
import io.shardway.server.metrics.StatementRecorder;
import io.shardway.server.sharding.ParameterKeys;
import io.shardway.server.sharding.ShardedSchemas;
import io.shardway.server.state.ConnectionState;
import io.shardway.server.topology.BackendGroup;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * COM_STMT_PREPARE, EXECUTE, SEND_LONG_DATA, CLOSE, RESET and FETCH without pinning the session.
 *
 * <p>The client sees statement ids of its own. Each execution runs on whatever backend connection
 * the session borrows: if the statement is not prepared there yet, Shardway prepares it first
 * (quietly, the client saw the reply once already), and every connection keeps the statements it
 * prepared for all sessions to reuse. Because a client sends parameter types only when they change,
 * Shardway adds them to an execution whenever the connection's copy of the statement holds other
 * types. Only long data and open cursors live on one connection, and pin the session while they
 * last.
 */
final class PreparedStatementCommands {
  private final ConnectionState state;
  private final BackendLease lease;
  private final StatementTracker tracker;
  private final ClientWriter writer;
  private final Function<BackendConnection, ResultRelay> relays;
  private final Supplier<Charset> charset;
  private final IntSupplier statusFlags;
  private final ShardedSchemas sharding;
  private final ShardedStatements sharded;
  private final StatementRecorder recorder;
  private final SessionStatements statements = new SessionStatements();

  PreparedStatementCommands(
      ConnectionState state,
      BackendLease lease,
      StatementTracker tracker,
      ClientWriter writer,
      Function<BackendConnection, ResultRelay> relays,
      Supplier<Charset> charset,
      ShardedSchemas sharding,
      ShardedStatements sharded,
      StatementRecorder recorder) {
    this.state = state;
    this.lease = lease;
    this.tracker = tracker;
    this.writer = writer;
    this.relays = relays;
    this.charset = charset;
    this.statusFlags = tracker::statusFlags;
    this.sharding = sharding;
    this.sharded = sharded;
    this.recorder = recorder;
  }

  /** COM_RESET_CONNECTION or COM_CHANGE_USER: every statement is gone. */
  void clear() {
    statements.clear();
  }

  /** The held connection is gone with its long data and cursors; the statements remain. */
  void connectionLost() {
    statements.connectionLost();
  }

  void prepare(ByteBuf payload) {
    // Classified now, applied at each execution: a prepared SET or CREATE TEMPORARY TABLE changes
    // session state just as a text one does.
    String sql =
        payload.toString(payload.readerIndex() + 1, payload.readableBytes() - 1, charset.get());
    StatementInfo info = StatementClassifier.classify(sql);
    byte[] request = ByteBufUtil.getBytes(payload);
    ShardedSchemas.Router router = sharding.router(state.schema());
    // A held connection takes it; else a group that has the statement's tables.
    BackendGroup group =
        router == null || lease.isHeld()
            ? null
            : sharded.prepareGroup(router, sql, lease.defaultGroup(state));
    lease.run(
        state,
        null,
        group,
        backend -> {
          backend.channel().writeCommand(payload);
          long clientId = statements.nextId();
          ResultRelay.PreparedStatement prepared =
              relays.apply(backend).relayPrepare(new RelayOutcome(), clientId);
          if (prepared != null) {
            SessionStatements.Statement statement =
                new SessionStatements.Statement(request, sql, prepared.parameters(), info);
            statements.add(clientId, statement);
            remember(backend, statement, prepared.backendId(), prepared.parameters());
          } else {
            statements.prepareFailed();
          }
        });
  }

  void execute(ByteBuf payload) {
    SessionStatements.Statement statement = statementOf(payload, "mysqld_stmt_execute");
    if (statement == null) {
      return;
    }
    recorder.statement(statement.info);
    boolean cursorRequested = StmtExecuteRequest.requestsCursor(payload);
    BackendLease.Work single =
        backend -> {
          if (!send(backend, payload, statement)) {
            return;
          }
          RelayOutcome outcome = relays.apply(backend).relayResults();
          statement.longData = false;
          statement.cursor = cursorRequested && !outcome.failed();
          updatePins();
          tracker.statementDone(statement.info, outcome, backend);
        };
    ShardedSchemas.Router router = sharding.router(state.schema());
    if (router == null || !ShardedStatements.needsPlan(statement.info)) {
      lease.run(state, statement.info, single);
      return;
    }
    RoutePlan plan = router.plan(statement.sql);
    List<ShardKey> keys = parameterKeys(payload, statement, plan);
    if (keys == null) {
      return;
    }
    if (plan.parameterCount() > 0 && splitsInsert(plan, keys)) {
      executeAsText(payload, statement, router);
      return;
    }
    sharded.run(
        state,
        statement.info,
        router,
        statement.sql,
        plan,
        keys,
        RowFormat.BINARY,
        statusFlags.getAsInt(),
        single,
        backend -> send(backend, payload, statement),
        shardSql -> backend -> sendRewritten(backend, payload, statement, shardSql));
  }

  /** Whether the bound plan splits an INSERT, which the router does only from literal values. */
  private static boolean splitsInsert(RoutePlan plan, List<ShardKey> keys) {
    try {
      return plan.bind(keys) instanceof Route.Scatter many && many.merge() == Merge.SPLIT_INSERT;
    } catch (ShardKeyException e) {
      return false;
    }
  }

  /**
   * Runs the execution as the statement's text with its values inlined, sent as COM_QUERY: the
   * answer to an INSERT is an OK packet in both protocols, so the client cannot tell.
   */
  private void executeAsText(
      ByteBuf payload, SessionStatements.Statement statement, ShardedSchemas.Router router) {
    byte[] types = boundTypes(payload, statement);
    // The next execution may leave out the types this one sent.
    statement.boundTypes = types;
    String text;
    try {
      text =
          ParameterLiterals.inline(
              statement.sql,
              StmtExecuteParameters.decode(payload, statement.parameters, types),
              types,
              charset.get(),
              state.charset());
    } catch (IllegalArgumentException e) {
      writer.error(
          Errors.notSupported("this prepared INSERT split over shard groups: " + e.getMessage()));
      return;
    }
    Function<String, ShardSend> query =
        sql ->
            backend -> {
              byte[] bytes = sql.getBytes(charset.get());
              ByteBuf request = Unpooled.buffer(bytes.length + 1);
              request.writeByte(CommandType.COM_QUERY).writeBytes(bytes);
              try {
                backend.channel().writeQuery(request);
              } finally {
                request.release();
              }
              return true;
            };
    sharded.run(
        state,
        statement.info,
        router,
        text,
        router.plan(text),
        List.of(),
        RowFormat.TEXT,
        statusFlags.getAsInt(),
        backend -> {
          query.apply(text).to(backend);
          tracker.statementDone(statement.info, relays.apply(backend).relayResults(), backend);
        },
        query.apply(text),
        query);
  }

  /**
   * Sends the execution of the statement a merged SELECT runs on each group in place of the
   * client's: the same parameters, bound the same way, to its own prepared copy.
   */
  private boolean sendRewritten(
      BackendConnection backend,
      ByteBuf payload,
      SessionStatements.Statement statement,
      String shardSql)
      throws IOException {
    SessionStatements.Statement rewritten = statement.rewritten(shardSql, charset.get());
    rewritten.boundTypes = statement.boundTypes;
    boolean sent = send(backend, payload, rewritten);
    statement.boundTypes = rewritten.boundTypes;
    return sent;
  }

  /**
   * The bound values as shard keys, when the plan needs them; null after answering an error when
   * they cannot be read (sent earlier as long data, say).
   */
  private List<ShardKey> parameterKeys(
      ByteBuf payload, SessionStatements.Statement statement, RoutePlan plan) {
    if (plan.parameterCount() == 0) {
      return List.of();
    }
    byte[] types = boundTypes(payload, statement);
    if (statement.longData || types == null || plan.parameterCount() != statement.parameters) {
      writer.error(
          Errors.notSupported(
              "a prepared statement routed by a parameter sent as long data"
                  + " (COM_STMT_SEND_LONG_DATA) or without its type"));
      return null;
    }
    return ParameterKeys.of(
        StmtExecuteParameters.decode(payload, statement.parameters, types), charset.get());
  }

  /** The types the request binds, else those the statement was last bound with; may be null. */
  private static byte[] boundTypes(ByteBuf payload, SessionStatements.Statement statement) {
    byte[] types = StmtExecuteRequest.boundTypes(payload, statement.parameters);
    return types != null ? types : statement.boundTypes;
  }

  /**
   * Sends the execution to a connection, preparing the statement there first when needed; false
   * after answering the server's error when it cannot be prepared there.
   */
  private boolean send(
      BackendConnection backend, ByteBuf payload, SessionStatements.Statement statement)
      throws IOException {
    BackendStatements.Statement onServer = onServer(backend, statement);
    if (onServer == null) {
      return false;
    }
    ByteBuf request = withParameterTypes(payload, statement, onServer);
    try {
      StmtExecuteRequest.statementId(request, onServer.id());
      backend.channel().writeCommand(request);
    } finally {
      if (request != payload) {
        request.release();
      }
    }
    return true;
  }

  void sendLongData(ByteBuf payload) {
    // No reply, even for an unknown statement: MySQL reports that at COM_STMT_EXECUTE.
    SessionStatements.Statement statement = statementOf(payload, null);
    if (statement == null) {
      return;
    }
    statement.longData = true;
    updatePins();
    lease.run(
        state,
        null,
        backend -> {
          BackendStatements.Statement onServer = onServer(backend, statement);
          if (onServer != null) {
            StmtExecuteRequest.statementId(payload, onServer.id());
            backend.channel().writeCommand(payload);
          }
        });
  }

  void close(ByteBuf payload) {
    SessionStatements.Statement statement =
        statements.remove(StmtExecuteRequest.statementId(payload));
    if (statement == null) {
      return;
    }
    if (statement.longData || statement.cursor) {
      // Its pending data or cursor sits on the held connection: close the server's copy.
      lease.run(state, null, backend -> forget(backend, statement));
      updatePins();
    }
  }

  /** COM_STMT_RESET: drops pending long data and an open cursor. */
  void reset(ByteBuf payload) {
    SessionStatements.Statement statement = statementOf(payload, "mysqld_stmt_reset");
    if (statement == null) {
      return;
    }
    if (!(statement.longData || statement.cursor) || !lease.isHeld()) {
      writer.ok(new OkPacket(0, 0, statusFlags.getAsInt(), 0));
      return;
    }
    forwardOnHeld(payload, statement, false);
  }

  /** COM_STMT_FETCH: more rows of the cursor an execution opened on the held connection. */
  void fetch(ByteBuf payload) {
    SessionStatements.Statement statement = statementOf(payload, "mysqld_stmt_fetch");
    if (statement == null) {
      return;
    }
    if (!statement.cursor || !lease.isHeld()) {
      long id = StmtExecuteRequest.statementId(payload);
      writer.error(new ErrPacket(1421, "HY000", "The statement (" + id + ") has no open cursor."));
      return;
    }
    forwardOnHeld(payload, statement, true);
  }

  private void forwardOnHeld(
      ByteBuf payload, SessionStatements.Statement statement, boolean fetch) {
    lease.run(
        state,
        null,
        backend -> {
          BackendStatements.Statement onServer = onServer(backend, statement);
          if (onServer == null) {
            return;
          }
          StmtExecuteRequest.statementId(payload, onServer.id());
          backend.channel().writeCommand(payload);
          ResultRelay relay = relays.apply(backend);
          RelayOutcome outcome = fetch ? relay.relayFetchedRows() : relay.relaySinglePacket();
          if (!fetch) {
            statement.longData = false;
            statement.cursor = false;
            updatePins();
          }
          tracker.statementDone(null, outcome, backend);
        });
  }

  /** The session's statement named in the packet; answers the client's error when unknown. */
  private SessionStatements.Statement statementOf(ByteBuf payload, String commandName) {
    long id = StmtExecuteRequest.statementId(payload);
    SessionStatements.Statement statement = statements.get(id);
    if (statement == null && commandName != null) {
      writer.error(Errors.unknownStatement(id, commandName));
    }
    return statement;
  }

  /**
   * The connection's copy of the statement, prepared now if it has none; null after writing the
   * server's error when it cannot be prepared there (a table dropped since, say).
   */
  private BackendStatements.Statement onServer(
      BackendConnection backend, SessionStatements.Statement statement) throws IOException {
    BackendStatements.Key key = key(backend, statement);
    BackendStatements.Statement known = backend.statements().get(key);
    if (known != null) {
      return known;
    }
    BackendCommands.Prepared prepared =
        BackendCommands.prepare(
            backend.channel(), Unpooled.wrappedBuffer(statement.prepareRequest));
    if (prepared.error() != null) {
      writer.error(prepared.error());
      return null;
    }
    remember(backend, statement, prepared.id(), prepared.parameters());
    return backend.statements().get(key);
  }

  private void remember(
      BackendConnection backend, SessionStatements.Statement statement, long id, int parameters)
      throws IOException {
    BackendStatements.Statement replaced =
        backend.statements().put(key(backend, statement), id, parameters);
    if (replaced != null) {
      BackendCommands.closeStatement(backend.channel(), replaced.id());
    }
  }

  private void forget(BackendConnection backend, SessionStatements.Statement statement)
      throws IOException {
    BackendStatements.Statement onServer = backend.statements().remove(key(backend, statement));
    if (onServer != null) {
      BackendCommands.closeStatement(backend.channel(), onServer.id());
    }
  }

  /**
   * What makes two prepared statements the same on a server: the text, and the state that decides
   * how the server resolved it (schema, character set, sql_mode), all equal on this connection once
   * it was brought to the session's state.
   */
  private static BackendStatements.Key key(
      BackendConnection backend, SessionStatements.Statement statement) {
    ConnectionState on = backend.state();
    String state =
        on.schema()
            + '\0'
            + on.charset()
            + '\0'
            + on.collation()
            + '\0'
            + on.variables().get("sql_mode");
    return new BackendStatements.Key(state, statement.text);
  }

  /**
   * The execution request with parameter types added when the client left them out (it sends them
   * only when they change) and the connection's copy of the statement holds other ones.
   */
  private static ByteBuf withParameterTypes(
      ByteBuf payload,
      SessionStatements.Statement statement,
      BackendStatements.Statement onServer) {
    byte[] sent = StmtExecuteRequest.boundTypes(payload, statement.parameters);
    if (sent != null) {
      statement.boundTypes = sent;
      onServer.boundTypes(sent);
      return payload;
    }
    if (statement.boundTypes == null
        || Arrays.equals(statement.boundTypes, onServer.boundTypes())) {
      return payload;
    }
    onServer.boundTypes(statement.boundTypes);
    return StmtExecuteRequest.withTypes(payload, statement.parameters, statement.boundTypes);
  }

  private void updatePins() {
    if (statements.anyLongData()) {
      lease.pin(PinReason.LONG_DATA);
    } else {
      lease.unpin(PinReason.LONG_DATA);
    }
    if (statements.anyCursor()) {
      lease.pin(PinReason.OPEN_CURSOR);
    } else {
      lease.unpin(PinReason.OPEN_CURSOR);
    }
  }
}
