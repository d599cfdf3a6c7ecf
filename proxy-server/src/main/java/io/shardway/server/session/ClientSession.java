package io.shardway.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.shardway.config.User;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.CommandType;
import io.shardway.protocol.EofPacket;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.Packet;
import io.shardway.protocol.ServerStatus;
import io.shardway.router.SessionAssignment;
import io.shardway.router.StatementClassifier;
import io.shardway.router.StatementFlag;
import io.shardway.router.StatementInfo;
import io.shardway.router.StatementKind;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.backend.RelayOutcome;
import io.shardway.server.backend.ResultRelay;
import io.shardway.server.frontend.ClientWriter;
import io.shardway.server.frontend.LocalResultSet;
import io.shardway.server.state.ConnectionState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
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
  private static final Pattern MAY_USE = Pattern.compile("(?i)\\buse\\b");

  private final long connectionId;
  private final Channel channel;
  private final String host;
  private final SessionContext context;
  private final ClientWriter writer;
  private final SerialExecutor executor;
  private final SessionPins pins;
  private final ConnectionState state = new ConnectionState();
  private final PreparedStatementIds statements = new PreparedStatementIds();
  private final byte[] scramble;
  private final int capabilities;
  private User user;
  private Collation collation;
  private BackendConnection held;
  private ChangeUserExchange changeUser;
  private int statusFlags = ServerStatus.AUTOCOMMIT;
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
    this.executor = new SerialExecutor(context.workers());
    this.pins = new SessionPins(context.pins());
    this.scramble = start.scramble();
    this.capabilities = start.capabilities();
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
    synchronized (pins) {
      return pins.reasons();
    }
  }

  /** Queues a command; commands run in arrival order, one at a time. */
  public void enqueue(Packet packet) {
    executor.execute(() -> process(packet));
  }

  /** Queues the session's end, after the commands already queued. */
  public void closeAsync() {
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
        dispatch(payload.getUnsignedByte(payload.readerIndex()), payload);
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
    }
  }

  private void dispatch(int command, ByteBuf payload) {
    switch (command) {
      case CommandType.COM_QUERY -> query(payload);
      case CommandType.COM_STMT_EXECUTE -> executeStatement(payload);
      case CommandType.COM_STMT_PREPARE -> prepare(payload);
      case CommandType.COM_STMT_SEND_LONG_DATA -> sendLongData(payload);
      case CommandType.COM_STMT_CLOSE -> closeStatement(payload);
      case CommandType.COM_STMT_RESET -> forwardToStatement(payload, "mysqld_stmt_reset");
      case CommandType.COM_STMT_FETCH -> forwardToStatement(payload, "mysqld_stmt_fetch");
      case CommandType.COM_PING -> writer.ok(new OkPacket(0, 0, statusFlags, 0));
      case CommandType.COM_QUIT -> quit();
      case CommandType.COM_INIT_DB -> initDb(readString(payload));
      case CommandType.COM_FIELD_LIST -> forwardPlain(payload, Response.FIELD_LIST);
      case CommandType.COM_STATISTICS -> forwardPlain(payload, Response.SINGLE_PACKET);
      case CommandType.COM_SET_OPTION -> setOption(payload);
      case CommandType.COM_RESET_CONNECTION -> {
        resetSession();
        writer.ok(new OkPacket(0, 0, statusFlags, 0));
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
    if (info.has(StatementFlag.LOAD_DATA_LOCAL)) {
      writer.error(Errors.LOAD_DATA_LOCAL);
      return;
    }
    if (info.kind() == StatementKind.SHOW) {
      LocalResultSet local = context.localAnswers().answer(sql);
      if (local != null) {
        local.writeTo(writer, capabilities, statusFlags);
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
    runOnBackend(
        info,
        backend -> {
          backend.channel().writeQuery(payload);
          RelayOutcome outcome = relay(backend).relayResults();
          statementDone(info, outcome, backend);
          if (info.statementCount() > 1 && MAY_USE.matcher(sql).find()) {
            followSchema(backend);
          }
        });
  }

  /**
   * A USE inside a multi-statement changed the schema where Shardway could not see it; read it back
   * so the session and the connection agree with the server.
   */
  private void followSchema(BackendConnection backend) throws IOException {
    String current = BackendCommands.currentSchema(backend.channel());
    String schema = current == null ? null : context.schemas().logicalName(current);
    state.schema(schema);
    backend.state().schema(schema);
  }

  private void prepare(ByteBuf payload) {
    // Classified now, applied at each execution: a prepared SET or CREATE TEMPORARY TABLE changes
    // session state just as a text one does.
    StatementInfo info = StatementClassifier.classify(readString(payload, collation));
    pin(PinReason.PREPARED_STATEMENT);
    runOnBackend(
        null,
        backend -> {
          backend.channel().writeCommand(payload);
          RelayOutcome outcome = new RelayOutcome();
          long clientId = statements.nextClientId();
          long backendId = relay(backend).relayPrepare(outcome, clientId);
          if (backendId >= 0) {
            statements.opened(clientId, backendId, info);
          }
        });
    if (statements.isEmpty()) {
      unpin(PinReason.PREPARED_STATEMENT);
      releaseIfUnpinned();
    }
  }

  private void executeStatement(ByteBuf payload) {
    StatementInfo info = statements.info(payload.getUnsignedIntLE(payload.readerIndex() + 1));
    if (!toBackendStatementId(payload, "mysqld_stmt_execute")) {
      return;
    }
    runOnBackend(
        info,
        backend -> {
          backend.channel().writeCommand(payload);
          statementDone(info, relay(backend).relayResults(), backend);
        });
  }

  private void sendLongData(ByteBuf payload) {
    // No reply, even for an unknown statement: MySQL reports that at COM_STMT_EXECUTE.
    if (held != null && toBackendStatementIdQuietly(payload)) {
      runOnBackend(null, backend -> backend.channel().writeCommand(payload));
    }
  }

  private void closeStatement(ByteBuf payload) {
    long clientId = payload.getUnsignedIntLE(payload.readerIndex() + 1);
    if (held != null && toBackendStatementIdQuietly(payload)) {
      runOnBackend(null, backend -> backend.channel().writeCommand(payload));
    }
    statements.closed(clientId);
    if (statements.isEmpty()) {
      unpin(PinReason.PREPARED_STATEMENT);
      releaseIfUnpinned();
    }
  }

  private void forwardToStatement(ByteBuf payload, String commandName) {
    if (!toBackendStatementId(payload, commandName)) {
      return;
    }
    boolean fetch = payload.getUnsignedByte(payload.readerIndex()) == CommandType.COM_STMT_FETCH;
    runOnBackend(
        null,
        backend -> {
          backend.channel().writeCommand(payload);
          ResultRelay relay = relay(backend);
          RelayOutcome outcome = fetch ? relay.relayFetchedRows() : relay.relaySinglePacket();
          statementDone(null, outcome, backend);
        });
  }

  /** Rewrites the statement id in place; answers the client's error when it is unknown. */
  private boolean toBackendStatementId(ByteBuf payload, String commandName) {
    if (toBackendStatementIdQuietly(payload)) {
      return true;
    }
    long clientId = payload.getUnsignedIntLE(payload.readerIndex() + 1);
    writer.error(Errors.unknownStatement(clientId, commandName));
    return false;
  }

  private boolean toBackendStatementIdQuietly(ByteBuf payload) {
    if (payload.readableBytes() < 5) {
      return false;
    }
    long backendId = statements.backendId(payload.getUnsignedIntLE(payload.readerIndex() + 1));
    if (backendId < 0 || held == null) {
      return false;
    }
    payload.setIntLE(payload.readerIndex() + 1, (int) backendId);
    return true;
  }

  private enum Response {
    FIELD_LIST,
    SINGLE_PACKET
  }

  private void forwardPlain(ByteBuf payload, Response response) {
    runOnBackend(
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
    runOnBackend(
        null,
        backend -> {
          ErrPacket error = BackendCommands.initDb(backend.channel(), backendSchema(schema));
          if (error != null) {
            writer.error(error);
            return;
          }
          state.schema(schema);
          backend.state().schema(schema);
          writer.ok(new OkPacket(0, 0, statusFlags, 0));
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
      writer.eofOk(new OkPacket(0, 0, statusFlags, 0));
    } else {
      writer.eof(new EofPacket(0, statusFlags));
    }
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
    writer.ok(new OkPacket(0, 0, statusFlags, 0));
  }

  // ---- backend connections -------------------------------------------------------------------

  /** Work done with a backend connection; an IOException means the connection is lost. */
  private interface BackendWork {
    void run(BackendConnection backend) throws IOException;
  }

  private void runOnBackend(StatementInfo info, BackendWork work) {
    BackendConnection backend;
    try {
      backend =
          held != null
              ? held
              : context.backend().borrow(clientHas(CapabilityFlags.CLIENT_FOUND_ROWS));
    } catch (SQLException e) {
      writer.error(Errors.fromBackend(e));
      return;
    }
    held = backend;
    try {
      ErrPacket syncError = StateSync.apply(state, backend, info, context.schemas());
      if (syncError != null) {
        writer.error(syncError);
      } else {
        work.run(backend);
      }
    } catch (IOException | RuntimeException e) {
      connectionLost(backend, e);
    } finally {
      releaseIfUnpinned();
    }
  }

  private ResultRelay relay(BackendConnection backend) {
    return new ResultRelay(backend.channel(), writer, capabilities, statusFlags);
  }

  /** Updates pins and state from a statement's classification and what the backend answered. */
  private void statementDone(StatementInfo info, RelayOutcome outcome, BackendConnection backend)
      throws IOException {
    long ownLastInsertId = state.lastInsertId();
    long backendLastInsertId = backend.state().lastInsertId();
    List<String> computed;
    synchronized (pins) {
      computed = StatementEffects.apply(info, outcome, state, backend.state(), pins);
    }
    if (outcome.statusFlags() >= 0) {
      statusFlags = outcome.statusFlags();
    }
    if (!computed.isEmpty()) {
      followComputedVariables(backend, computed);
    }
    boolean mayHaveChanged =
        outcome.lastInsertId() != 0 || (info != null && info.has(StatementFlag.LAST_INSERT_ID));
    if (mayHaveChanged && outcome.warnings() == 0) {
      followLastInsertId(backend, ownLastInsertId, backendLastInsertId);
    }
  }

  /**
   * Reads back the values a SET computed (drivers send {@code SET sql_mode = CONCAT(@@sql_mode,
   * ...)} at connect), so they replay as literals instead of pinning the session.
   */
  private void followComputedVariables(BackendConnection backend, List<String> names)
      throws IOException {
    List<String> values = BackendCommands.sessionValues(backend.channel(), names);
    if (values == null) {
      pin(PinReason.UNREPLAYABLE_SET);
      return;
    }
    for (int i = 0; i < names.size(); i++) {
      SessionAssignment.SystemVariable value =
          new SessionAssignment.SystemVariable(names.get(i), values.get(i));
      state.apply(value);
      backend.state().apply(value);
    }
  }

  /**
   * Reads LAST_INSERT_ID() back from the server. The OK packet's insert id does not say it: an
   * explicit value in an AUTO_INCREMENT column is reported there but leaves LAST_INSERT_ID() as it
   * was, and {@code SELECT LAST_INSERT_ID(n)} sets it with no OK packet at all. A value the
   * statement left unchanged belonged to the connection's previous user, so the session keeps its
   * own. (Not after warnings: MySQL would clear them before the client's SHOW WARNINGS.)
   */
  private void followLastInsertId(BackendConnection backend, long own, long before)
      throws IOException {
    long now = BackendCommands.lastInsertId(backend.channel());
    backend.state().lastInsertId(now);
    state.lastInsertId(now != before ? now : own);
  }

  private void connectionLost(BackendConnection backend, Exception cause) {
    boolean inTransaction = pinReasons().contains(PinReason.TRANSACTION);
    log.warn("session {}: backend connection lost: {}", connectionId, cause.toString());
    backend.markBroken();
    held = null;
    backend.release();
    synchronized (pins) {
      pins.clear();
    }
    statements.clear();
    statusFlags &= ~ServerStatus.IN_TRANS;
    if (!writer.restartResponse()) {
      log.debug("session {}: part of the response was sent before the loss", connectionId);
    }
    writer.error(Errors.lostConnection(inTransaction));
  }

  private void releaseIfUnpinned() {
    if (held == null || !pinReasons().isEmpty()) {
      return;
    }
    BackendConnection backend = held;
    held = null;
    if (backend.state().untracked()) {
      resetBackend(backend);
    }
    backend.release();
  }

  /** COM_RESET_CONNECTION, so nothing of this session reaches the next borrower. */
  private void resetBackend(BackendConnection backend) {
    try {
      ErrPacket error = BackendCommands.resetConnection(backend.channel());
      if (error != null) {
        log.warn("session {}: backend reset failed: {}", connectionId, error.message());
        backend.markBroken();
      } else {
        backend.state().resetToServerDefaults();
      }
    } catch (IOException e) {
      backend.markBroken();
    }
  }

  private void pin(PinReason reason) {
    synchronized (pins) {
      pins.add(reason);
    }
  }

  private void unpin(PinReason reason) {
    synchronized (pins) {
      pins.remove(reason);
    }
  }

  /**
   * Ends everything the session holds on the backend (transaction, temporary tables, locks,
   * variables, prepared statements): the held connection is reset before it goes back to the pool,
   * so nothing of this session reaches the next borrower.
   */
  private void resetSession() {
    BackendConnection backend = held;
    held = null;
    if (backend != null) {
      resetBackend(backend);
      backend.release();
    }
    synchronized (pins) {
      pins.clear();
    }
    statements.clear();
    resetState();
  }

  private void resetState() {
    String schema = state.schema();
    state.resetToServerDefaults();
    state.schema(schema);
    state.names(collation.charset(), collation.name());
    state.multiStatements(clientHas(CapabilityFlags.CLIENT_MULTI_STATEMENTS));
    statusFlags = ServerStatus.AUTOCOMMIT;
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (held != null) {
      if (pinReasons().isEmpty()) {
        releaseIfUnpinned();
      } else {
        resetSession();
      }
    }
    synchronized (pins) {
      pins.clear();
    }
    writer.discard();
    context.registry().remove(this);
  }

  private String backendSchema(String schema) {
    return context.schemas().backendName(schema);
  }

  private boolean clientHas(int flag) {
    return CapabilityFlags.has(capabilities, flag);
  }

  private static String readString(ByteBuf payload) {
    return payload.toString(
        payload.readerIndex() + 1, payload.readableBytes() - 1, StandardCharsets.UTF_8);
  }

  private static String readString(ByteBuf payload, Collation collation) {
    return payload.toString(
        payload.readerIndex() + 1, payload.readableBytes() - 1, collation.javaCharset());
  }
}
