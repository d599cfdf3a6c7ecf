package io.shardway.router.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardway.config.AlgorithmConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShardingAlgorithmsTest {

  @Test
  void makesEachType() {
    List<String> groups = List.of("s0", "s1", "s2");

    assertEquals(
        ModAlgorithm.class,
        ShardingAlgorithms.create(new AlgorithmConfig.Mod(), groups).getClass());
    assertEquals(
        HashAlgorithm.class,
        ShardingAlgorithms.create(new AlgorithmConfig.Hash(), groups).getClass());
    assertEquals(
        ConsistentHashAlgorithm.class,
        ShardingAlgorithms.create(new AlgorithmConfig.ConsistentHash(8), groups).getClass());
    assertEquals(
        3, ShardingAlgorithms.create(new AlgorithmConfig.ConsistentHash(8), groups).shardCount());
  }

  @Test
  void refusesGroupsThatCannotBeShards() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ShardingAlgorithms.create(new AlgorithmConfig.Mod(), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> ShardingAlgorithms.create(new AlgorithmConfig.Mod(), List.of("s0", "s0")));
  }

  @Test
  void refusesAGroupOutsideTheTable() {
    AlgorithmConfig range =
        new AlgorithmConfig.Range(
            List.of(new AlgorithmConfig.KeyRange("s9", Optional.empty(), Optional.empty())));
    AlgorithmConfig list =
        new AlgorithmConfig.ValueList(Map.of("s0", List.of("a")), Optional.of("s9"));

    assertEquals(
        "shard group s9 is not one of the table's shardGroups [s0, s1]",
        assertThrows(
                IllegalArgumentException.class,
                () -> ShardingAlgorithms.create(range, List.of("s0", "s1")))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> ShardingAlgorithms.create(list, List.of("s0")));
  }
}
