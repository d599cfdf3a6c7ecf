package io.shardway.config;

import java.util.List;
import java.util.Objects;

/**
 * One shard: a primary that takes the writes and the replicas that may serve its reads (an entry of
 * {@code shardGroups}).
 *
 * @param name the key the group has in {@code shardGroups}
 * @param primary the server that takes writes
 * @param replicas the servers that may take reads, with their weights, in file order, possibly
 *     none; the loader rejects a replica with the host and port of the primary or of another
 *     replica
 */
public record ShardGroup(String name, BackendAddress primary, List<Replica> replicas) {

  /** Checks the arguments and copies the list. */
  public ShardGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(primary, "primary");
    replicas = List.copyOf(replicas);
  }
}
