package io.shardway.server.metrics;

import io.shardway.router.StatementInfo;
import io.shardway.server.topology.BackendGroup;

/**
 * Follows one session's commands and records each statement among them: its type, where it ran, how
 * it ended and how long it took. A session runs its commands one at a time, so the recorder needs
 * no locking.
 *
 * <p>The session calls {@link #commandStarted} and {@link #commandEnded} around every command; only
 * the commands that name a statement in between ({@link #statement}, {@link #adminStatement}) are
 * recorded: COM_QUERY and COM_STMT_EXECUTE, not COM_PING or COM_STMT_PREPARE.
 */
public final class StatementRecorder {
  private final ShardwayMetrics metrics;
  private long startedNanos;

  /** The statement's type, or null while the command runs none. */
  private StatementType type;

  private StatementRoute route;
  private BackendGroup firstGroup;

  StatementRecorder(ShardwayMetrics metrics) {
    this.metrics = metrics;
  }

  /** A command from the client starts. */
  public void commandStarted() {
    startedNanos = metrics.nanoTime();
    type = null;
    route = StatementRoute.LOCAL;
    firstGroup = null;
  }

  /** The command runs the statement {@code info} describes. */
  public void statement(StatementInfo info) {
    type = StatementType.of(info.kind());
  }

  /** The command is a statement Shardway answers itself. */
  public void adminStatement() {
    type = StatementType.ADMIN;
  }

  /**
   * The statement, or a part of it, runs on a server of {@code group}.
   *
   * @param onWriter whether that server is the group's writer
   */
  public void routed(BackendGroup group, boolean onWriter) {
    if (firstGroup == null || group == firstGroup && route != StatementRoute.SCATTER) {
      // A read retried on another server of the group counts where it ran last.
      firstGroup = group;
      route = onWriter ? StatementRoute.PRIMARY : StatementRoute.REPLICA;
    } else if (group != firstGroup) {
      route = StatementRoute.SCATTER;
    }
  }

  /**
   * The command's response has gone to the client.
   *
   * @param errorCode the MySQL error code of the ERR packet that ended it, 0 when none did
   */
  public void commandEnded(int errorCode) {
    if (type != null) {
      metrics.statementDone(type, route, errorCode, metrics.nanoTime() - startedNanos);
      type = null;
    }
  }
}
