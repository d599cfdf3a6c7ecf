package io.shardway.bench.e2e;

import io.shardway.testcluster.MariaDbServer;
import io.shardway.testcluster.ReplicatedGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The MariaDB servers under test: one server, or a primary with replicas that replicate it by GTID
 * ({@link ReplicatedGroup}). Everything is written on the primary, so that the replicas get the
 * same users and rows; the caller waits for them with {@link #awaitReplicated} before it measures.
 */
final class MariaDbServers implements AutoCloseable {
  private final MariaDbServer primary;
  private final List<MariaDbServer> replicas;
  private final ReplicatedGroup group;

  private MariaDbServers(
      MariaDbServer primary, List<MariaDbServer> replicas, ReplicatedGroup group) {
    this.primary = primary;
    this.replicas = List.copyOf(replicas);
    this.group = group;
  }

  /**
   * Starts a single server (as before there were replicas: no binlog) when {@code replicas} is 0,
   * else a replicated group.
   */
  static MariaDbServers start(int replicas) {
    if (replicas == 0) {
      return new MariaDbServers(MariaDbServer.start(), List.of(), null);
    }
    ReplicatedGroup group = ReplicatedGroup.start(replicas);
    return new MariaDbServers(group.primary(), group.replicas(), group);
  }

  MariaDbServer primary() {
    return primary;
  }

  List<MariaDbServer> replicas() {
    return replicas;
  }

  /** The primary, then the replicas in order. */
  List<MariaDbServer> all() {
    List<MariaDbServer> all = new ArrayList<>();
    all.add(primary);
    all.addAll(replicas);
    return all;
  }

  /** Returns once every replica has applied all that the primary has written; at once without. */
  void awaitReplicated(Duration timeout) {
    if (group != null) {
      group.awaitReplicated(timeout);
    }
  }

  @Override
  public void close() {
    if (group != null) {
      group.close();
    } else {
      primary.close();
    }
  }

  @Override
  public String toString() {
    return group != null ? group.toString() : primary.toString();
  }
}
