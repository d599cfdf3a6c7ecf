package io.shardway.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Future;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.CommandType;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.Packet;
import io.shardway.protocol.PacketFraming;
import io.shardway.protocol.ServerStatus;
import io.shardway.router.StatementClassifier;
import io.shardway.router.StatementFlag;
import io.shardway.router.StatementInfo;
import io.shardway.router.StatementKind;
import io.shardway.router.plan.Route;
import io.shardway.router.plan.RoutePlan;
import io.shardway.router.shard.ShardKeyException;
import io.shardway.server.backend.LoopConnection;
import io.shardway.server.backend.LoopConnections;
import io.shardway.server.backend.RelayOutcome;
import io.shardway.server.backend.ResponseFrames;
import io.shardway.server.metrics.StatementRecorder;
import io.shardway.server.sharding.ShardedSchemas;
import io.shardway.server.state.ConnectionState;
import io.shardway.server.state.StateSynchronizer;
import io.shardway.server.topology.BackendGroup;
import io.shardway.server.topology.GroupMember;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs plain reads on the client's own event loop. An autocommit SELECT that changes no session
 * state, from a session that holds no backend connection, goes to a {@link LoopConnection} of the
 * same loop, and the response goes back to the client frame by frame, renumbered, with no thread
 * hand-off on the way: the bulk of a read-heavy application's traffic. Everything else runs on the
 * worker path, and so does a read whose loop connection cannot be had or fails before any of its
 * answer was written.
 *
 * <p>A read that leaves warnings or fails keeps its connection for the session while the session's
 * statements run here and the connection's diagnostics area may hold them, so SHOW WARNINGS and
 * {@code @@warning_count} read them there, as on a connection of the session's own.
 *
 * <p>Every method runs on the client channel's event loop.
 */
final class LoopStatements {
  private static final Logger log = LoggerFactory.getLogger(LoopStatements.class);

  /**
   * Answers a row only when the connection's diagnostics area is empty. Reading
   * {@code @@warning_count} leaves the area as it is.
   */
  private static final String NO_WARNINGS_LEFT = "SELECT 1 FROM DUAL WHERE @@warning_count = 0";

  /** Flags that leave a SELECT free of session state and of the connection's history. */
  private static final Set<StatementFlag> STATELESS = EnumSet.of(StatementFlag.NON_DETERMINISTIC);

  private final long connectionId;
  private final Channel client;
  private final int capabilities;
  private final SessionContext context;
  private final ConnectionState state;
  private final StatementTracker tracker;
  private final BackendLease lease;
  private final StatementRecorder statements;
  private final Supplier<Charset> charset;
  private final Consumer<Packet> toWorker;
  private final Runnable afterStatement;
  private Kept kept;
  private Statement running;

  /**
   * @param toWorker runs a packet on the worker path instead
   * @param afterStatement runs when a statement here ended, to go on with what waited for it
   */
  LoopStatements(
      long connectionId,
      Channel client,
      int capabilities,
      SessionContext context,
      ConnectionState state,
      StatementTracker tracker,
      BackendLease lease,
      StatementRecorder statements,
      Supplier<Charset> charset,
      Consumer<Packet> toWorker,
      Runnable afterStatement) {
    this.connectionId = connectionId;
    this.client = client;
    this.capabilities = capabilities;
    this.context = context;
    this.state = state;
    this.tracker = tracker;
    this.lease = lease;
    this.statements = statements;
    this.charset = charset;
    this.toWorker = toWorker;
    this.afterStatement = afterStatement;
  }

  /** Whether a statement runs here now; what the client sends meanwhile waits for it. */
  boolean busy() {
    return running != null;
  }

  /**
   * Starts {@code packet} here when it qualifies and returns true; returns false, having changed
   * nothing, when the worker path must run it. The caller knows the worker path idle.
   */
  boolean tryStart(Packet packet) {
    ByteBuf payload = packet.payload();
    int length = payload.readableBytes();
    if (length < 2
        || length >= PacketFraming.MAX_FRAME_PAYLOAD
        || payload.getUnsignedByte(payload.readerIndex()) != CommandType.COM_QUERY
        || lease.isHeld()) {
      return false;
    }
    int status = tracker.statusFlags();
    if (!ServerStatus.has(status, ServerStatus.AUTOCOMMIT)
        || ServerStatus.has(status, ServerStatus.IN_TRANS)) {
      return false;
    }
    String sql = payload.toString(payload.readerIndex() + 1, length - 1, charset.get());
    StatementInfo info = StatementClassifier.classify(sql);
    boolean readsWarnings = kept != null && Diagnostics.reads(sql);
    if (!readsWarnings && !plainRead(info, sql)) {
      return false;
    }
    // Should the worker path run it after all, it starts the record anew.
    statements.commandStarted();
    statements.statement(info);
    ShardedSchemas.Router router = context.sharding().router(state.schema());
    if (readsWarnings || kept != null && router != null && router.namesNoTable(sql)) {
      // A read without tables leaves the warnings be, whichever group the schema's default is.
      Kept kept = this.kept;
      this.kept = null;
      running =
          new Statement(packet, kept.group(), kept.member(), kept.onWriter(), readsWarnings, true);
      running.begin(kept.connection());
      return true;
    }
    BackendGroup group = target(router, sql);
    if (group == null) {
      return false;
    }
    ReadWriteRouting routing = lease.routing(group);
    ReadWriteRouting.Route route = routing.route(info, true, null);
    if (routing.writePending() || route.error() != null || !route.mustHaveApplied().isEmpty()) {
      return false;
    }
    GroupMember member = route.member();
    boolean onWriter = member == group.writer();
    LoopConnections connections = member.pool().loopConnections();
    // A kept connection runs the next read too, where the route allows its server (the same one,
    // or another replica of the group): a SELECT without tables leaves the warnings be.
    if (kept != null
        && (kept.member() == member
            || !onWriter && !kept.onWriter() && group.members().contains(kept.member()))) {
      Kept kept = this.kept;
      this.kept = null;
      running = new Statement(packet, kept.group(), kept.member(), kept.onWriter(), false, true);
      running.begin(kept.connection());
      return true;
    }
    if (!connections.usable()) {
      return false;
    }
    dropKept();
    LoopConnection connection = connections.take(client.eventLoop(), capabilities, state);
    if (connection != null) {
      running = new Statement(packet, group, member, onWriter, false, false);
      running.begin(connection);
      return true;
    }
    Future<LoopConnection> opening =
        connections.open(client.eventLoop(), socketType(), capabilities);
    if (opening == null) {
      return false;
    }
    Statement statement = new Statement(packet, group, member, onWriter, false, false);
    running = statement;
    opening.addListener(
        f -> {
          if (f.isSuccess()) {
            statement.begin((LoopConnection) f.getNow());
          } else {
            log.debug("session {}: no loop connection: {}", connectionId, f.cause().toString());
            statement.giveUp();
          }
        });
    return true;
  }

  /**
   * The group that answers the read alone: the schema's default group, or in a schema with sharded
   * tables the one group its shard keys pick; null when the read needs several groups or the worker
   * path's handling.
   */
  private BackendGroup target(ShardedSchemas.Router router, String sql) {
    if (router == null) {
      return lease.defaultGroup(state);
    }
    RoutePlan plan = router.plan(sql);
    if (plan.parameterCount() > 0) {
      return null;
    }
    try {
      return plan.bind(List.of()) instanceof Route.Single one
          ? context.groups().group(one.group())
          : null;
    } catch (ShardKeyException e) {
      return null;
    }
  }

  /**
   * A single SELECT that neither reads nor writes anything of the session or of the connection's
   * last statement.
   */
  private boolean plainRead(StatementInfo info, String sql) {
    return info.kind() == StatementKind.SELECT
        && info.statementCount() == 1
        && info.assignments().isEmpty()
        && STATELESS.containsAll(info.flags())
        // A SELECT reads diagnostics through @@warning_count or @@error_count only.
        && !(sql.indexOf("@@") >= 0 && Diagnostics.reads(sql));
  }

  /** The client can take more: resume reading the response. */
  void clientWritable() {
    if (running != null && client.isWritable()) {
      running.resume();
    }
  }

  /**
   * Lets go of the connection kept for diagnostics, when the next statement runs elsewhere; it goes
   * back to the pool once its diagnostics area is empty.
   */
  void dropKept() {
    if (kept != null) {
      DiagnosticsReset.thenRelease(kept.connection());
      kept = null;
    }
  }

  private Class<? extends Channel> socketType() {
    return client instanceof EpollSocketChannel ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  /** A connection whose diagnostics area holds the session's last warnings or error. */
  private record Kept(
      LoopConnection connection, BackendGroup group, GroupMember member, boolean onWriter) {}

  /** One statement on its way: bringing the connection to the session's state, then relaying. */
  private final class Statement implements LoopConnection.Listener {
    private final Packet packet;
    private final BackendGroup group;
    private final GroupMember member;
    private final boolean onWriter;
    private final boolean readsWarnings;
    private final boolean onKept;
    private final ArrayDeque<StateSync.Step> steps = new ArrayDeque<>();
    private LoopConnection backend;
    private ResponseFrames response;
    private int sequenceId;
    private boolean answered;
    private ResponseFrames warningsCheck;
    private int errorCode;

    /**
     * @param readsWarnings whether the statement reads the warnings of the last one, which it
     *     leaves in place for the next read
     * @param onKept whether the connection is the one kept for the last statement's warnings
     */
    Statement(
        Packet packet,
        BackendGroup group,
        GroupMember member,
        boolean onWriter,
        boolean readsWarnings,
        boolean onKept) {
      this.packet = packet;
      this.group = group;
      this.member = member;
      this.onWriter = onWriter;
      this.readsWarnings = readsWarnings;
      this.onKept = onKept;
      statements.routed(group, onWriter);
    }

    void begin(LoopConnection connection) {
      backend = connection;
      ConnectionState actual = connection.state();
      if (StateSynchronizer.needsReset(state, actual)) {
        // Rare: a connection carrying transaction characteristics; the worker path resets.
        backend.close();
        backend = null;
        giveUp();
        return;
      }
      if (!StateSynchronizer.inSync(state, actual)) {
        steps.addAll(StateSync.steps(state, actual, context.schemas()));
      }
      next();
    }

    /** Sends the next step toward the session's state, or the statement once there. */
    private void next() {
      StateSync.Step step = steps.peek();
      if (step != null) {
        backend.send(step.command().get(), this);
        return;
      }
      sequenceId = packet.nextSequenceId();
      response =
          new ResponseFrames(
              CapabilityFlags.has(backend.capabilities(), CapabilityFlags.CLIENT_DEPRECATE_EOF));
      if (onWriter) {
        member.routedWrite();
      } else {
        member.routedRead();
      }
      backend.send(packet.payload().retainedDuplicate(), this);
    }

    @Override
    public void frame(ByteBuf frame) {
      if (response == null) {
        stepAnswered(frame);
        return;
      }
      if (warningsCheck != null) {
        warningsChecked(frame);
        return;
      }
      boolean end;
      try {
        end = response.accept(frame);
      } catch (RuntimeException e) {
        frame.release();
        backend.close();
        fail("unexpected response: " + e.getMessage());
        return;
      }
      if (client.isActive()) {
        frame.setByte(frame.readerIndex() + 3, sequenceId);
        sequenceId = (sequenceId + 1) & 0xFF;
        client.write(frame, client.voidPromise());
        answered = true;
      } else {
        frame.release();
      }
      if (end) {
        done(response.outcome());
      } else if (!client.isWritable() && client.isActive()) {
        backend.autoRead(false);
      }
    }

    private void stepAnswered(ByteBuf frame) {
      StateSync.Step step = steps.poll();
      ErrPacket error = null;
      try {
        int first = frame.getUnsignedByte(frame.readerIndex() + PacketFraming.HEADER_SIZE);
        if (first == ErrPacket.HEADER) {
          error =
              ErrPacket.decode(
                  frame.slice(
                      frame.readerIndex() + PacketFraming.HEADER_SIZE,
                      frame.readableBytes() - PacketFraming.HEADER_SIZE));
        }
      } finally {
        frame.release();
      }
      if (error != null) {
        // The statement does not run, as on the worker path; what the connection holds now is
        // unknown, so it goes.
        backend.close();
        backend = null;
        answer(error);
        end();
        return;
      }
      step.effect().accept(backend.state());
      if (steps.isEmpty()) {
        long lastInsertId = backend.state().lastInsertId();
        backend.state().copyFrom(state);
        backend.state().lastInsertId(lastInsertId);
      }
      next();
    }

    @Override
    public void readComplete() {
      if (answered) {
        client.flush();
      }
    }

    @Override
    public void lost(String reason) {
      backend = null;
      if (warningsCheck != null) {
        // The client has its whole answer; only the warnings it might have asked for are gone.
        end();
        return;
      }
      fail(reason);
    }

    void resume() {
      if (backend != null) {
        backend.autoRead(true);
      }
    }

    /** The connection failed: before any answer the worker path runs it, after it is an error. */
    private void fail(String reason) {
      if (!answered) {
        log.debug(
            "session {}: loop connection failed ({}); the worker path runs it",
            connectionId,
            reason);
        giveUp();
        return;
      }
      log.warn("session {}: backend connection lost: {}", connectionId, reason);
      answer(Errors.lostConnection(false));
      end();
    }

    private void done(RelayOutcome outcome) {
      client.flush();
      backend.autoRead(true);
      tracker.loopStatementDone(outcome);
      errorCode = outcome.failed() ? outcome.error().errorCode() : 0;
      if (outcome.failed() || outcome.warnings() > 0 || readsWarnings) {
        // SHOW WARNINGS and @@error_count read the error or warnings on this connection.
        kept = new Kept(backend, group, member, onWriter);
      } else if (onKept) {
        // A statement without tables (SELECT 1) leaves the last one's warnings in place, yet its
        // own end packet counts none: ask before the connection goes back for others to use.
        warningsCheck =
            new ResponseFrames(
                CapabilityFlags.has(backend.capabilities(), CapabilityFlags.CLIENT_DEPRECATE_EOF));
        backend.send(BackendCommands.queryPayload(NO_WARNINGS_LEFT), this);
        return;
      } else {
        backend.release();
      }
      backend = null;
      end();
    }

    private void warningsChecked(ByteBuf frame) {
      boolean end;
      try {
        end = warningsCheck.accept(frame);
      } catch (RuntimeException e) {
        backend.close();
        backend = null;
        end();
        return;
      } finally {
        frame.release();
      }
      if (!end) {
        return;
      }
      if (warningsCheck.outcome().failed()) {
        backend.close();
      } else if (warningsCheck.rows() == 0) {
        kept = new Kept(backend, group, member, onWriter);
      } else {
        backend.release();
      }
      backend = null;
      end();
    }

    /** Hands the statement, untouched by anything the client saw, to the worker path. */
    void giveUp() {
      if (backend != null) {
        backend.close();
        backend = null;
      }
      running = null;
      toWorker.accept(packet);
      afterStatement.run();
    }

    private void answer(ErrPacket error) {
      errorCode = error.errorCode();
      if (!client.isActive()) {
        return;
      }
      client.writeAndFlush(
          Errors.frame(client.alloc(), error, answered ? sequenceId : packet.nextSequenceId()),
          client.voidPromise());
    }

    private void end() {
      packet.release();
      running = null;
      statements.commandEnded(errorCode);
      afterStatement.run();
    }
  }
}
