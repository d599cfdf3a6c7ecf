package io.shardway.router.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.config.AlgorithmConfig;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashAlgorithmTest {

  private static ShardingAlgorithm over(int shards) {
    return ShardingAlgorithms.create(
        new AlgorithmConfig.Hash(), IntStream.range(0, shards).mapToObj(i -> "s" + i).toList());
  }

  /** Pinned: rows written by an earlier version must be found where it put them. */
  @Test
  void pinnedShards() {
    ShardingAlgorithm four = over(4);

    assertEquals(2, four.shardOf(ShardKey.ofLong(0)));
    assertEquals(1, four.shardOf(ShardKey.ofLong(1)));
    assertEquals(2, four.shardOf(ShardKey.ofLong(42)));
    assertEquals(3, four.shardOf(ShardKey.ofLong(-1)));
    assertEquals(0, four.shardOf(ShardKey.of("US", true)));
    assertEquals(2, four.shardOf(ShardKey.of("école", true)));
    assertEquals(2, four.shardOf(ShardKey.of("12345678901234567890123", false)));
    assertEquals(
        List.of(6, 3, 1, 2, 2, 2, 2, 9, 0, 5),
        IntStream.range(0, 10).mapToObj(i -> over(10).shardOf(ShardKey.ofLong(i))).toList());
  }

  @Test
  void equalKeysShareAShard() {
    ShardingAlgorithm seven = over(7);
    for (int i = 0; i < 1000; i++) {
      assertEquals(
          seven.shardOf(ShardKey.ofLong(i)), seven.shardOf(ShardKey.of(" " + i + ".0", true)));
    }
    assertEquals(seven.shardOf(ShardKey.of("Us", true)), seven.shardOf(ShardKey.of("uS ", true)));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 7, 8, 10, 16})
  void spreadsSequentialIdsEvenly(int shards) {
    ShardingAlgorithm algorithm = over(shards);
    int[] counts = new int[shards];
    for (int id = 0; id < 100_000; id++) {
      counts[algorithm.shardOf(ShardKey.ofLong(id))]++;
    }
    double expected = 100_000.0 / shards;
    for (int shard = 0; shard < shards; shard++) {
      assertTrue(
          Math.abs(counts[shard] - expected) <= expected * 0.05,
          "shard " + shard + " of " + shards + " holds " + counts[shard]);
    }
  }

  @Test
  void oneShardHoldsEverything() {
    assertEquals(0, over(1).shardOf(ShardKey.of("anything", true)));
  }

  @Test
  void everyShardMayHoldARange() {
    BitSet all = new BitSet();
    all.set(0, 3);

    assertEquals(all, over(3).shardsBetween(null, false, ShardKey.ofLong(2), true));
  }
}
