package io.shardway.server.it;

import io.shardway.config.Auth;
import io.shardway.config.Pool;
import io.shardway.config.ReadWrite;
import io.shardway.config.Replica;
import io.shardway.config.ShardGroup;
import io.shardway.config.ShardwayConfig;
import io.shardway.server.ShardwayServer;
import io.shardway.testcluster.DemoSchema;
import io.shardway.testcluster.MariaDbServer;
import io.shardway.testcluster.ReplicatedGroup;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real replicated MariaDB group (a primary and replicas with binlog and GTIDs), loaded with the
 * demo schema and the backend account, for proxies whose shard group s0 is that group.
 */
final class ReplicatedCluster implements AutoCloseable {
  private final ReplicatedGroup group;

  private ReplicatedCluster(ReplicatedGroup group) {
    this.group = group;
  }

  static ReplicatedCluster start(int replicas) {
    ReplicatedGroup group = ReplicatedGroup.start(replicas);
    try {
      DemoSchema.load(group.primary());
      group.primary().createUser(TestCluster.BACKEND_USER, TestCluster.BACKEND_PASSWORD);
      // As in production: a read-only server must refuse the proxy's writes, so a write that races
      // a failover fails instead of landing on the old primary.
      for (String host : List.of("127.0.0.1", "localhost")) {
        group
            .primary()
            .execute(
                "REVOKE READ_ONLY ADMIN ON *.* FROM '"
                    + TestCluster.BACKEND_USER
                    + "'@'"
                    + host
                    + "'");
      }
      group.primary().execute("CREATE TABLE appdb.rw (id BIGINT PRIMARY KEY, v BIGINT NOT NULL)");
      group.awaitReplicated(Duration.ofSeconds(30));
      return new ReplicatedCluster(group);
    } catch (RuntimeException e) {
      group.close();
      throw e;
    }
  }

  ReplicatedGroup group() {
    return group;
  }

  /** A proxy in front of the group with {@code readWrite}, and a small monitor interval. */
  ShardwayServer startProxy(ReadWrite readWrite) throws InterruptedException {
    List<Replica> replicas = new ArrayList<>();
    for (MariaDbServer replica : group.replicas()) {
      replicas.add(new Replica(TestCluster.address(replica), 1));
    }
    ShardGroup shardGroup = new ShardGroup("s0", TestCluster.address(group.primary()), replicas);
    ShardwayConfig config = TestCluster.config(shardGroup, Auth.DEFAULTS, Pool.DEFAULTS);
    return ShardwayServer.start(TestCluster.withReadWrite(config, readWrite));
  }

  static ReadWrite readWrite(
      ReadWrite.ReadYourWrites mode, Duration maxLag, java.util.Optional<String> heartbeat) {
    ReadWrite d = ReadWrite.DEFAULTS;
    return new ReadWrite(
        d.stickyAfterWrite(),
        mode,
        d.gtidWaitTimeout(),
        maxLag,
        d.balance(),
        Duration.ofMillis(100),
        heartbeat);
  }

  static Connection connect(ShardwayServer proxy, String options) throws SQLException {
    return DriverManager.getConnection(
        TestCluster.url(proxy.port(), DemoSchema.SCHEMA, options),
        TestCluster.APP_USER,
        TestCluster.APP_PASSWORD);
  }

  /** A root connection straight to {@code server}. */
  static Connection direct(MariaDbServer server) throws SQLException {
    return server.connectAsRoot(DemoSchema.SCHEMA);
  }

  @Override
  public void close() {
    group.close();
  }
}
