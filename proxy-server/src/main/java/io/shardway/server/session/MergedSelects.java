package io.shardway.server.session;

import io.shardway.protocol.ErrPacket;
import io.shardway.router.StatementInfo;
import io.shardway.router.merge.MergeOrderException;
import io.shardway.router.merge.MergePipeline;
import io.shardway.router.merge.MergeRow;
import io.shardway.router.merge.ResultColumns;
import io.shardway.router.merge.RowFormat;
import io.shardway.router.merge.RowStream;
import io.shardway.router.merge.UnsupportedMergeException;
import io.shardway.router.plan.QueryMerge;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.backend.MergedResultWriter;
import io.shardway.server.backend.ShardErrorException;
import io.shardway.server.backend.ShardRows;
import io.shardway.server.frontend.ClientWriter;
import io.shardway.server.state.ConnectionState;
import io.shardway.server.topology.BackendGroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a SELECT on several shard groups at once, one connection per group, and writes the result
 * its {@link QueryMerge} computes from their rows: ordered, grouped, distinct or limited as one
 * server holding all the rows would answer. The merge pulls rows from each group's connection as it
 * needs them, so memory holds a few rows per group, however large the groups' results.
 */
final class MergedSelects {
  private static final Logger log = LoggerFactory.getLogger(MergedSelects.class);

  /**
   * The most groups an ORDER BY over aggregates sorts in memory: the merge cannot stream them in
   * the client's order, since each group's row is complete only after every shard's part of it.
   */
  static final int SORT_BUFFER_ROWS = 100_000;

  /**
   * Rows left unread on a connection when the merge has what it needs are read and dropped up to
   * this many; past it, closing the connection is cheaper than reading the rest.
   */
  private static final long DRAIN_LIMIT = 10_000;

  private final BackendLease lease;
  private final ClientWriter writer;
  private final int capabilities;

  MergedSelects(BackendLease lease, ClientWriter writer, int capabilities) {
    this.lease = lease;
    this.writer = writer;
    this.capabilities = capabilities;
  }

  void run(
      ConnectionState state,
      StatementInfo info,
      List<BackendGroup> groups,
      QueryMerge merge,
      RowFormat format,
      int sessionStatus,
      ShardSend send) {
    List<BackendConnection> parts = new ArrayList<>(groups.size());
    List<ShardRows> shards = new ArrayList<>(groups.size());
    try {
      for (BackendGroup group : groups) {
        BackendConnection part = lease.borrowPart(state, info, group);
        if (part == null) {
          return;
        }
        parts.add(part);
      }
      boolean fixedOffsetTimestamps = true;
      for (BackendConnection part : parts) {
        fixedOffsetTimestamps &= TimestampZones.fixedOffset(part);
      }
      // Every group gets the statement before any answer is read: they work at the same time.
      for (BackendConnection part : parts) {
        if (!send.to(part)) {
          drain(shards);
          return;
        }
        shards.add(new ShardRows(part));
      }
      merge(shards, merge, new ResultFormat(format, fixedOffsetTimestamps), sessionStatus);
    } catch (ShardErrorException e) {
      // The group's own answer; the others' answers are ended before their connections go back.
      try {
        drain(shards);
        writer.restartResponse();
        writer.error(e.error());
      } catch (IOException | RuntimeException lost) {
        lost(parts, lost);
      }
    } catch (IOException | RuntimeException e) {
      lost(parts, e);
    } finally {
      parts.forEach(lease::giveBackPart);
    }
  }

  /** How the groups' rows are encoded, for reading them: see {@link ResultColumns}. */
  private record ResultFormat(RowFormat rows, boolean fixedOffsetTimestamps) {}

  private void merge(
      List<ShardRows> shards, QueryMerge merge, ResultFormat format, int sessionStatus)
      throws IOException {
    ErrPacket error = null;
    for (ShardRows shard : shards) {
      ErrPacket shardError = shard.readColumns();
      error = error == null ? shardError : error;
    }
    if (error != null) {
      drain(shards);
      writer.error(error);
      return;
    }
    ShardRows first = shards.get(0);
    for (ShardRows shard : shards) {
      if (shard.definitions().size() != first.definitions().size()) {
        throw new IOException(
            "shard groups answered with different column counts ("
                + first.definitions().size()
                + " and "
                + shard.definitions().size()
                + ")");
      }
    }
    ResultColumns columns =
        new ResultColumns(format.rows(), first.definitions(), format.fixedOffsetTimestamps());
    shards.forEach(shard -> shard.decodeWith(columns));
    MergePipeline.MergedResult result;
    try {
      result = MergePipeline.build(merge, columns, List.copyOf(shards), SORT_BUFFER_ROWS);
    } catch (UnsupportedMergeException e) {
      drain(shards);
      writer.error(Errors.notSupported(e.getMessage()));
      return;
    }
    MergedResultWriter out = new MergedResultWriter(writer, capabilities, sessionStatus);
    out.columns(first.definitionPayloads().subList(0, result.clientColumns().size()));
    try {
      RowStream rows = result.rows();
      for (MergeRow row = rows.next(); row != null; row = rows.next()) {
        out.row(row.payload());
      }
    } catch (UnsupportedMergeException | MergeOrderException e) {
      drain(shards);
      writer.restartResponse();
      writer.error(Errors.notSupported(e.getMessage()));
      return;
    }
    drain(shards);
    shards.forEach(out::shardEnded);
    out.finish();
  }

  /** Which connection failed is not known here: none of them goes back to the pool. */
  private void lost(List<BackendConnection> parts, Exception cause) {
    log.warn("merged SELECT lost a backend connection: {}", cause.toString());
    parts.forEach(BackendConnection::markBroken);
    writer.restartResponse();
    writer.error(Errors.lostConnection(false));
  }

  /**
   * Ends each shard's answer so its connection can serve the next command: the rows the merge did
   * not take are read and dropped, or, when many are left, the connection is closed instead.
   */
  private static void drain(List<ShardRows> shards) throws IOException {
    for (ShardRows shard : shards) {
      if (!shard.drain(DRAIN_LIMIT)) {
        shard.abandon();
      }
    }
  }
}
