package io.shardway.server.session;

import io.shardway.protocol.ErrPacket;
import io.shardway.router.StatementInfo;
import io.shardway.router.StatementKind;
import io.shardway.router.merge.RowFormat;
import io.shardway.router.merge.UnsupportedMergeException;
import io.shardway.router.plan.InsertSplit;
import io.shardway.router.plan.QueryMerge;
import io.shardway.router.plan.Route;
import io.shardway.router.plan.RoutePlan;
import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardKeyException;
import io.shardway.server.frontend.ClientWriter;
import io.shardway.server.sharding.ShardedSchemas;
import io.shardway.server.state.ConnectionState;
import io.shardway.server.topology.BackendGroup;
import io.shardway.server.topology.ShardGroups;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a statement of a schema with sharded or broadcast tables where its plan says: on one shard
 * group, on several with their answers joined, or nowhere, refused with error 1235.
 */
final class ShardedStatements {
  /**
   * Statements about the session rather than data: they run on the held connection, or on the
   * default group, and their effects are replayed on whichever group the next statement needs.
   */
  private static final Set<StatementKind> SESSION_ONLY =
      EnumSet.of(
          StatementKind.SET,
          StatementKind.USE,
          StatementKind.BEGIN,
          StatementKind.COMMIT,
          StatementKind.ROLLBACK,
          StatementKind.SAVEPOINT,
          StatementKind.UNLOCK_TABLES,
          StatementKind.EMPTY);

  private final ShardGroups groups;
  private final BackendLease lease;
  private final ClientWriter writer;
  private final ScatterStatements scatter;
  private final MergedSelects merged;

  ShardedStatements(
      ShardGroups groups,
      BackendLease lease,
      ClientWriter writer,
      ScatterStatements scatter,
      MergedSelects merged) {
    this.groups = groups;
    this.lease = lease;
    this.writer = writer;
    this.scatter = scatter;
    this.merged = merged;
  }

  /** Whether a statement of a sharded schema needs a plan, or just runs where the session is. */
  static boolean needsPlan(StatementInfo info) {
    return info == null || !SESSION_ONLY.contains(info.kind());
  }

  /**
   * @param format the rows' protocol: text for COM_QUERY, binary for COM_STMT_EXECUTE
   * @param single runs the statement on one connection and relays its answer
   * @param send sends the statement to one connection of a scatter (the answer is joined here)
   * @param rewritten sends another statement instead: what each group runs of a merged SELECT
   */
  void run(
      ConnectionState state,
      StatementInfo info,
      ShardedSchemas.Router router,
      String sql,
      RoutePlan plan,
      List<ShardKey> parameters,
      RowFormat format,
      int sessionStatus,
      BackendLease.Work single,
      ShardSend send,
      Function<String, ShardSend> rewritten) {
    Route route;
    try {
      route = plan.bind(parameters);
    } catch (ShardKeyException e) {
      // MySQL's own answer for a row that no partition takes.
      writer.error(new ErrPacket(1526, "HY000", e.getMessage()));
      return;
    }
    if (route instanceof Route.Single one) {
      lease.run(state, info, target(one, router, sql), single);
    } else if (route instanceof Route.Scatter many) {
      List<BackendGroup> targets = new ArrayList<>();
      many.groups().forEach(name -> targets.add(groups.group(name)));
      switch (many.merge()) {
        case CONCATENATE ->
            scatter.concatenate(state, info, targets, many.rowLimit(), sessionStatus, send);
        case SUM_AFFECTED_ROWS -> scatter.sumAffectedRows(state, info, targets, false, send);
        case ALL_MUST_SUCCEED -> scatter.sumAffectedRows(state, info, targets, true, send);
        case QUERY ->
            mergedSelect(state, info, router, sql, targets, format, sessionStatus, rewritten);
        case SPLIT_INSERT -> splitInsert(state, info, router, sql, rewritten);
      }
    } else {
      writer.error(Errors.refused(((Route.Refused) route).message()));
    }
  }

  private void mergedSelect(
      ConnectionState state,
      StatementInfo info,
      ShardedSchemas.Router router,
      String sql,
      List<BackendGroup> targets,
      RowFormat format,
      int sessionStatus,
      Function<String, ShardSend> rewritten) {
    QueryMerge merge;
    try {
      merge = router.queryMerge(sql);
    } catch (UnsupportedMergeException e) {
      writer.error(Errors.notSupported(e.getMessage()));
      return;
    }
    if (!scatter.refusedWhileHeld()) {
      merged.run(
          state,
          info,
          targets,
          merge,
          format,
          sessionStatus,
          rewritten.apply(merge.shardStatement()));
    }
  }

  private void splitInsert(
      ConnectionState state,
      StatementInfo info,
      ShardedSchemas.Router router,
      String sql,
      Function<String, ShardSend> rewritten) {
    InsertSplit split;
    try {
      split = router.splitInsert(sql);
    } catch (UnsupportedMergeException e) {
      writer.error(Errors.notSupported(e.getMessage()));
      return;
    }
    List<ScatterStatements.WritePart> parts = new ArrayList<>();
    for (InsertSplit.Part part : split.parts()) {
      parts.add(
          new ScatterStatements.WritePart(
              groups.group(part.group()), rewritten.apply(part.statement())));
    }
    scatter.insertSplit(state, info, parts, split.firstGeneratedKey());
  }

  /**
   * Where to prepare a statement: a group that has its tables. Bound to NULL parameters, the plan
   * names one (a NULL key matches no row, so any single group answers it); {@code fallback} when it
   * names none, and the execution will say why.
   */
  BackendGroup prepareGroup(ShardedSchemas.Router router, String sql, BackendGroup fallback) {
    try {
      RoutePlan plan = router.plan(sql);
      List<ShardKey> nulls = new ArrayList<>();
      for (int i = 0; i < plan.parameterCount(); i++) {
        nulls.add(null);
      }
      Route route = plan.bind(nulls);
      if (route instanceof Route.Single one) {
        return groups.group(one.group());
      }
      if (route instanceof Route.Scatter many) {
        return groups.group(many.groups().get(0));
      }
    } catch (ShardKeyException e) {
      // No group for a NULL key (a list without a default): prepare where the schema lives.
    }
    return fallback;
  }

  /**
   * The group of a single-group route. A statement that names no table at all ({@code SELECT
   * LAST_INSERT_ID()}) goes to the default group in the plan, but belongs on the connection the
   * session holds, in a transaction on another group, say.
   */
  private BackendGroup target(Route.Single route, ShardedSchemas.Router router, String sql) {
    BackendGroup group = groups.group(route.group());
    BackendGroup held = lease.heldGroup();
    if (held != null && held != group && router.namesNoTable(sql)) {
      return held;
    }
    return group;
  }
}
