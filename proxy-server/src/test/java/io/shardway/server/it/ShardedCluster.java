package io.shardway.server.it;

import io.shardway.config.ConfigException;
import io.shardway.config.ConfigLoader;
import io.shardway.config.Listen;
import io.shardway.config.ShardwayConfig;
import io.shardway.server.ShardwayServer;
import io.shardway.testcluster.MariaDbServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two real MariaDB servers, shard groups s0 and s1, each with schema {@code shop}: {@code users}
 * sharded by {@code id} and {@code orders} by {@code user_id} (both {@code mod}, so co-located),
 * {@code countries} broadcast, {@code notes} unlisted (in s0), {@code events} only in s1, {@code
 * tickets} sharded by a generated {@code id} (hash). A Shardway in front of both, from a YAML
 * configuration as an operator writes it.
 */
final class ShardedCluster implements AutoCloseable {
  static final String SCHEMA = "shop";

  private static final String TABLES =
      """
      CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(50), country CHAR(2));
      CREATE TABLE orders (
        id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, amount DECIMAL(10,2), placed TIMESTAMP NULL);
      CREATE TABLE countries (code CHAR(2) PRIMARY KEY, name VARCHAR(50));
      CREATE TABLE notes (id INT PRIMARY KEY, body TEXT);
      CREATE TABLE tickets (id BIGINT PRIMARY KEY, what VARCHAR(20))
      """;

  private final List<MariaDbServer> servers;
  private final ShardwayServer proxy;

  private ShardedCluster(List<MariaDbServer> servers, ShardwayServer proxy) {
    this.servers = servers;
    this.proxy = proxy;
  }

  static ShardedCluster start() throws InterruptedException, ConfigException {
    List<MariaDbServer> servers = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        MariaDbServer server = MariaDbServer.start();
        servers.add(server);
        server.createUser(TestCluster.BACKEND_USER, TestCluster.BACKEND_PASSWORD);
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4");
        ddl.add("USE " + SCHEMA);
        for (String statement : TABLES.split(";")) {
          ddl.add(statement.strip());
        }
        if (i == 1) {
          ddl.add("CREATE TABLE events (id BIGINT PRIMARY KEY, what VARCHAR(20))");
        }
        server.execute(ddl.toArray(String[]::new));
      }
      return new ShardedCluster(servers, ShardwayServer.start(config(servers)));
    } catch (RuntimeException | InterruptedException | ConfigException e) {
      servers.forEach(MariaDbServer::close);
      throw e;
    }
  }

  private static ShardwayConfig config(List<MariaDbServer> servers) throws ConfigException {
    String yaml =
        """
        listen: { host: 127.0.0.1, port: 6033 }
        admin: { port: 0 }
        users:
          - { name: %s, password: %s, schemas: ["*"] }
        backendUser: { name: %s, password: %s }
        shardGroups:
          s0: { primary: "mysql://127.0.0.1:%d" }
          s1: { primary: "mysql://127.0.0.1:%d" }
        schemas:
          %s:
            defaultShardGroup: s0
            tables:
              users: { shardKey: id, algorithm: { type: mod }, shardGroups: [s0, s1] }
              orders: { shardKey: user_id, algorithm: { type: mod }, shardGroups: [s0, s1] }
              countries: { broadcast: true }
              events: { shardKey: id, algorithm: { type: hash }, shardGroups: [s1] }
              tickets:
                shardKey: id
                algorithm: { type: hash }
                shardGroups: [s0, s1]
                keyGenerator: { type: snowflake }
        """
            .formatted(
                TestCluster.APP_USER,
                TestCluster.APP_PASSWORD,
                TestCluster.BACKEND_USER,
                TestCluster.BACKEND_PASSWORD,
                servers.get(0).port(),
                servers.get(1).port(),
                SCHEMA);
    ShardwayConfig c = ConfigLoader.parse(yaml, Path.of("sharded-test.yaml"), Map.of());
    return new ShardwayConfig(
        new Listen("127.0.0.1", 0),
        c.tls(),
        c.auth(),
        c.maxAllowedPacket(),
        c.users(),
        c.backendUser(),
        c.shardGroups(),
        c.schemas(),
        c.pool(),
        c.readWrite(),
        c.admin(),
        c.workerId(),
        c.source());
  }

  ShardwayServer proxy() {
    return proxy;
  }

  /** The server of shard group s{@code group}. */
  MariaDbServer server(int group) {
    return servers.get(group);
  }

  Connection connect(String options) throws SQLException {
    return DriverManager.getConnection(
        TestCluster.url(proxy.port(), SCHEMA, options),
        TestCluster.APP_USER,
        TestCluster.APP_PASSWORD);
  }

  /** A root connection straight to the server of shard group s{@code group}. */
  Connection direct(int group) throws SQLException {
    return servers.get(group).connectAsRoot(SCHEMA);
  }

  @Override
  public void close() {
    proxy.close();
    servers.forEach(MariaDbServer::close);
  }
}
