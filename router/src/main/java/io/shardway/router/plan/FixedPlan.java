package io.shardway.router.plan;

import io.shardway.router.shard.ShardKey;
import java.util.List;
import java.util.Objects;

/** A plan whose route does not depend on parameter values: decided while planning. */
record FixedPlan(Route route, int parameterCount) implements RoutePlan {

  FixedPlan {
    Objects.requireNonNull(route, "route");
  }

  @Override
  public Route bind(List<ShardKey> params) {
    Parameters.check(params, parameterCount);
    return route;
  }
}
