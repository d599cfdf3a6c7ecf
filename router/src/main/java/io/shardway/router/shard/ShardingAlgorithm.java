package io.shardway.router.shard;

import java.util.BitSet;

/**
 * Decides which of a table's shard groups holds the rows with a given shard key. Shards are
 * numbered by the table's {@code shardGroups}, in file order. Made by {@link ShardingAlgorithms};
 * immutable and safe to share between threads.
 */
public interface ShardingAlgorithm {

  /** Returns the number of the table's shard groups. */
  int shardCount();

  /**
   * Returns the index into the table's shardGroups of the group holding rows whose key is {@code
   * key}.
   *
   * @throws ShardKeyException with a sentence for the client, when the algorithm cannot place the
   *     key: e.g. {@code mod needs an integer shard key, got 'abc'}, {@code no range holds the
   *     shard key 5}
   */
  int shardOf(ShardKey key);

  /**
   * Returns the shards that may hold keys between the bounds, as for {@code key > 5 AND key <= 9}.
   * Only {@code range} narrows this, and may return no shard at all when no range holds any key
   * between the bounds (or the bounds leave none); the others return every shard.
   *
   * @param lower the lowest key, or null for no lower bound
   * @param lowerInclusive whether {@code lower} itself is included
   * @param upper the highest key, or null for no upper bound
   * @param upperInclusive whether {@code upper} itself is included
   * @return a new set of shard indexes, for the caller to keep or change
   * @throws ShardKeyException when the algorithm cannot compare a bound with its keys, such as text
   *     for {@code range}
   */
  default BitSet shardsBetween(
      ShardKey lower, boolean lowerInclusive, ShardKey upper, boolean upperInclusive) {
    BitSet all = new BitSet(shardCount());
    all.set(0, shardCount());
    return all;
  }
}
