package io.shardway.demo;

import io.shardway.server.ShardwayServer;
import io.shardway.testcluster.Concurrently;
import io.shardway.testcluster.DemoSchema;
import io.shardway.testcluster.ReplicatedGroup;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * What {@code bin/shardway demo} runs: a shard group of real MariaDB servers for each of {@link
 * DemoConfig#SHARD_GROUPS}, each a primary and a replica, holding {@code appdb} as {@link
 * DemoConfig} lays it out, and Shardway in front of them. {@link #close} stops all of it.
 *
 * <p>The users and orders are inserted through Shardway, one row per statement, so every row lands
 * in the group that Shardway's own algorithm picks; the schema and the countries are created on
 * each primary directly, as an operator would before pointing Shardway at the servers.
 */
final class DemoCluster implements AutoCloseable {
  private static final Duration REPLICATION_TIMEOUT = Duration.ofSeconds(60);

  private final List<ReplicatedGroup> groups;
  private final ShardwayServer proxy;

  private DemoCluster(List<ReplicatedGroup> groups, ShardwayServer proxy) {
    this.groups = groups;
    this.proxy = proxy;
  }

  /**
   * Starts the servers and Shardway on {@code port}, its admin endpoint on {@code adminPort} (each
   * 0 for any free one), loads the sample rows, and returns once every replica has them.
   */
  static DemoCluster start(int port, int adminPort) throws InterruptedException, SQLException {
    List<ReplicatedGroup> groups =
        Concurrently.start(DemoConfig.SHARD_GROUPS.size(), i -> ReplicatedGroup.start(1));
    ShardwayServer proxy = null;
    try {
      for (ReplicatedGroup group : groups) {
        DemoSchema.createSchema(group.primary());
        group.primary().createUser(DemoConfig.BACKEND_USER, DemoConfig.BACKEND_PASSWORD);
      }
      // Shardway reads the countries for the users from a replica, and logs in there.
      awaitReplicated(groups);
      proxy = ShardwayServer.start(DemoConfig.of(groups, port, adminPort));
      DemoCluster cluster = new DemoCluster(groups, proxy);
      try (Connection connection = cluster.connect()) {
        DemoSchema.insertUsersAndOrders(connection);
      }
      awaitReplicated(groups);
      return cluster;
    } catch (RuntimeException | InterruptedException | SQLException e) {
      if (proxy != null) {
        proxy.close();
      }
      try {
        Concurrently.close(groups);
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The shard group named {@code name}, one of {@link DemoConfig#SHARD_GROUPS}. */
  ReplicatedGroup group(String name) {
    int index = DemoConfig.SHARD_GROUPS.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          "shard group: " + name + " (expected: one of " + DemoConfig.SHARD_GROUPS + ")");
    }
    return groups.get(index);
  }

  int port() {
    return proxy.port();
  }

  /** The base URL of Shardway's admin endpoint, such as {@code http://127.0.0.1:9104}. */
  String adminUrl() {
    InetSocketAddress admin = proxy.adminAddress().orElseThrow();
    return "http://127.0.0.1:" + admin.getPort();
  }

  /** How clients reach Shardway with mysql-connector-j, as the banner prints it. */
  String jdbcUrl() {
    return "jdbc:mysql://127.0.0.1:"
        + port()
        + "/"
        + DemoSchema.SCHEMA
        + "?user="
        + DemoConfig.APP_USER
        + "&password="
        + DemoConfig.APP_PASSWORD;
  }

  /** A connection through Shardway, with autocommit on. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl());
  }

  /** Stops Shardway, then every server at once. */
  @Override
  public void close() {
    proxy.close();
    Concurrently.close(groups);
  }

  private static void awaitReplicated(List<ReplicatedGroup> groups) {
    groups.forEach(group -> group.awaitReplicated(REPLICATION_TIMEOUT));
  }
}
