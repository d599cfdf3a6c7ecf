package io.shardway.router.plan;

import io.shardway.router.plan.Route.Scatter;
import io.shardway.router.plan.Route.Single;
import io.shardway.router.shard.ShardKey;
import java.util.List;

/**
 * The plan of an INSERT whose shard keys Shardway generates: it is always split ({@link
 * Merge#SPLIT_INSERT}), even where its table has one group, since only the split adds the keys.
 *
 * @param rows the plan of where the rows may go, which checks what else the statement reads
 */
record KeyGeneratingPlan(KeyedPlan rows) implements RoutePlan {

  @Override
  public int parameterCount() {
    return rows.parameterCount();
  }

  @Override
  public Route bind(List<ShardKey> params) {
    Route route = rows.bind(params);
    return route instanceof Single single
        ? new Scatter(List.of(single.group()), Merge.SPLIT_INSERT)
        : route;
  }
}
