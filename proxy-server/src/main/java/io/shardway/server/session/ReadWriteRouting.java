package io.shardway.server.session;

import io.shardway.config.ReadWrite;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.ServerStatus;
import io.shardway.router.RouteHint;
import io.shardway.router.StatementFlag;
import io.shardway.router.StatementInfo;
import io.shardway.router.StatementKind;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.topology.BackendGroup;
import io.shardway.server.topology.GroupMember;
import io.shardway.server.topology.GtidPosition;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where one session's statements go among its shard group's servers: writes, transactions and
 * anything that depends on the connection to the writer; reads to a replica, unless the session
 * wrote something that replica may not have yet.
 *
 * <p>Read-your-writes has two modes. With GTIDs (MariaDB with a binlog), Shardway reads
 * {@code @@last_gtid} after each write and a read goes to a replica known to have applied it, or
 * one that applies it within {@code gtidWaitTimeout} ({@code MASTER_GTID_WAIT}), else to the
 * writer. Without them, reads follow a write to the writer for {@code stickyAfterWrite}.
 */
final class ReadWriteRouting {
  /** Statements that change data, or may: they move the session's read-your-writes horizon. */
  private static final Set<StatementKind> WRITES =
      EnumSet.of(
          StatementKind.INSERT,
          StatementKind.UPDATE,
          StatementKind.DELETE,
          StatementKind.REPLACE,
          StatementKind.DDL,
          StatementKind.LOAD_DATA,
          StatementKind.CALL,
          StatementKind.DO,
          StatementKind.EXECUTE,
          StatementKind.OTHER);

  /** Statements a {@code shardway:replica} hint may send to a replica. */
  private static final Set<StatementKind> READS =
      EnumSet.of(StatementKind.SELECT, StatementKind.SHOW, StatementKind.EXPLAIN);

  private final BackendGroup group;
  private final ReadWrite settings;
  private boolean writePending;
  private long lastWriteNanos;
  private boolean wrote;
  private GtidPosition lastWrite = GtidPosition.EMPTY;

  ReadWriteRouting(BackendGroup group, ReadWrite settings) {
    this.group = group;
    this.settings = settings;
  }

  /** Where a statement goes, and what a replica must have applied before it runs there. */
  record Route(
      GroupMember member, boolean replica, GtidPosition mustHaveApplied, ErrPacket error) {}

  /**
   * Picks the server for a statement that has no held connection to run on.
   *
   * @param info the statement, or null for commands that are not statements (COM_FIELD_LIST…)
   * @param autocommit whether the session is in autocommit mode: without it every statement opens
   *     or continues a transaction, which belongs on the writer
   * @param failed a replica that just failed this statement, to avoid; may be null
   */
  Route route(StatementInfo info, boolean autocommit, GroupMember failed) {
    if (wantsReplica(info, autocommit)) {
      boolean hinted = info.hints().route() == RouteHint.REPLICA;
      GtidPosition wait = hinted ? GtidPosition.EMPTY : readYourWritesPosition();
      if (wait != null) {
        GroupMember replica = group.replica(failed);
        if (replica != null) {
          return new Route(replica, true, wait, null);
        }
      }
      GroupMember fallback = group.fallbackReader(failed);
      if (fallback != null) {
        return new Route(fallback, false, GtidPosition.EMPTY, null);
      }
    }
    return writerRoute();
  }

  /** The writer, or the error that says there is none. */
  Route writerRoute() {
    GroupMember writer = group.writer();
    if (writer == null) {
      return new Route(null, false, GtidPosition.EMPTY, noWriter());
    }
    return new Route(writer, false, GtidPosition.EMPTY, null);
  }

  private boolean wantsReplica(StatementInfo info, boolean autocommit) {
    if (info == null || !group.hasReplicas()) {
      return false;
    }
    RouteHint hint = info.hints().route();
    if (hint == RouteHint.PRIMARY) {
      return false;
    }
    if (info.kind() == StatementKind.BEGIN) {
      // START TRANSACTION READ ONLY may read a replica's snapshot; the transaction stays there.
      return info.has(StatementFlag.READ_ONLY_TRANSACTION) && autocommit;
    }
    if (!autocommit) {
      return false;
    }
    return hint == RouteHint.REPLICA ? READS.contains(info.kind()) : info.replicaSafe();
  }

  /**
   * What a replica must have applied to serve this session's reads: empty when anything goes, null
   * when no replica may serve them yet (sticky mode, within {@code stickyAfterWrite}).
   */
  private GtidPosition readYourWritesPosition() {
    if (!wrote) {
      return GtidPosition.EMPTY;
    }
    if (usesGtids() && !lastWrite.isEmpty()) {
      return lastWrite;
    }
    long sinceWrite = System.nanoTime() - lastWriteNanos;
    return sinceWrite >= settings.stickyAfterWrite().toNanos() ? GtidPosition.EMPTY : null;
  }

  private boolean usesGtids() {
    return switch (settings.readYourWrites()) {
      case STICKY -> false;
      case GTID -> true;
      case AUTO -> {
        GroupMember writer = group.writer();
        yield writer != null && writer.health().gtids();
      }
    };
  }

  /**
   * Whether the replica of {@code route} has applied the session's last write, waiting for it up to
   * {@code gtidWaitTimeout}; when not, the read goes to the writer instead.
   */
  boolean caughtUp(Route route, BackendConnection replica) throws IOException {
    GtidPosition position = route.mustHaveApplied();
    if (position.isEmpty() || route.member().hasApplied(position)) {
      return true;
    }
    if (settings.gtidWaitTimeout().isZero()) {
      return false;
    }
    BigDecimal seconds =
        BigDecimal.valueOf(settings.gtidWaitTimeout().toMillis())
            .divide(BigDecimal.valueOf(1000), 3, RoundingMode.UNNECESSARY);
    String result =
        BackendCommands.selectValue(
            replica.channel(),
            // A position is digits, dashes and commas: nothing to escape.
            "SELECT MASTER_GTID_WAIT('" + position + "', " + seconds + ")");
    if ("0".equals(result)) {
      route.member().applied(position);
      return true;
    }
    return false;
  }

  /**
   * Whether a write ran inside a transaction that has not ended yet: what runs next on the writer
   * must be followed by {@link #ranOnWriter}.
   */
  boolean writePending() {
    return writePending;
  }

  /**
   * After a statement ran on the writer: a write moves the read-your-writes horizon once its
   * transaction is over (its GTID exists only after COMMIT).
   *
   * @param statusFlags the server status after the statement
   */
  void ranOnWriter(StatementInfo info, int statusFlags, BackendConnection writer)
      throws IOException {
    if (!group.hasReplicas()) {
      return;
    }
    if (info != null && writes(info)) {
      writePending = true;
    }
    if (!writePending || ServerStatus.has(statusFlags, ServerStatus.IN_TRANS)) {
      return;
    }
    writePending = false;
    wrote = true;
    lastWriteNanos = System.nanoTime();
    if (usesGtids()) {
      lastWrite =
          lastWrite.union(
              GtidPosition.parse(
                  BackendCommands.selectValue(writer.channel(), "SELECT @@last_gtid")));
    }
  }

  private static boolean writes(StatementInfo info) {
    return WRITES.contains(info.kind())
        // The kind is the first statement's; a later one may write.
        || info.statementCount() > 1
        || info.has(StatementFlag.SEQUENCE)
        || info.has(StatementFlag.WRITES_FILE);
  }

  private ErrPacket noWriter() {
    return new ErrPacket(
        1290,
        "HY000",
        "Shardway has no writable server in shard group '"
            + group.name()
            + "': every reachable server is read-only (a failover may be under way); reads still"
            + " work");
  }
}
