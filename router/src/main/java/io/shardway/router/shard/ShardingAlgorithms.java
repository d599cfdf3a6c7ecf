package io.shardway.router.shard;

import io.shardway.config.AlgorithmConfig;
import java.util.HashSet;
import java.util.List;

/** Makes the {@link ShardingAlgorithm} of a sharded table from its configuration. */
public final class ShardingAlgorithms {

  private ShardingAlgorithms() {}

  /**
   * Returns the algorithm that {@code config} describes, over {@code shardGroups}.
   *
   * @param config the table's {@code algorithm}
   * @param shardGroups the table's {@code shardGroups}, in file order: the shard indexes the
   *     algorithm returns index this list
   * @throws IllegalArgumentException if {@code shardGroups} is empty or names a group twice, or
   *     {@code config} names a group that is not in it (the loader reports both)
   */
  public static ShardingAlgorithm create(AlgorithmConfig config, List<String> shardGroups) {
    List<String> groups = List.copyOf(shardGroups);
    if (groups.isEmpty() || new HashSet<>(groups).size() != groups.size()) {
      throw new IllegalArgumentException(
          "shardGroups must name at least one group, each once, got " + groups);
    }
    if (config instanceof AlgorithmConfig.Mod) {
      return new ModAlgorithm(groups.size());
    }
    if (config instanceof AlgorithmConfig.Hash) {
      return new HashAlgorithm(groups.size());
    }
    if (config instanceof AlgorithmConfig.Range range) {
      return new RangeAlgorithm(range, groups);
    }
    if (config instanceof AlgorithmConfig.ConsistentHash consistentHash) {
      return new ConsistentHashAlgorithm(consistentHash, groups);
    }
    return new ListAlgorithm((AlgorithmConfig.ValueList) config, groups);
  }

  /**
   * Returns the index of {@code group} in {@code groups}.
   *
   * @throws IllegalArgumentException if the group is not there
   */
  static int shardOf(String group, List<String> groups) {
    int shard = groups.indexOf(group);
    if (shard < 0) {
      throw new IllegalArgumentException(
          "shard group " + group + " is not one of the table's shardGroups " + groups);
    }
    return shard;
  }
}
