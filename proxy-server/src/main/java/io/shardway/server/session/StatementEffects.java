package io.shardway.server.session;

import io.shardway.protocol.ServerStatus;
import io.shardway.router.SessionAssignment;
import io.shardway.router.StatementFlag;
import io.shardway.router.StatementInfo;
import io.shardway.server.backend.RelayOutcome;
import io.shardway.server.state.ConnectionState;
import java.util.ArrayList;
import java.util.List;

/**
 * What a finished statement changed: replayable state (SET) is recorded on the session and on the
 * backend connection alike; state that is not replayable pins the session; the server status flags
 * say whether a transaction is open.
 */
final class StatementEffects {
  private StatementEffects() {}

  /**
   * Applies the statement's effects; returns the variables it set to computed values, which the
   * caller reads back from the server (empty when none).
   *
   * @param warningsLinger whether the last statement's warnings are still on the connection
   */
  static List<String> apply(
      StatementInfo info,
      RelayOutcome outcome,
      ConnectionState session,
      ConnectionState backend,
      SessionPins pins,
      boolean warningsLinger) {
    pins.statementDone();
    List<String> computed = List.of();
    if (info != null && (!outcome.failed() || outcome.completedResults() > 0)) {
      computed = applyStatement(info, outcome, session, backend, pins);
    }
    int status = outcome.statusFlags();
    if (status >= 0) {
      if (ServerStatus.has(status, ServerStatus.IN_TRANS)) {
        pins.add(PinReason.TRANSACTION);
      } else {
        pins.remove(PinReason.TRANSACTION);
        if (info == null || !info.has(StatementFlag.SET_NEXT_TRANSACTION)) {
          pins.remove(PinReason.NEXT_TRANSACTION);
        }
      }
      if (ServerStatus.has(status, ServerStatus.DB_DROPPED)) {
        session.schema(null);
        backend.schema(null);
      }
    }
    if (outcome.lastInsertId() != 0) {
      session.lastInsertId(outcome.lastInsertId());
      backend.lastInsertId(outcome.lastInsertId());
    }
    if (outcome.warnings() > 0 || warningsLinger) {
      pins.add(PinReason.WARNINGS);
    }
    return computed;
  }

  private static List<String> applyStatement(
      StatementInfo info,
      RelayOutcome outcome,
      ConnectionState session,
      ConnectionState backend,
      SessionPins pins) {
    // After a failed multi-statement it is unknown which SETs took effect.
    boolean complete = !outcome.failed();
    List<String> computed = List.of();
    for (SessionAssignment assignment : info.assignments()) {
      if (!complete || assignment instanceof SessionAssignment.Unreplayable) {
        pins.add(PinReason.UNREPLAYABLE_SET);
      } else if (assignment instanceof SessionAssignment.ComputedVariable v) {
        if (computed.isEmpty()) {
          computed = new ArrayList<>();
        }
        computed.add(v.name());
      } else {
        session.apply(assignment);
        backend.apply(assignment);
      }
    }
    if (info.has(StatementFlag.WRITES_USER_VARIABLE)) {
      pins.add(PinReason.USER_VARIABLE);
    }
    if (info.has(StatementFlag.CREATES_TEMPORARY_TABLE)) {
      pins.add(PinReason.TEMPORARY_TABLE);
    }
    if (info.has(StatementFlag.USER_LOCK)) {
      pins.add(PinReason.USER_LOCK);
    }
    if (info.has(StatementFlag.CALC_FOUND_ROWS)) {
      pins.add(PinReason.FOUND_ROWS);
    }
    if (info.has(StatementFlag.SET_NEXT_TRANSACTION)) {
      pins.add(PinReason.NEXT_TRANSACTION);
    }
    switch (info.kind()) {
      case CALL -> backend.markUntracked();
      case PREPARE -> pins.add(PinReason.SQL_PREPARED_STATEMENT);
      case LOCK_TABLES -> pins.add(PinReason.TABLE_LOCK);
      case UNLOCK_TABLES -> pins.remove(PinReason.TABLE_LOCK);
      default -> {}
    }
    return computed;
  }
}
