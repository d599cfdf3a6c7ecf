package io.shardway.router.plan;

import io.shardway.router.StatementInfo;
import io.shardway.router.plan.Route.Scatter;
import io.shardway.router.plan.Route.Single;
import io.shardway.router.plan.TableLayout.Broadcast;
import java.util.HashSet;
import java.util.List;

/**
 * Plans a write to a broadcast table: the same statement on every copy, which must leave the copies
 * equal. So it may read only broadcast tables copied to each group it writes, and may use nothing
 * whose value differs per group or per connection.
 */
final class BroadcastWrite {

  private BroadcastWrite() {}

  /**
   * @param written the broadcast tables the statement writes, at least one
   * @param limited whether the write has a LIMIT, which may pick different rows on each copy
   */
  static RoutePlan plan(
      List<TableRef> written,
      Footprint footprint,
      StatementInfo info,
      boolean limited,
      int parameterCount) {
    List<String> groups = written.get(0).layout().groups();
    String write = "a write to the broadcast table " + written.get(0).name();
    for (TableRef table : written) {
      if (!new HashSet<>(table.layout().groups()).equals(new HashSet<>(groups))) {
        throw new Refusal(write + " and to " + table.name() + ", which has other shard groups");
      }
    }
    for (TableRef table : footprint.tables()) {
      boolean copied =
          table.layout() instanceof Broadcast && table.layout().groups().containsAll(groups);
      if (!copied) {
        throw new Refusal(
            write + " that reads " + table.name() + ", which is not copied to each of its groups");
      }
    }
    if (limited) {
      throw new Refusal("LIMIT in " + write);
    }
    String blocker = SessionFeatures.broadcastBlocker(info);
    if (blocker != null) {
      throw new Refusal(blocker + " in " + write);
    }
    Route route =
        groups.size() == 1
            ? new Single(groups.get(0))
            : new Scatter(groups, Merge.ALL_MUST_SUCCEED);
    return new FixedPlan(route, parameterCount);
  }
}
