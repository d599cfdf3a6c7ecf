package io.shardway.router.plan;

import io.shardway.router.shard.ShardKey;
import java.util.List;

/** Checks the parameter values given to {@link RoutePlan#bind}. */
final class Parameters {

  private Parameters() {}

  static void check(List<ShardKey> params, int expected) {
    if (params.size() != expected) {
      throw new IllegalArgumentException(
          "params: " + params.size() + " values (expected: " + expected + ")");
    }
  }
}
