package io.shardway.server.session;

import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.ServerStatus;
import io.shardway.router.StatementInfo;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.frontend.ClientWriter;
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
  private final long connectionId;
  private final boolean foundRows;
  private final SessionPins pins;
  private final Runnable onLoss;
  private final Map<BackendGroup, ReadWriteRouting> routings = new HashMap<>();
  private final IntSupplier statusFlags;
  private BackendConnection held;
  private BackendGroup heldGroup;
  private GroupMember heldMember;

  /**
   * @param foundRows whether the client asked for CLIENT_FOUND_ROWS (picks the pool)
   * @param statusFlags the server status after the session's last statement
   * @param onLoss what the session forgets when its connection is lost
   */
  BackendLease(
      SessionContext context,
      ClientWriter writer,
      long connectionId,
      boolean foundRows,
      IntSupplier statusFlags,
      Runnable onLoss) {
    this.context = context;
    this.writer = writer;
    this.connectionId = connectionId;
    this.foundRows = foundRows;
    this.pins = new SessionPins(context.pins());
    this.onLoss = onLoss;
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
      writer.error(Errors.pinnedToOtherGroup(heldGroup.name(), group.name(), pinReasons()));
      return;
    }
    Attempt attempt = attempt(wanted, info, group, work, null, true);
    if (attempt.retryWithout() != null) {
      attempt(wanted, info, group, work, attempt.retryWithout(), true);
    }
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
    ReadWriteRouting routing =
        routings.computeIfAbsent(group, g -> new ReadWriteRouting(g, context.readWrite()));
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
    if (held == null || pinned()) {
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
