package io.shardway.router.shard;

import io.shardway.config.AlgorithmConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code list}: each listed value belongs to its group; any other key to the {@code default} group,
 * or is an error when there is none. Values are read as the content of string literals, so that
 * {@code US} in the file matches {@code 'us'} in a statement and {@code 42} matches {@code 42.0}.
 */
final class ListAlgorithm implements ShardingAlgorithm {

  private final int shardCount;
  private final Map<ShardKey, Integer> shards;
  private final int defaultShard;

  ListAlgorithm(AlgorithmConfig.ValueList config, List<String> groups) {
    this.shardCount = groups.size();
    Map<ShardKey, Integer> listed = new HashMap<>();
    config
        .values()
        .forEach(
            (group, values) -> {
              int shard = ShardingAlgorithms.shardOf(group, groups);
              values.forEach(value -> listed.put(ShardKey.of(value, true), shard));
            });
    this.shards = Map.copyOf(listed);
    this.defaultShard =
        config
            .defaultShardGroup()
            .map(group -> ShardingAlgorithms.shardOf(group, groups))
            .orElse(-1);
  }

  @Override
  public int shardCount() {
    return shardCount;
  }

  @Override
  public int shardOf(ShardKey key) {
    Integer shard = shards.get(key);
    if (shard != null) {
      return shard;
    }
    if (defaultShard < 0) {
      throw new ShardKeyException(
          "no shard group is listed for the shard key " + key + ", and the list has no default");
    }
    return defaultShard;
  }
}
