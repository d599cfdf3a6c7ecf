package io.shardway.server.session;

import io.shardway.protocol.ErrPacket;
import io.shardway.router.StatementInfo;
import io.shardway.server.backend.AffectedRowsSum;
import io.shardway.server.backend.BackendChannel;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.backend.RelayOutcome;
import io.shardway.server.backend.ScatterRelay;
import io.shardway.server.frontend.ClientWriter;
import io.shardway.server.state.ConnectionState;
import io.shardway.server.topology.BackendGroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs one statement on several shard groups, one group after another, each on a connection
 * borrowed from that group for the part, and joins the answers into what one server holding all the
 * rows would say.
 */
final class ScatterStatements {
  private final BackendLease lease;
  private final ClientWriter writer;
  private final int capabilities;
  private final PartDone partDone;

  /**
   * @param partDone told of each group's answer, so the session follows what it changed (a
   *     transaction that autocommit off opened on the group's connection, say)
   */
  ScatterStatements(BackendLease lease, ClientWriter writer, int capabilities, PartDone partDone) {
    this.lease = lease;
    this.writer = writer;
    this.capabilities = capabilities;
    this.partDone = partDone;
  }

  /** What the session learns from one group's answer. */
  interface PartDone {
    void done(StatementInfo info, RelayOutcome outcome, BackendConnection backend)
        throws IOException;
  }

  /**
   * The rows of every group, one result set. A part that fails ends the statement with that group's
   * error, after the rows already sent if some were.
   */
  void concatenate(
      ConnectionState state,
      StatementInfo info,
      List<BackendGroup> groups,
      long rowLimit,
      int sessionStatus,
      ShardSend send) {
    if (refusedWhileHeld()) {
      return;
    }
    ScatterRelay relay = new ScatterRelay(writer, capabilities, sessionStatus, rowLimit);
    if (readEach(state, info, groups, send, relay::relayPart, relay::satisfied)) {
      relay.finish();
    }
  }

  /**
   * One OK with the affected rows of every group summed, or, for the copies of a broadcast table,
   * those of one copy. A group that fails stops the statement; the error names the groups where it
   * ran and those where it did not.
   */
  void sumAffectedRows(
      ConnectionState state,
      StatementInfo info,
      List<BackendGroup> groups,
      boolean copies,
      ShardSend send) {
    List<WritePart> parts = new ArrayList<>(groups.size());
    groups.forEach(group -> parts.add(new WritePart(group, send)));
    write(state, info, parts, copies, 0);
  }

  /**
   * The rows of one INSERT split by group, each group running its own statement: one OK with the
   * affected rows summed and, when Shardway generated the keys, the first of them as the last
   * insert id, which {@code LAST_INSERT_ID()} then returns, as MySQL does after a multi-row INSERT.
   */
  void insertSplit(
      ConnectionState state, StatementInfo info, List<WritePart> parts, long firstGeneratedKey) {
    if (write(state, info, parts, false, firstGeneratedKey) && firstGeneratedKey != 0) {
      state.lastInsertId(firstGeneratedKey);
    }
  }

  /** One group's part of a write, and how it is sent there. */
  record WritePart(BackendGroup group, ShardSend send) {}

  /** Runs the parts one after another; false when one failed, its error answered. */
  private boolean write(
      ConnectionState state,
      StatementInfo info,
      List<WritePart> parts,
      boolean copies,
      long lastInsertId) {
    if (refusedWhileHeld()) {
      return false;
    }
    AffectedRowsSum sum = new AffectedRowsSum(copies);
    List<String> ran = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      WritePart part = parts.get(i);
      List<WritePart> rest = parts.subList(i + 1, parts.size());
      boolean done =
          part(
              state,
              info,
              part.group(),
              backend -> {
                if (!part.send().to(backend)) {
                  return false;
                }
                RelayOutcome outcome = sum.readPart(backend.channel());
                partDone.done(info, outcome, backend);
                if (outcome.failed()) {
                  writer.error(partialWrite(outcome.error(), part.group().name(), ran, rest));
                }
                return !outcome.failed();
              });
      if (!done) {
        return false;
      }
      ran.add(part.group().name());
    }
    sum.finish(writer, lastInsertId);
    return true;
  }

  /** Reads one group's answer to a scattered read. */
  private interface PartReader {
    RelayOutcome read(BackendChannel channel) throws IOException;
  }

  /**
   * Sends the statement to each group in turn and reads its answer, until {@code enough} says the
   * client has what it asked for (the first group is always asked: its answer describes the
   * columns); false when a group failed, after answering its error (following the rows already
   * sent, if any).
   */
  private boolean readEach(
      ConnectionState state,
      StatementInfo info,
      List<BackendGroup> groups,
      ShardSend send,
      PartReader reader,
      BooleanSupplier enough) {
    for (int i = 0; i < groups.size() && (i == 0 || !enough.getAsBoolean()); i++) {
      BackendGroup group = groups.get(i);
      boolean done =
          part(
              state,
              info,
              group,
              backend -> {
                if (!send.to(backend)) {
                  return false;
                }
                RelayOutcome outcome = reader.read(backend.channel());
                partDone.done(info, outcome, backend);
                if (outcome.failed()) {
                  failRead(outcome.error());
                }
                return !outcome.failed();
              });
      if (!done) {
        return false;
      }
    }
    return true;
  }

  /** One group's part of a scattered statement; false when it failed, its error answered. */
  private interface Part {
    boolean run(BackendConnection backend) throws IOException;
  }

  /**
   * Runs a part on a connection borrowed from {@code group}; false when it failed, or the lease
   * could not get or keep a connection (and answered the error).
   */
  private boolean part(ConnectionState state, StatementInfo info, BackendGroup group, Part part) {
    boolean[] done = {false};
    lease.run(state, info, group, backend -> done[0] = part.run(backend));
    return done[0];
  }

  /**
   * A scattered statement borrows a connection per group, or inside a transaction uses the
   * transaction's connection of each group; a session whose state lives on one connection
   * (temporary tables, locks…) cannot take part.
   */
  boolean refusedWhileHeld() {
    if (!lease.isHeld() || lease.mayJoinGroups()) {
      return false;
    }
    writer.error(
        Errors.notSupported(
            "a statement that runs on several shard groups while the session holds state on one"
                + " backend connection (see SHOW SHARDWAY SESSIONS)"));
    return true;
  }

  /**
   * Rows not yet flushed are dropped for the error alone; rows that reached the client are followed
   * by it, as MySQL ends a result that fails midway.
   */
  private void failRead(ErrPacket error) {
    writer.restartResponse();
    writer.error(error);
  }

  private static ErrPacket partialWrite(
      ErrPacket error, String failed, List<String> ran, List<WritePart> notRun) {
    StringBuilder where = new StringBuilder(" (shard group '").append(failed).append("'");
    if (!ran.isEmpty()) {
      where.append("; it ran on ").append(names(ran));
    }
    if (!notRun.isEmpty()) {
      List<String> rest = new ArrayList<>();
      notRun.forEach(part -> rest.add(part.group().name()));
      where.append("; it did not run on ").append(names(rest));
    }
    where.append(')');
    return new ErrPacket(error.errorCode(), error.sqlState(), error.message() + where);
  }

  private static String names(List<String> groups) {
    StringBuilder text = new StringBuilder();
    for (String group : groups) {
      text.append(text.length() == 0 ? "'" : ", '").append(group).append('\'');
    }
    return text.toString();
  }
}
