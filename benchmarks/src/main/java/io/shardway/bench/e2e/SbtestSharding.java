package io.shardway.bench.e2e;

import io.shardway.config.AlgorithmConfig;
import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardingAlgorithm;
import io.shardway.router.shard.ShardingAlgorithms;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * How {@code --shards N} spreads {@code sbtest1}: by {@code id}, with the {@code mod} algorithm,
 * over shard groups s0 to s(N-1). The harness loads each shard with the rows that the router's own
 * algorithm assigns it, so the servers hold exactly what Shardway's routing expects.
 */
final class SbtestSharding {
  static final String TABLE = "sbtest1";
  static final String SHARD_KEY = "id";

  private static final AlgorithmConfig ALGORITHM = new AlgorithmConfig.Mod();

  private final List<String> groups;
  private final ShardingAlgorithm algorithm;

  SbtestSharding(int shards) {
    this.groups = IntStream.range(0, shards).mapToObj(SbtestSharding::groupName).toList();
    this.algorithm = ShardingAlgorithms.create(ALGORITHM, groups);
  }

  /** The name of shard group {@code index} in Shardway's config: s0, s1, … */
  static String groupName(int index) {
    return "s" + index;
  }

  /** The shard groups, in the order the algorithm numbers them. */
  List<String> groups() {
    return groups;
  }

  /** The algorithm's {@code type} in Shardway's config. */
  String algorithmType() {
    return ALGORITHM.type();
  }

  /** Which ids shard {@code shard} holds. */
  IntPredicate idsOf(int shard) {
    return id -> algorithm.shardOf(ShardKey.ofLong(id)) == shard;
  }
}
