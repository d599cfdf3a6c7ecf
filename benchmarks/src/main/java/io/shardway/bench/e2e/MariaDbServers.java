package io.shardway.bench.e2e;

import io.shardway.testcluster.Concurrently;
import io.shardway.testcluster.MariaDbServer;
import io.shardway.testcluster.ReplicatedGroup;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The MariaDB servers under test, in one of three shapes:
 *
 * <ul>
 *   <li>one server, which every target reaches;
 *   <li>a primary with replicas that replicate it by GTID ({@link ReplicatedGroup}): everything is
 *       written on the primary, so that the replicas get the same users and rows, and the caller
 *       waits for them with {@link #awaitReplicated} before it measures; direct and relay reach the
 *       primary, Shardway all of them;
 *   <li>shards ({@code --shards N}): N servers, one per shard group, each holding its part of
 *       {@code sbtest1} as {@link SbtestSharding} assigns it, which Shardway reaches; and one more
 *       server holding every row, which direct reaches.
 * </ul>
 */
final class MariaDbServers implements AutoCloseable {
  private final MariaDbServer direct;
  private final List<MariaDbServer> shards;
  private final List<MariaDbServer> replicas;
  private final ReplicatedGroup replication;
  private final SbtestSharding sharding;

  /**
   * @param direct the server with every row, for direct and relay
   * @param shards the primary of each of Shardway's shard groups; just {@code direct} unsharded
   * @param replicas the replicas of the only shard group, if any
   * @param replication the group of the primary and its replicas; null without replicas
   * @param sharding how the rows spread over {@code shards}; null unsharded
   */
  private MariaDbServers(
      MariaDbServer direct,
      List<MariaDbServer> shards,
      List<MariaDbServer> replicas,
      ReplicatedGroup replication,
      SbtestSharding sharding) {
    this.direct = direct;
    this.shards = List.copyOf(shards);
    this.replicas = List.copyOf(replicas);
    this.replication = replication;
    this.sharding = sharding;
  }

  /**
   * Starts the servers {@code options} ask for: shards, else a replicated group, else a single
   * server (as before there were replicas: no binlog).
   */
  static MariaDbServers start(BenchOptions options) {
    if (options.shards() > 0) {
      // The server with every row starts with the shards, all at once; it is the last.
      List<MariaDbServer> servers =
          Concurrently.start(options.shards() + 1, i -> MariaDbServer.start());
      return new MariaDbServers(
          servers.get(options.shards()),
          servers.subList(0, options.shards()),
          List.of(),
          null,
          new SbtestSharding(options.shards()));
    }
    if (options.replicas() > 0) {
      ReplicatedGroup group = ReplicatedGroup.start(options.replicas());
      return new MariaDbServers(
          group.primary(), List.of(group.primary()), group.replicas(), group, null);
    }
    MariaDbServer server = MariaDbServer.start();
    return new MariaDbServers(server, List.of(server), List.of(), null, null);
  }

  /** What direct and relay connect to: the server that holds every row (the primary). */
  MariaDbServer direct() {
    return direct;
  }

  /** Shardway's shard groups, in order: the ports of each one's primary and replicas. */
  List<ShardwayProcess.GroupPorts> shardGroups() {
    List<ShardwayProcess.GroupPorts> groups = new ArrayList<>();
    for (MariaDbServer shard : shards) {
      groups.add(
          new ShardwayProcess.GroupPorts(
              shard.port(), replicas.stream().map(MariaDbServer::port).toList()));
    }
    return groups;
  }

  boolean hasReplicas() {
    return !replicas.isEmpty();
  }

  /** Every server, each once: the one direct reaches, the other shards, then the replicas. */
  List<MariaDbServer> all() {
    List<MariaDbServer> all = new ArrayList<>();
    all.add(direct);
    shards.stream().filter(shard -> shard != direct).forEach(all::add);
    all.addAll(replicas);
    return all;
  }

  /**
   * Creates the accounts of the clients and of Shardway, and {@code sbtest1} with {@code rows}
   * rows: on the primary, or over shards on every server, each shard with its own rows.
   */
  void load(int rows) throws SQLException {
    List<MariaDbServer> written = sharding == null ? List.of(direct) : all();
    for (MariaDbServer server : written) {
      server.createUser(ShardwayProcess.USER, ShardwayProcess.PASSWORD);
      server.createUser(ShardwayProcess.BACKEND_USER, ShardwayProcess.BACKEND_PASSWORD);
    }
    SbtestTable.create(direct, rows);
    if (sharding != null) {
      for (int shard = 0; shard < shards.size(); shard++) {
        SbtestTable.create(shards.get(shard), rows, sharding.idsOf(shard));
      }
    }
  }

  /** Returns once every replica has applied all that the primary has written; at once without. */
  void awaitReplicated(Duration timeout) {
    if (replication != null) {
      replication.awaitReplicated(timeout);
    }
  }

  /** The shape, for the report: empty for a single server. */
  String describe() {
    if (sharding != null) {
      return String.format(
          "%d shard servers (sbtest1 sharded by %s, %s) and one server with every row",
          shards.size(), SbtestSharding.SHARD_KEY, sharding.algorithmType());
    }
    return replicas.isEmpty()
        ? ""
        : "a primary and " + replicas.size() + " replica(s), GTID replication, row-based binlog";
  }

  @Override
  public void close() {
    if (replication != null) {
      replication.close();
    } else {
      Concurrently.close(all());
    }
  }

  @Override
  public String toString() {
    return replication != null ? replication.toString() : all().toString();
  }
}
