package io.shardway.router.plan;

import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardKeyException;
import io.shardway.router.shard.ShardingAlgorithm;
import java.util.BitSet;
import java.util.List;

/**
 * What a condition that every result row satisfies says about the shard key: a tree of comparisons
 * with values, AND and OR. Anything else the condition says is {@link #ALL}: it does not narrow the
 * shards, so the shards found are always a superset of those holding the rows.
 *
 * <p>A value the algorithm cannot place ({@link ShardKeyException}) narrows nothing either: MySQL
 * may still find it equal to keys of any shard ({@code '42abc'} to 42).
 */
sealed interface KeyFilter extends Targeting {

  /** No narrowing. */
  KeyFilter ALL = new All();

  /** Both; {@link #ALL} on one side drops out. */
  static KeyFilter and(KeyFilter left, KeyFilter right) {
    return left == ALL ? right : right == ALL ? left : new And(left, right);
  }

  /** Either; {@link #ALL} on one side makes the whole {@link #ALL}. */
  static KeyFilter or(KeyFilter left, KeyFilter right) {
    return left == ALL || right == ALL ? ALL : new Or(left, right);
  }

  /** The condition says nothing about the key. */
  record All() implements KeyFilter {

    @Override
    public BitSet shards(ShardingAlgorithm algorithm, List<ShardKey> params) {
      return Targeting.all(algorithm);
    }
  }

  /** {@code key = value}; no row when the value is NULL. */
  record Point(KeyValue value) implements KeyFilter {

    @Override
    public BitSet shards(ShardingAlgorithm algorithm, List<ShardKey> params) {
      ShardKey key = value.resolve(params);
      BitSet shards = new BitSet();
      if (key == null) {
        return shards;
      }
      try {
        shards.set(algorithm.shardOf(key));
        return shards;
      } catch (ShardKeyException e) {
        return Targeting.all(algorithm);
      }
    }
  }

  /**
   * {@code key BETWEEN lower AND upper}, {@code key > lower} and the like; no row when a bound is
   * NULL.
   *
   * @param lower null for no lower bound
   * @param upper null for no upper bound
   */
  record Range(KeyValue lower, boolean lowerInclusive, KeyValue upper, boolean upperInclusive)
      implements KeyFilter {

    @Override
    public BitSet shards(ShardingAlgorithm algorithm, List<ShardKey> params) {
      ShardKey low = lower == null ? null : lower.resolve(params);
      ShardKey high = upper == null ? null : upper.resolve(params);
      if ((lower != null && low == null) || (upper != null && high == null)) {
        return new BitSet();
      }
      try {
        return algorithm.shardsBetween(low, lowerInclusive, high, upperInclusive);
      } catch (ShardKeyException e) {
        return Targeting.all(algorithm);
      }
    }
  }

  /** Rows that satisfy both: the shards of both. */
  record And(KeyFilter left, KeyFilter right) implements KeyFilter {

    @Override
    public BitSet shards(ShardingAlgorithm algorithm, List<ShardKey> params) {
      BitSet shards = left.shards(algorithm, params);
      shards.and(right.shards(algorithm, params));
      return shards;
    }
  }

  /** Rows that satisfy either: the shards of either. */
  record Or(KeyFilter left, KeyFilter right) implements KeyFilter {

    @Override
    public BitSet shards(ShardingAlgorithm algorithm, List<ShardKey> params) {
      BitSet shards = left.shards(algorithm, params);
      shards.or(right.shards(algorithm, params));
      return shards;
    }
  }
}
