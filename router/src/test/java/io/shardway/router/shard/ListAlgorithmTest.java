package io.shardway.router.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardway.config.AlgorithmConfig;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListAlgorithmTest {

  private static final List<String> GROUPS = List.of("us", "eu", "numbers");

  private static ShardingAlgorithm list(Optional<String> defaultGroup) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("us", List.of("US", "CA"));
    values.put("eu", List.of("DE", "FR"));
    values.put("numbers", List.of("1", "2.50"));
    return ShardingAlgorithms.create(new AlgorithmConfig.ValueList(values, defaultGroup), GROUPS);
  }

  @Test
  void listedValuesGoToTheirGroup() {
    ShardingAlgorithm list = list(Optional.empty());

    assertEquals(3, list.shardCount());
    assertEquals(0, list.shardOf(ShardKey.of("US", true)));
    assertEquals(0, list.shardOf(ShardKey.of("ca  ", true)));
    assertEquals(1, list.shardOf(ShardKey.of("fr", true)));
    assertEquals(2, list.shardOf(ShardKey.ofLong(1)));
    assertEquals(2, list.shardOf(ShardKey.of("2.5", false)));
    assertEquals(2, list.shardOf(ShardKey.of(" 1.0", true)));
  }

  @Test
  void otherValuesGoToTheDefault() {
    ShardingAlgorithm list = list(Optional.of("eu"));

    assertEquals(1, list.shardOf(ShardKey.of("JP", true)));
    assertEquals(1, list.shardOf(ShardKey.ofLong(3)));
    assertEquals(0, list.shardOf(ShardKey.of("us", true)));
  }

  @Test
  void otherValuesWithoutADefault() {
    assertEquals(
        "no shard group is listed for the shard key 'jp', and the list has no default",
        assertThrows(
                ShardKeyException.class,
                () -> list(Optional.empty()).shardOf(ShardKey.of("JP", true)))
            .getMessage());
  }

  @Test
  void everyShardMayHoldARange() {
    BitSet all = new BitSet();
    all.set(0, 3);

    assertEquals(all, list(Optional.empty()).shardsBetween(null, false, null, false));
  }
}
