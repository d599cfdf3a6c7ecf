package io.shardway.router.plan;

import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardingAlgorithm;
import java.util.BitSet;
import java.util.List;

/** Decides, for one execution, which shards of a sharded table a statement's rows are on. */
sealed interface Targeting permits GeneratedKeys, KeyFilter, RowKeys {

  /**
   * The shards, as indexes of the algorithm's; empty when no row can qualify.
   *
   * @throws Refusal when the values leave no correct route
   */
  BitSet shards(ShardingAlgorithm algorithm, List<ShardKey> params);

  /** Every shard of {@code algorithm}. */
  static BitSet all(ShardingAlgorithm algorithm) {
    BitSet all = new BitSet(algorithm.shardCount());
    all.set(0, algorithm.shardCount());
    return all;
  }
}
