package io.shardway.router.plan;

import io.shardway.router.digest.StatementDigest;
import io.shardway.router.shard.ShardKey;
import java.util.List;

/**
 * The plan of one statement text made from the plan of its shape: binding gives the shape's plan
 * the text's literals, with the statement's own parameter values in their places.
 *
 * @param shape the plan of {@code digest.text()}, which takes one value per slot of the digest
 */
record DigestPlan(RoutePlan shape, StatementDigest digest) implements RoutePlan {

  @Override
  public int parameterCount() {
    return digest.placeholderCount();
  }

  @Override
  public Route bind(List<ShardKey> params) {
    return shape.bind(digest.values(params));
  }
}
