package io.shardway.router.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.config.AlgorithmConfig;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistentHashAlgorithmTest {

  private static final int KEYS = 100_000;

  private static final List<String> FOUR = List.of("g0", "g1", "g2", "g3");

  private static ShardingAlgorithm ring(List<String> groups) {
    return ShardingAlgorithms.create(new AlgorithmConfig.ConsistentHash(160), groups);
  }

  /** Returns the name of the group that holds each key from 0. */
  private static String[] owners(List<String> groups) {
    ShardingAlgorithm algorithm = ring(groups);
    String[] owners = new String[KEYS];
    for (int key = 0; key < KEYS; key++) {
      owners[key] = groups.get(algorithm.shardOf(ShardKey.ofLong(key)));
    }
    return owners;
  }

  @Test
  void pinnedShards() {
    ShardingAlgorithm four = ring(FOUR);

    assertEquals(2, four.shardOf(ShardKey.ofLong(0)));
    assertEquals(1, four.shardOf(ShardKey.ofLong(1)));
    assertEquals(0, four.shardOf(ShardKey.ofLong(42)));
    assertEquals(2, four.shardOf(ShardKey.ofLong(-1)));
    assertEquals(2, four.shardOf(ShardKey.of("US", true)));
    assertEquals(0, four.shardOf(ShardKey.of("école", true)));
  }

  @Test
  void addingAFifthGroupMovesAFifthOfTheKeysAllToIt() {
    String[] before = owners(FOUR);
    String[] after = owners(List.of("g0", "g1", "g2", "g3", "g4"));

    int moved = 0;
    for (int key = 0; key < KEYS; key++) {
      if (!before[key].equals(after[key])) {
        moved++;
        assertEquals("g4", after[key], "key " + key);
      }
    }
    assertTrue(moved >= KEYS * 0.15 && moved <= KEYS * 0.25, moved + " keys moved");
  }

  @Test
  void sameGroupsMoveNothingInAnyOrder() {
    String[] before = owners(FOUR);

    assertEquals(List.of(before), List.of(owners(FOUR)));
    assertEquals(List.of(before), List.of(owners(List.of("g3", "g1", "g0", "g2"))));
  }

  @Test
  void removingAGroupMovesOnlyItsKeys() {
    String[] before = owners(FOUR);
    String[] after = owners(List.of("g0", "g1", "g3"));

    for (int key = 0; key < KEYS; key++) {
      if (!before[key].equals("g2")) {
        assertEquals(before[key], after[key], "key " + key);
      }
    }
  }

  @Test
  void spreadsKeysRoughlyEvenly() {
    int[] counts = new int[4];
    for (String owner : owners(FOUR)) {
      counts[FOUR.indexOf(owner)]++;
    }
    for (int count : counts) {
      assertTrue(count > KEYS * 0.20 && count < KEYS * 0.30, count + " keys on one group");
    }
  }

  @Test
  void oneVirtualNodeAndOneGroup() {
    ShardingAlgorithm single =
        ShardingAlgorithms.create(new AlgorithmConfig.ConsistentHash(1), List.of("only"));

    assertEquals(0, single.shardOf(ShardKey.of("anything", true)));
    assertEquals(0, single.shardOf(ShardKey.ofLong(Long.MAX_VALUE)));
  }

  @Test
  void everyShardMayHoldARange() {
    BitSet all = new BitSet();
    all.set(0, 4);

    assertEquals(all, ring(FOUR).shardsBetween(ShardKey.ofLong(1), true, null, false));
  }
}
