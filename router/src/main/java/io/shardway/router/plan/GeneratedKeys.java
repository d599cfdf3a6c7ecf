package io.shardway.router.plan;

import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardingAlgorithm;
import java.util.BitSet;
import java.util.List;

/**
 * The rows of an INSERT whose shard keys Shardway generates when it splits the statement: until
 * then, any shard may get them.
 */
record GeneratedKeys() implements Targeting {

  @Override
  public BitSet shards(ShardingAlgorithm algorithm, List<ShardKey> params) {
    return Targeting.all(algorithm);
  }
}
