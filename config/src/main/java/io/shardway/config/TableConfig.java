package io.shardway.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one table of a logical schema is distributed (an entry of a schema's {@code tables}). Tables
 * that are not listed live whole in the schema's default shard group.
 *
 * <p>A broadcast table has a full copy in each of its shard groups: reads go to any one, writes to
 * all. It has no shard key and no algorithm. A sharded table has both, and its rows are spread over
 * its shard groups by the algorithm.
 *
 * @param name the key the table has in {@code tables}
 * @param broadcast whether every shard group holds a full copy; defaults to false
 * @param shardKey the column whose value picks the shard; present exactly when not broadcast
 * @param algorithm how the shard key maps to a shard group; present exactly when not broadcast
 * @param shardGroups the groups that hold the table, in file order; for a broadcast table without
 *     {@code shardGroups}, all groups of the config
 * @param keyGenerator how Shardway makes the shard key of rows inserted without one; absent when
 *     every INSERT must give the key, and always for a broadcast table
 */
public record TableConfig(
    String name,
    boolean broadcast,
    Optional<String> shardKey,
    Optional<AlgorithmConfig> algorithm,
    List<String> shardGroups,
    Optional<KeyGeneratorConfig> keyGenerator) {

  /** Checks the arguments and copies the list. */
  public TableConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shardKey, "shardKey");
    Objects.requireNonNull(algorithm, "algorithm");
    shardGroups = List.copyOf(shardGroups);
    Objects.requireNonNull(keyGenerator, "keyGenerator");
    if (broadcast && keyGenerator.isPresent()) {
      throw new IllegalArgumentException(
          "keyGenerator: " + keyGenerator.get().type() + " (expected: none for a broadcast table)");
    }
  }

  /** A table whose inserts must give the shard key: no key generator. */
  public TableConfig(
      String name,
      boolean broadcast,
      Optional<String> shardKey,
      Optional<AlgorithmConfig> algorithm,
      List<String> shardGroups) {
    this(name, broadcast, shardKey, algorithm, shardGroups, Optional.empty());
  }
}
