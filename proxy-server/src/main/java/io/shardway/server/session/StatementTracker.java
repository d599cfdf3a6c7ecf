package io.shardway.server.session;

import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.ServerStatus;
import io.shardway.router.SessionAssignment;
import io.shardway.router.StatementFlag;
import io.shardway.router.StatementInfo;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.backend.RelayOutcome;
import io.shardway.server.state.ConnectionState;
import java.io.IOException;
import java.util.List;

/**
 * Keeps a session's view of the server up to date after each statement: the state it changed, the
 * pins it added or ended, the last server status flags, and what only the server can say (computed
 * SET values, LAST_INSERT_ID(), a schema changed inside a multi-statement).
 */
final class StatementTracker {
  private final ConnectionState state;
  private final BackendLease lease;
  private final SchemaAccess schemas;
  private int statusFlags = ServerStatus.AUTOCOMMIT;
  private ErrPacket lastError;
  private Object lastStatement = new Object();

  StatementTracker(ConnectionState state, BackendLease lease, SchemaAccess schemas) {
    this.state = state;
    this.lease = lease;
    this.schemas = schemas;
  }

  /** The status flags of the server's last OK or EOF, for the answers Shardway gives itself. */
  int statusFlags() {
    return statusFlags;
  }

  void resetStatus() {
    statusFlags = ServerStatus.AUTOCOMMIT;
  }

  /** The connection was lost, and its transaction with it. */
  void transactionLost() {
    statusFlags &= ~ServerStatus.IN_TRANS;
  }

  /** Updates pins and state from a statement's classification and what the backend answered. */
  void statementDone(StatementInfo info, RelayOutcome outcome, BackendConnection backend)
      throws IOException {
    lastError = outcome.error();
    lastStatement = new Object();
    backend.lastStatement(lastStatement);
    if (outcome.failed() || outcome.warnings() > 0) {
      backend.diagnosticsOwner(this);
    }
    boolean warningsLinger = warningsLinger(outcome, backend);
    long ownLastInsertId = state.lastInsertId();
    long backendLastInsertId = backend.state().lastInsertId();
    List<String> computed;
    SessionPins pins = lease.pins();
    synchronized (pins) {
      computed =
          StatementEffects.apply(info, outcome, state, backend.state(), pins, warningsLinger);
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
   * Whether a session pinned for its last statement's warnings still finds them on the connection.
   * MariaDB keeps them through statements that use no table ({@code SELECT 1}, SET, SHOW WARNINGS
   * itself), whose own end packet counts none; the session stays pinned while they last, so a later
   * SHOW WARNINGS reads them as on a connection of its own.
   */
  private boolean warningsLinger(RelayOutcome outcome, BackendConnection backend)
      throws IOException {
    boolean pinned;
    synchronized (lease.pins()) {
      pinned = lease.pins().has(PinReason.WARNINGS);
    }
    if (!pinned || outcome.failed() || outcome.warnings() > 0) {
      return false;
    }
    String count = BackendCommands.selectValue(backend.channel(), "SELECT @@warning_count");
    return count != null && !count.equals("0");
  }

  /**
   * After a plain SELECT on a loop connection: it changed no state and pinned nothing, but it is
   * now the session's last statement, whose error the diagnostics read.
   */
  void loopStatementDone(RelayOutcome outcome) {
    lastError = outcome.error();
    lastStatement = new Object();
    if (outcome.statusFlags() >= 0) {
      statusFlags = outcome.statusFlags();
    }
  }

  /**
   * Before SHOW WARNINGS and the like. When another session's warnings linger here, or the
   * session's last statement ran on another connection, empty the diagnostics area, and raise the
   * last statement's error again with SIGNAL, so the server's own diagnostics answer (MySQL lists
   * the error in SHOW WARNINGS).
   */
  void restoreDiagnostics(BackendConnection backend) throws IOException {
    boolean ranHere = backend.ranLast(lastStatement);
    if (ranHere && !backend.holdsDiagnosticsOf(this)) {
      return;
    }
    BackendCommands.query(backend.channel(), Diagnostics.CLEAR);
    backend.diagnosticsOwner(null);
    backend.lastStatement(lastStatement);
    String signal = ranHere || lastError == null ? null : Diagnostics.signal(lastError);
    if (signal != null) {
      // The SIGNAL answers with the error it raises; that is the point, not a failure.
      BackendCommands.query(backend.channel(), signal);
      backend.diagnosticsOwner(this);
    }
  }

  /**
   * A USE inside a multi-statement changed the schema where Shardway could not see it; read it back
   * so the session and the connection agree with the server.
   */
  void followSchema(BackendConnection backend) throws IOException {
    String current = BackendCommands.currentSchema(backend.channel());
    String schema = current == null ? null : schemas.logicalName(current);
    state.schema(schema);
    backend.state().schema(schema);
  }

  /**
   * Reads back the values a SET computed (drivers send {@code SET sql_mode = CONCAT(@@sql_mode,
   * ...)} at connect), so they replay as literals instead of pinning the session.
   */
  private void followComputedVariables(BackendConnection backend, List<String> names)
      throws IOException {
    List<String> values = BackendCommands.sessionValues(backend.channel(), names);
    if (values == null) {
      lease.pin(PinReason.UNREPLAYABLE_SET);
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
}
