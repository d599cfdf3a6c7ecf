package io.shardway.server.session;

import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.ServerStatus;
import io.shardway.router.StatementInfo;
import io.shardway.router.StatementKind;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.frontend.ClientWriter;
import io.shardway.server.metrics.StatementRecorder;
import io.shardway.server.state.ConnectionState;
import io.shardway.server.topology.BackendGroup;
import io.shardway.server.topology.GroupMember;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's use of backend connections: borrow one per statement, bring it to the session's
 * state, give it back unless a pin keeps it, and reset it before it goes back when it carries this
 * session's state. A connection lost mid-statement becomes the client's error and the session goes
 * on with a fresh one.
 */
final class BackendLease {
  private static final Logger log = LoggerFactory.getLogger(BackendLease.class);

  /** Work done with a backend connection; an IOException means the connection is lost. */
  interface Work {
    void run(BackendConnection backend) throws IOException;
  }

  private final SessionContext context;
  private final ClientWriter writer;
  private final StatementRecorder statements;
  private final long connectionId;
  private final boolean foundRows;
  private final SessionPins pins;
  private final Runnable onLoss;
  private final Runnable transactionEnded;
  private final TransactionSpan span = new TransactionSpan();
  private final Map<BackendGroup, ReadWriteRouting> routings = new HashMap<>();
  private final IntSupplier statusFlags;
  private BackendConnection held;
  private BackendGroup heldGroup;
  private GroupMember heldMember;

  /**
   * @param statements told where each statement runs
   * @param foundRows whether the client asked for CLIENT_FOUND_ROWS (picks the pool)
   * @param statusFlags the server status after the session's last statement
   * @param onLoss what the session forgets when its connection is lost
   * @param transactionEnded what the session forgets when Shardway ends its transaction itself (one
   *     that spans shard groups)
   */
  BackendLease(
      SessionContext context,
      ClientWriter writer,
      StatementRecorder statements,
      long connectionId,
      boolean foundRows,
      IntSupplier statusFlags,
      Runnable onLoss,
      Runnable transactionEnded) {
    this.context = context;
    this.writer = writer;
    this.statements = statements;
    this.connectionId = connectionId;
    this.foundRows = foundRows;
    this.pins = new SessionPins(context.pins());
    this.onLoss = onLoss;
    this.transactionEnded = transactionEnded;
    this.statusFlags = statusFlags;
  }

  /**
   * Runs {@code work} on the held connection or a borrowed one brought to {@code wanted}'s state.
   * Errors in borrowing or bringing it to state go to the client and {@code work} does not run.
   *
   * <p>A read that a replica fails before any of its answer reached the client (the replica cannot
   * give a connection, or drops it) runs once more elsewhere: on another replica or the writer.
   */
  void run(ConnectionState wanted, StatementInfo info, Work work) {
    run(wanted, info, null, work);
  }

  /**
   * As {@link #run(ConnectionState, StatementInfo, Work)}, on a shard group the caller chose (null:
   * the held connection's, else the current schema's default).
   */
  void run(ConnectionState wanted, StatementInfo info, BackendGroup chosen, Work work) {
    BackendGroup group = chosen != null ? chosen : held != null ? heldGroup : defaultGroup(wanted);
    if (held != null && heldGroup != group) {
      // A statement for another group is not the one that may read the last one's warnings or
      // FOUND_ROWS(): those pins end here, as they would after it ran.
      synchronized (pins) {
        pins.statementDone();
      }
      releaseIfUnpinned();
    }
    if (!span.isEmpty() || held != null && heldGroup != group && mayJoinGroups()) {
      inSpan(wanted, info, group, work);
      return;
    }
    if (held != null && heldGroup != group) {
      writer.error(Errors.pinnedToOtherGroup(heldGroup.name(), group.name(), pinReasons()));
      return;
    }
    Attempt attempt = attempt(wanted, info, group, work, null, true);
    if (attempt.retryWithout() != null) {
      attempt(wanted, info, group, work, attempt.retryWithout(), true);
    }
  }

  /**
   * Whether the held connection is held for a transaction only, which other shard groups may then
   * join: anything else it holds (temporary tables, locks, variables) lives on that one server.
   */
  boolean mayJoinGroups() {
    if (held == null) {
      return false;
    }
    Set<PinReason> reasons = pinReasons();
    return reasons.contains(PinReason.TRANSACTION)
        && Set.of(PinReason.TRANSACTION, PinReason.WARNINGS).containsAll(reasons);
  }

  /** A statement of a transaction that spans, or is about to span, several shard groups. */
  private void inSpan(ConnectionState wanted, StatementInfo info, BackendGroup group, Work work) {
    String refusal = TransactionSpan.refusal(info);
    if (refusal != null) {
      writer.error(Errors.notSupported(refusal));
      return;
    }
    if (!span.isEmpty()
        && (info.kind() == StatementKind.COMMIT || info.kind() == StatementKind.ROLLBACK)) {
      endSpan(info.kind() == StatementKind.COMMIT);
      return;
    }
    if (group == heldGroup) {
      attempt(wanted, info, group, work, null, true);
      return;
    }
    BackendConnection joined = joined(wanted, info, group);
    if (joined == null) {
      return;
    }
    try {
      ErrPacket syncError = StateSync.apply(wanted, joined, info, context.schemas());
      if (syncError != null) {
        writer.error(syncError);
        return;
      }
      group.writer().routedWrite();
      statements.routed(group, true);
      work.run(joined);
    } catch (IOException | RuntimeException e) {
      spanLost(e);
    }
  }

  /**
   * The connection of {@code group} in the session's transaction: joined now, on the group's
   * writer, if the group has none yet. Null after answering the error when it cannot join.
   */
  private BackendConnection joined(ConnectionState wanted, StatementInfo info, BackendGroup group) {
    BackendConnection joined = span.connection(group);
    if (joined != null) {
      return joined;
    }
    ReadWriteRouting.Route route = routing(group).writerRoute();
    if (route.error() != null) {
      writer.error(route.error());
      return null;
    }
    try {
      joined = route.member().pool().borrow(foundRows);
    } catch (SQLException e) {
      writer.error(Errors.fromBackend(e));
      return null;
    }
    try {
      ErrPacket error = StateSync.apply(wanted, joined, info, context.schemas());
      if (error == null && ServerStatus.has(statusFlags.getAsInt(), ServerStatus.AUTOCOMMIT)) {
        // With autocommit off, the group's first statement opens its transaction by itself.
        error = BackendCommands.query(joined.channel(), "START TRANSACTION");
      }
      if (error != null) {
        giveBackPart(joined);
        writer.error(error);
        return null;
      }
    } catch (IOException | RuntimeException e) {
      joined.markBroken();
      joined.release();
      log.warn("session {}: backend connection lost: {}", connectionId, e.toString());
      writer.error(Errors.lostConnection(false));
      return null;
    }
    span.join(group, joined);
    return joined;
  }

  /** COMMIT or ROLLBACK of a transaction that spans groups: on every group, answered here. */
  private void endSpan(boolean commit) {
    ErrPacket error = null;
    if (commit) {
      error = span.commit(heldGroup, held, this);
    } else {
      span.rollback(held, this);
    }
    unpin(PinReason.TRANSACTION);
    transactionEnded.run();
    if (error != null) {
      writer.error(error);
    } else {
      writer.ok(new OkPacket(0, 0, statusFlags.getAsInt() & ~ServerStatus.IN_TRANS, 0));
    }
    releaseIfUnpinned();
  }

  /** A connection of a transaction that spans groups failed: the whole transaction is gone. */
  private void spanLost(Exception cause) {
    log.warn("session {}: backend connection lost: {}", connectionId, cause.toString());
    span.abandon();
    if (held != null) {
      drop(held);
    }
    onLoss.run();
    writer.restartResponse();
    writer.error(Errors.lostConnection(true));
  }

  /** Where this session's statements go among {@code group}'s servers. */
  ReadWriteRouting routing(BackendGroup group) {
    return routings.computeIfAbsent(group, g -> new ReadWriteRouting(g, context.readWrite()));
  }

  /** The shard group of the current schema's unlisted tables. */
  BackendGroup defaultGroup(ConnectionState wanted) {
    return context.groups().group(context.schemas().defaultGroup(wanted.schema()));
  }

  /** How one attempt ended: {@code retryWithout} names a replica that failed a retryable read. */
  private record Attempt(GroupMember retryWithout) {
    static final Attempt DONE = new Attempt(null);
  }

  /**
   * @param failedReplica a replica that failed this statement already; the attempt is then the last
   * @param replicaAllowed false when a replica turned out not to have the session's last write
   */
  private Attempt attempt(
      ConnectionState wanted,
      StatementInfo info,
      BackendGroup group,
      Work work,
      GroupMember failedReplica,
      boolean replicaAllowed) {
    boolean mayRetry = failedReplica == null;
    ReadWriteRouting routing = routing(group);
    ReadWriteRouting.Route route = null;
    if (held == null) {
      route =
          replicaAllowed
              ? routing.route(
                  info,
                  ServerStatus.has(statusFlags.getAsInt(), ServerStatus.AUTOCOMMIT),
                  failedReplica)
              : routing.writerRoute();
      if (route.error() != null) {
        writer.error(route.error());
        return Attempt.DONE;
      }
      try {
        held = route.member().pool().borrow(foundRows);
        heldGroup = group;
        heldMember = route.member();
      } catch (SQLException e) {
        if (route.replica() && mayRetry) {
          group.unreachable(route.member(), e.getMessage());
          return new Attempt(route.member());
        }
        writer.error(Errors.fromBackend(e));
        return Attempt.DONE;
      }
    }
    BackendConnection backend = held;
    GroupMember member = heldMember;
    boolean onWriter = member == group.writer();
    try {
      ErrPacket syncError = StateSync.apply(wanted, backend, info, context.schemas());
      if (syncError != null) {
        writer.error(syncError);
        return Attempt.DONE;
      }
      if (route != null && route.replica() && !routing.caughtUp(route, backend)) {
        // The replica has not applied this session's last write yet: read from the writer.
        releaseIfUnpinned();
        return attempt(wanted, info, group, work, failedReplica, false);
      }
      if (onWriter) {
        member.routedWrite();
      } else {
        member.routedRead();
      }
      statements.routed(group, onWriter);
      work.run(backend);
      if (onWriter) {
        routing.ranOnWriter(info, statusFlags.getAsInt(), backend);
      }
      return Attempt.DONE;
    } catch (IOException | RuntimeException e) {
      if (route != null && route.replica() && mayRetry && writer.restartResponse()) {
        log.info(
            "session {}: replica {} failed a read ({}); trying another server",
            connectionId,
            member.name(),
            e.toString());
        drop(backend);
        group.unreachable(member, e.getMessage());
        return new Attempt(member);
      }
      lost(backend, e);
      return Attempt.DONE;
    } finally {
      releaseIfUnpinned();
    }
  }

  /**
   * A connection of {@code group} for one part of a statement that runs on several groups at once,
   * brought to {@code wanted}'s state. The session does not hold it: the caller gives it back with
   * {@link #giveBackPart}. Null after answering the error when no server of the group can take the
   * part.
   */
  BackendConnection borrowPart(ConnectionState wanted, StatementInfo info, BackendGroup group) {
    if (held != null) {
      return partInTransaction(wanted, info, group);
    }
    ReadWriteRouting routing = routing(group);
    boolean autocommit = ServerStatus.has(statusFlags.getAsInt(), ServerStatus.AUTOCOMMIT);
    ReadWriteRouting.Route route = routing.route(info, autocommit, null);
    for (int attempt = 0; ; attempt++) {
      if (route.error() != null) {
        writer.error(route.error());
        return null;
      }
      BackendConnection backend;
      try {
        backend = route.member().pool().borrow(foundRows);
      } catch (SQLException e) {
        if (route.replica() && attempt == 0) {
          group.unreachable(route.member(), e.getMessage());
          route = routing.route(info, autocommit, route.member());
          continue;
        }
        writer.error(Errors.fromBackend(e));
        return null;
      }
      try {
        ErrPacket syncError = StateSync.apply(wanted, backend, info, context.schemas());
        if (syncError != null) {
          giveBackPart(backend);
          writer.error(syncError);
          return null;
        }
        if (route.replica() && !routing.caughtUp(route, backend)) {
          // The replica has not applied this session's last write yet: read from the writer.
          giveBackPart(backend);
          route = routing.writerRoute();
          continue;
        }
      } catch (IOException | RuntimeException e) {
        backend.markBroken();
        backend.release();
        log.warn("session {}: backend connection lost: {}", connectionId, e.toString());
        writer.error(Errors.lostConnection(false));
        return null;
      }
      if (route.member() == group.writer()) {
        route.member().routedWrite();
      } else {
        route.member().routedRead();
      }
      statements.routed(group, route.member() == group.writer());
      return backend;
    }
  }

  /** A part inside a transaction runs on the transaction's connection of its group. */
  private BackendConnection partInTransaction(
      ConnectionState wanted, StatementInfo info, BackendGroup group) {
    BackendConnection connection = group == heldGroup ? held : joined(wanted, info, group);
    if (connection == null) {
      return null;
    }
    try {
      ErrPacket syncError = StateSync.apply(wanted, connection, info, context.schemas());
      if (syncError != null) {
        writer.error(syncError);
        return null;
      }
    } catch (IOException | RuntimeException e) {
      spanLost(e);
      return null;
    }
    statements.routed(group, group != heldGroup || heldMember == group.writer());
    return connection;
  }

  /**
   * Gives back a connection of {@link #borrowPart}: reset first when the part left session state on
   * it that the next borrower must not see. The transaction's own connections stay.
   */
  void giveBackPart(BackendConnection backend) {
    if (backend == held || span.holds(backend)) {
      return;
    }
    if (!backend.isBroken() && !ServerStatus.has(statusFlags.getAsInt(), ServerStatus.AUTOCOMMIT)) {
      // With autocommit off, the part's read opened a transaction the session does not hold:
      // it ends here, so the next borrower starts from no snapshot of this session's.
      try {
        if (BackendCommands.query(backend.channel(), "ROLLBACK") != null) {
          backend.markBroken();
        }
      } catch (IOException e) {
        backend.markBroken();
      }
    }
    if (!backend.isBroken() && backend.state().untracked()) {
      reset(backend);
    }
    backend.release();
  }

  boolean isHeld() {
    return held != null;
  }

  /** The group of the held connection, or null. */
  BackendGroup heldGroup() {
    return heldGroup;
  }

  /** The pins, to update under their own lock (administration reads them from other threads). */
  SessionPins pins() {
    return pins;
  }

  Set<PinReason> pinReasons() {
    synchronized (pins) {
      return pins.reasons();
    }
  }

  /** Without copying the reasons: this runs after every statement. */
  private boolean pinned() {
    synchronized (pins) {
      return !pins.isEmpty();
    }
  }

  void pin(PinReason reason) {
    synchronized (pins) {
      pins.add(reason);
    }
  }

  void unpin(PinReason reason) {
    synchronized (pins) {
      pins.remove(reason);
    }
  }

  void releaseIfUnpinned() {
    if (held == null || pinned() || !span.isEmpty()) {
      return;
    }
    BackendConnection backend = held;
    held = null;
    heldGroup = null;
    heldMember = null;
    if (backend.state().untracked()) {
      reset(backend);
    }
    backend.release();
  }

  /**
   * Ends everything the session holds on the backend (transaction, temporary tables, locks,
   * variables, prepared statements): the held connection is reset before it goes back to the pool,
   * so nothing of this session reaches the next borrower.
   */
  void resetAndRelease() {
    span.abandon();
    BackendConnection backend = held;
    held = null;
    heldGroup = null;
    heldMember = null;
    if (backend != null) {
      reset(backend);
      backend.release();
    }
    synchronized (pins) {
      pins.clear();
    }
  }

  /** At the session's end: a pinned connection is reset first, an unpinned one just returned. */
  void close() {
    if (held != null && pinned()) {
      resetAndRelease();
    } else {
      releaseIfUnpinned();
    }
    synchronized (pins) {
      pins.clear();
    }
  }

  /** COM_RESET_CONNECTION, so nothing of this session reaches the next borrower. */
  private void reset(BackendConnection backend) {
    try {
      ErrPacket error = BackendCommands.resetConnection(backend.channel());
      if (error != null) {
        log.warn("session {}: backend reset failed: {}", connectionId, error.message());
        backend.markBroken();
      } else {
        backend.resetDone();
      }
    } catch (IOException e) {
      backend.markBroken();
    }
  }

  /** Evicts a connection that failed; whatever the session held on it is gone. */
  private void drop(BackendConnection backend) {
    span.abandon();
    backend.markBroken();
    held = null;
    heldGroup = null;
    heldMember = null;
    backend.release();
    synchronized (pins) {
      pins.clear();
    }
  }

  private void lost(BackendConnection backend, Exception cause) {
    boolean inTransaction = pinReasons().contains(PinReason.TRANSACTION);
    log.warn("session {}: backend connection lost: {}", connectionId, cause.toString());
    drop(backend);
    onLoss.run();
    if (!writer.restartResponse()) {
      log.debug("session {}: part of the response was sent before the loss", connectionId);
    }
    writer.error(Errors.lostConnection(inTransaction));
  }
}
