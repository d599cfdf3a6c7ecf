package io.shardway.server.session;

import io.shardway.protocol.ErrPacket;
import io.shardway.router.StatementInfo;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.frontend.ClientWriter;
import io.shardway.server.state.ConnectionState;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
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
  private BackendConnection held;

  /**
   * @param foundRows whether the client asked for CLIENT_FOUND_ROWS (picks the pool)
   * @param onLoss what the session forgets when its connection is lost
   */
  BackendLease(
      SessionContext context,
      ClientWriter writer,
      long connectionId,
      boolean foundRows,
      Runnable onLoss) {
    this.context = context;
    this.writer = writer;
    this.connectionId = connectionId;
    this.foundRows = foundRows;
    this.pins = new SessionPins(context.pins());
    this.onLoss = onLoss;
  }

  /**
   * Runs {@code work} on the held connection or a borrowed one brought to {@code wanted}'s state.
   * Errors in borrowing or bringing it to state go to the client and {@code work} does not run.
   */
  void run(ConnectionState wanted, StatementInfo info, Work work) {
    BackendConnection backend;
    try {
      backend = held != null ? held : context.backend().borrow(foundRows);
    } catch (SQLException e) {
      writer.error(Errors.fromBackend(e));
      return;
    }
    held = backend;
    try {
      ErrPacket syncError = StateSync.apply(wanted, backend, info, context.schemas());
      if (syncError != null) {
        writer.error(syncError);
      } else {
        work.run(backend);
      }
    } catch (IOException | RuntimeException e) {
      lost(backend, e);
    } finally {
      releaseIfUnpinned();
    }
  }

  boolean isHeld() {
    return held != null;
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

  private void lost(BackendConnection backend, Exception cause) {
    boolean inTransaction = pinReasons().contains(PinReason.TRANSACTION);
    log.warn("session {}: backend connection lost: {}", connectionId, cause.toString());
    backend.markBroken();
    held = null;
    backend.release();
    synchronized (pins) {
      pins.clear();
    }
    onLoss.run();
    if (!writer.restartResponse()) {
      log.debug("session {}: part of the response was sent before the loss", connectionId);
    }
    writer.error(Errors.lostConnection(inTransaction));
  }
}
