package io.shardway.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.ssl.SslHandler;
import io.shardway.config.User;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.CommandType;
import io.shardway.protocol.EofPacket;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.Packet;
import io.shardway.router.StatementClassifier;
import io.shardway.router.StatementFlag;
import io.shardway.router.StatementInfo;
import io.shardway.router.StatementKind;
import io.shardway.router.merge.RowFormat;
import io.shardway.router.plan.RoutePlan;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.backend.ResultRelay;
import io.shardway.server.frontend.ClientWriter;
import io.shardway.server.frontend.LocalResultSet;
import io.shardway.server.metrics.StatementRecorder;
import io.shardway.server.sharding.ShardedSchemas;
import io.shardway.server.state.ConnectionState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection after authentication: its session state, the backend connection it holds
 * while pinned, and the handling of each command. Commands run one at a time on a worker thread,
 * never on the event loop.
 *
 * <p>A statement borrows a pooled backend connection, brings it to the session's state, runs, and
 * gives it back, unless the statement left state that lives only on that connection (see {@link
 * PinReason}); then the session keeps it until the state is gone.
 */
public final class ClientSession {
  private static final Logger log = LoggerFactory.getLogger(ClientSession.class);
  private static final int PAUSE_READING_AT = 64;
  private static final int RESUME_READING_AT = 8;
  private static final Pattern MAY_USE = Pattern.compile("(?i)\\buse\\b");

  private final long connectionId;
  private final Channel channel;
  private final String host;
  private final SessionContext context;
  private final ClientWriter writer;
  private final SerialExecutor executor;
  private final StatementRecorder statements;
  private final ConnectionState state = new ConnectionState();
  private final BackendLease lease;
  private final StatementTracker tracker;
  private final PreparedStatementCommands prepared;
  private final ShardedStatements sharded;
  private final LoopStatements loop;

  /** Commands that arrived while a statement ran on the event loop; touched on the loop only. */
  private final ArrayDeque<Packet> waiting = new ArrayDeque<>();

  /**
   * Whether the worker path may still be running or writing to the client; touched on the loop
   * only. It turns false through a task on the loop, after the worker's last writes, so a statement
   * on the loop never answers ahead of them.
   */
  private boolean workerBusy;

  private boolean closeWhenLoopDone;

  /** The server shuts down: the session ends once its running command has answered. */
  private boolean draining;

  private final byte[] scramble;
  private final int capabilities;
  private User user;
  private Collation collation;
  private ChangeUserExchange changeUser;
  private boolean closed;

  public ClientSession(
      long connectionId,
      Channel channel,
      ClientWriter writer,
      SessionContext context,
      SessionStart start) {
    this.connectionId = connectionId;
    this.channel = channel;
    this.host = start.host();
    this.writer = writer;
    this.context = context;
    this.executor = new SerialExecutor(context.workers(), this::postWorkerIdle);
    this.scramble = start.scramble();
    this.capabilities = start.capabilities();
    this.statements = context.metrics().newStatementRecorder();
    this.lease =
        new BackendLease(
            context,
            writer,
            statements,
            connectionId,
            clientHas(CapabilityFlags.CLIENT_FOUND_ROWS),
            this::statusFlags,
            this::connectionLost,
            this::transactionEnded);
    this.tracker = new StatementTracker(state, lease, context.schemas());
    this.sharded =
        new ShardedStatements(
            context.groups(),
            lease,
            writer,
            new ScatterStatements(
                lease,
                writer,
                capabilities,
                (info, outcome, backend) -> tracker.statementDone(info, outcome, backend)),
            new MergedSelects(lease, writer, capabilities));
    this.prepared =
        new PreparedStatementCommands(
            state,
            lease,
            tracker,
            writer,
            this::relay,
            () -> collation.javaCharset(),
            context.sharding(),
            sharded,
            statements);
    this.loop =
        new LoopStatements(
            connectionId,
            channel,
            capabilities,
            context,
            state,
            tracker,
            lease,
            statements,
            () -> collation.javaCharset(),
            this::toWorker,
            this::loopStatementEnded);
    this.user = start.user();
    this.collation = context.collations().byId(start.collationId());
    state.schema(start.schema());
    resetState();
    context.registry().add(this);
  }

  public long connectionId() {
    return connectionId;
  }

  public String user() {
    return user.name();
  }

  public String host() {
    return host;
  }

  public String schema() {
    return state.schema();
  }

  /** The reasons this session is pinned to its backend connection now. */
  public Set<PinReason> pinReasons() {
    return lease.pinReasons();
  }

  /**
   * Takes a command, on the event loop; commands run in arrival order, one at a time. A plain read
   * may run right here ({@link LoopStatements}); the rest queue for a worker thread. A client that
   * sends far ahead of the answers stops being read until its queue drains, so pipelining cannot
   * fill the heap.
   */
  public void enqueue(Packet packet) {
    if (draining) {
      waiting.add(packet);
      endIfDrained();
      return;
    }
    if (loop.busy()) {
      waiting.add(packet);
      if (waiting.size() >= PAUSE_READING_AT) {
        channel.config().setAutoRead(false);
      }
      return;
    }
    if (workerBusy || !loop.tryStart(packet)) {
      toWorker(packet);
    }
  }

  private void toWorker(Packet packet) {
    loop.dropKept();
    workerBusy = true;
    executor.execute(() -> process(packet));
    if (executor.pending() >= PAUSE_READING_AT) {
      channel.config().setAutoRead(false);
      // The queue may have drained before reading stopped; then nobody else would resume it.
      resumeReadingIfDrained();
    }
  }

  /** From the worker that ran dry: {@link #workerIdle} runs after the writes it handed over. */
  private void postWorkerIdle() {
    try {
      channel.eventLoop().execute(this::workerIdle);
    } catch (RejectedExecutionException e) {
      // The server is stopping: no more commands come that could run on the loop.
    }
  }

  /** On the loop, after the worker ran dry and its writes were handed to the channel. */
  private void workerIdle() {
    if (executor.idle()) {
      workerBusy = false;
      endIfDrained();
    }
  }

  /**
   * The server shuts down: the command running now may finish, then the session ends; a command
   * that comes meanwhile gets MySQL's "Server shutdown in progress". Safe from any thread.
   */
  public void drain() {
    channel
        .eventLoop()
        .execute(
            () -> {
              draining = true;
              endIfDrained();
            });
  }

  /** Ends a draining session once nothing of it runs; on the loop. */
  private void endIfDrained() {
    if (!draining || loop.busy() || workerBusy || !channel.isActive()) {
      return;
    }
    Packet next = waiting.peek();
    if (next != null) {
      channel.write(
          Errors.frame(channel.alloc(), Errors.SHUTTING_DOWN, next.nextSequenceId()),
          channel.voidPromise());
    }
    waiting.forEach(Packet::release);
    waiting.clear();
    channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  /** A statement on the loop ended: what waited for it goes on, and so does a pending close. */
  private void loopStatementEnded() {
    if (draining) {
      endIfDrained();
    }
    while (!draining && !loop.busy() && !waiting.isEmpty()) {
      enqueue(waiting.poll());
    }
    if (!loop.busy()) {
      if (!channel.config().isAutoRead() && executor.pending() <= RESUME_READING_AT) {
        channel.config().setAutoRead(true);
      }
      if (closeWhenLoopDone) {
        closeWhenLoopDone = false;
        closeAsync();
      }
    }
  }

  /** The client can take more again, on the loop. */
  public void writabilityChanged() {
    loop.clientWritable();
  }

  private void resumeReadingIfDrained() {
    if (!channel.config().isAutoRead() && executor.pending() <= RESUME_READING_AT) {
      channel.config().setAutoRead(true);
    }
  }

  /** Queues the session's end, after the commands already taken; on the event loop. */
  public void closeAsync() {
    if (loop.busy()) {
      closeWhenLoopDone = true;
      return;
    }
    loop.dropKept();
    executor.execute(this::close);
  }

  private void process(Packet packet) {
    try {
      if (closed) {
        return;
      }
      writer.begin(packet.nextSequenceId());
      ByteBuf payload = packet.payload();
      if (changeUser != null) {
        continueChangeUser(payload);
      } else if (!payload.isReadable()) {
        log.info("session {}: closing, empty command packet", connectionId);
        channel.close();
      } else {
        statements.commandStarted();
        dispatch(payload.getUnsignedByte(payload.readerIndex()), payload);
        statements.commandEnded(writer.responseErrorCode());
      }
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      // A command shorter than its fixed fields (a COM_STMT_EXECUTE without a statement id, say):
      // a protocol violation, which ends this connection only. Left to the executor, it would
      // log a stack trace and leave the client waiting for an answer forever.
      log.info("session {}: closing, malformed command packet: {}", connectionId, e.getMessage());
      writer.discard();
      channel.close();
    } finally {
      packet.release();
      writer.flush();
      resumeReadingIfDrained();
    }
  }

  private void dispatch(int command, ByteBuf payload) {
    switch (command) {
      case CommandType.COM_QUERY -> query(payload);
      case CommandType.COM_STMT_EXECUTE -> prepared.execute(payload);
      case CommandType.COM_STMT_PREPARE -> prepared.prepare(payload);
      case CommandType.COM_STMT_SEND_LONG_DATA -> prepared.sendLongData(payload);
      case CommandType.COM_STMT_CLOSE -> prepared.close(payload);
      case CommandType.COM_STMT_RESET -> prepared.reset(payload);
      case CommandType.COM_STMT_FETCH -> prepared.fetch(payload);
      case CommandType.COM_PING -> ok();
      case CommandType.COM_QUIT -> quit();
      case CommandType.COM_INIT_DB -> initDb(readString(payload));
      case CommandType.COM_FIELD_LIST -> forwardPlain(payload, Response.FIELD_LIST);
      case CommandType.COM_STATISTICS -> forwardPlain(payload, Response.SINGLE_PACKET);
      case CommandType.COM_SET_OPTION -> setOption(payload);
      case CommandType.COM_RESET_CONNECTION -> {
        resetSession();
        ok();
      }
      case CommandType.COM_CHANGE_USER -> startChangeUser(payload);
      default -> writer.error(new ErrPacket(1047, "08S01", "Unknown command"));
    }
  }

  private void query(ByteBuf payload) {
    String sql =
        payload.toString(
            payload.readerIndex() + 1, payload.readableBytes() - 1, collation.javaCharset());
    StatementInfo info = StatementClassifier.classify(sql);
    statements.statement(info);
    if (info.has(StatementFlag.LOAD_DATA_LOCAL)) {
      writer.error(Errors.LOAD_DATA_LOCAL);
      return;
    }
    if (info.kind() == StatementKind.SHOW) {
      LocalResultSet local = context.localAnswers().answer(sql);
      if (local != null) {
        statements.adminStatement();
        local.writeTo(writer, capabilities, tracker.statusFlags());
        return;
      }
    }
    if (info.kind() == StatementKind.USE && info.statementCount() == 1) {
      String schema = UseStatement.schemaOf(sql);
      if (schema != null) {
        initDb(schema);
        return;
      }
    }
    boolean readsDiagnostics = Diagnostics.reads(sql);
    BackendLease.Work work =
        backend -> {
          if (readsDiagnostics) {
            tracker.restoreDiagnostics(backend);
          }
          backend.channel().writeQuery(payload);
          tracker.statementDone(info, relay(backend).relayResults(), backend);
          if (info.statementCount() > 1 && MAY_USE.matcher(sql).find()) {
            tracker.followSchema(backend);
          }
        };
    ShardedSchemas.Router router = context.sharding().router(state.schema());
    RoutePlan plan = router != null && ShardedStatements.needsPlan(info) ? router.plan(sql) : null;
    // A text statement with a bare ? is a syntax error the server reports.
    if (plan == null || plan.parameterCount() > 0) {
      lease.run(state, info, work);
      return;
    }
    sharded.run(
        state,
        info,
        router,
        sql,
        plan,
        List.of(),
        RowFormat.TEXT,
        tracker.statusFlags(),
        work,
        backend -> {
          backend.channel().writeQuery(payload);
          return true;
        },
        shardSql ->
            backend -> {
              ByteBuf rewritten = queryPayload(shardSql);
              try {
                backend.channel().writeQuery(rewritten);
              } finally {
                rewritten.release();
              }
              return true;
            });
  }

  /** A COM_QUERY payload with {@code sql} in the session's character set. */
  private ByteBuf queryPayload(String sql) {
    byte[] text = sql.getBytes(collation.javaCharset());
    ByteBuf payload = Unpooled.buffer(text.length + 1);
    return payload.writeByte(CommandType.COM_QUERY).writeBytes(text);
  }

  private enum Response {
    FIELD_LIST,
    SINGLE_PACKET
  }

  private void forwardPlain(ByteBuf payload, Response response) {
    lease.run(
        state,
        null,
        backend -> {
          backend.channel().writeCommand(payload);
          ResultRelay relay = relay(backend);
          if (response == Response.FIELD_LIST) {
            relay.relayFieldList();
          } else {
            relay.relaySinglePacket();
          }
        });
  }

  private void initDb(String schema) {
    ErrPacket denied = context.schemas().check(user, host, schema);
    if (denied != null) {
      writer.error(denied);
      return;
    }
    lease.run(
        state,
        null,
        backend -> {
          ErrPacket error = BackendCommands.initDb(backend.channel(), backendSchema(schema));
          if (error != null) {
            writer.error(error);
            return;
          }
          state.schema(schema);
          backend.state().schema(schema);
          ok();
        });
  }

  private void setOption(ByteBuf payload) {
    if (payload.readableBytes() < 3) {
      writer.error(new ErrPacket(1047, "08S01", "Unknown command"));
      return;
    }
    int option = payload.getUnsignedShortLE(payload.readerIndex() + 1);
    if (option > 1) {
      writer.error(new ErrPacket(1047, "08S01", "Unknown command"));
      return;
    }
    state.multiStatements(option == 0);
    // MySQL answers COM_SET_OPTION with EOF, which CLIENT_DEPRECATE_EOF turns into an OK.
    if (clientHas(CapabilityFlags.CLIENT_DEPRECATE_EOF)) {
      writer.eofOk(new OkPacket(0, 0, tracker.statusFlags(), 0));
    } else {
      writer.eof(new EofPacket(0, tracker.statusFlags()));
    }
  }

  private void ok() {
    writer.ok(new OkPacket(0, 0, tracker.statusFlags(), 0));
  }

  /** The backend connection is gone, and with it the transaction and prepared statements. */
  private void transactionEnded() {
    tracker.transactionLost();
  }

  private void connectionLost() {
    prepared.connectionLost();
    tracker.transactionLost();
  }

  private void quit() {
    close();
    channel.close();
  }

  private void startChangeUser(ByteBuf payload) {
    boolean secure = channel.pipeline().get(SslHandler.class) != null;
    changeUser = new ChangeUserExchange(context, scramble, host, capabilities, secure);
    finishChangeUser(changeUser.start(payload, writer, collation.id()));
  }

  private void continueChangeUser(ByteBuf payload) {
    finishChangeUser(changeUser.next(payload, writer));
  }

  private void finishChangeUser(ChangeUserExchange.Result result) {
    if (result == null) {
      return;
    }
    changeUser = null;
    if (result.error() != null) {
      writer.error(result.error());
      return;
    }
    resetSession();
    user = result.user();
    collation = context.collations().byId(result.collationId());
    state.schema(result.schema());
    resetState();
    ok();
  }

  private ResultRelay relay(BackendConnection backend) {
    return new ResultRelay(backend.channel(), writer, capabilities, tracker.statusFlags());
  }

  /** Ends everything the session holds on the backend, as COM_RESET_CONNECTION does. */
  private void resetSession() {
    lease.resetAndRelease();
    prepared.clear();
    resetState();
  }

  private void resetState() {
    String schema = state.schema();
    state.resetToServerDefaults();
    state.schema(schema);
    state.names(collation.charset(), collation.name());
    state.multiStatements(clientHas(CapabilityFlags.CLIENT_MULTI_STATEMENTS));
    tracker.resetStatus();
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    lease.close();
    prepared.clear();
    writer.discard();
    context.registry().remove(this);
  }

  private String backendSchema(String schema) {
    return context.schemas().backendName(schema);
  }

  /** The server status after the last statement: whether the session is in autocommit mode. */
  private int statusFlags() {
    return tracker.statusFlags();
  }

  private boolean clientHas(int flag) {
    return CapabilityFlags.has(capabilities, flag);
  }

  private static String readString(ByteBuf payload) {
    return payload.toString(
        payload.readerIndex() + 1, payload.readableBytes() - 1, StandardCharsets.UTF_8);
  }
}
