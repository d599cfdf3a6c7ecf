package io.shardway.server.it;

import io.shardway.config.ConfigException;
import io.shardway.config.ConfigLoader;
import io.shardway.server.ShardwayServer;
import io.shardway.testcluster.Concurrently;
import io.shardway.testcluster.MariaDbServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The servers of the differential suite: one plain MariaDB holding every row (the reference, the
 * oracle of every answer) and four MariaDB servers, shard groups g0 to g3, behind a Shardway
 * configured from YAML as an operator writes it. Every server has the tables of {@link
 * DifferentialSchema}, empty.
 */
final class DifferentialCluster implements AutoCloseable {
  /**
   * Both drivers read these options (each ignores the other's): utf8mb4 for the 4-byte values, a
   * failed server-side prepare reported instead of quietly retried as a client-side statement, and
   * bounds on every wait, so that a statement Shardway never answers fails with its text instead of
   * hanging the build (the slowest statement of the corpora takes well under a second).
   */
  private static final String OPTIONS =
      "characterEncoding=UTF-8&emulateUnsupportedPstmts=false"
          + "&connectTimeout=10000&socketTimeout=20000";

  /** The name errors in the configuration would give its source. */
  private static final Path CONFIG = Path.of("differential-test.yaml");

  private final MariaDbServer reference;
  private final List<MariaDbServer> groups;
  private final ShardwayServer proxy;

  private DifferentialCluster(
      MariaDbServer reference, List<MariaDbServer> groups, ShardwayServer proxy) {
    this.reference = reference;
    this.groups = groups;
    this.proxy = proxy;
  }

  /** Starts the five servers at once (each mostly waits for mariadbd), then Shardway. */
  static DifferentialCluster start() throws InterruptedException, ConfigException {
    List<MariaDbServer> servers =
        Concurrently.start(1 + DifferentialSchema.GROUPS.size(), i -> startServer());
    try {
      List<MariaDbServer> groups = servers.subList(1, servers.size());
      ShardwayServer proxy =
          ShardwayServer.start(ConfigLoader.parse(yaml(groups), CONFIG, Map.of()));
      return new DifferentialCluster(servers.get(0), groups, proxy);
    } catch (RuntimeException | InterruptedException | ConfigException e) {
      servers.forEach(MariaDbServer::close);
      throw e;
    }
  }

  /** A server with the backend user and the schema. */
  private static MariaDbServer startServer() {
    MariaDbServer server = MariaDbServer.start();
    try {
      server.createUser(TestCluster.BACKEND_USER, TestCluster.BACKEND_PASSWORD);
      server.execute(DifferentialSchema.ddl().toArray(String[]::new));
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static String yaml(List<MariaDbServer> groups) {
    String shardGroups =
        IntStream.range(0, groups.size())
            .mapToObj(
                i ->
                    "  %s: { primary: \"mysql://127.0.0.1:%d\" }"
                        .formatted(DifferentialSchema.GROUPS.get(i), groups.get(i).port()))
            .collect(Collectors.joining("\n"));
    return """
        listen: { host: 127.0.0.1, port: %d }
        admin: { port: 0 }
        users:
          - { name: %s, password: %s, schemas: ["*"] }
        backendUser: { name: %s, password: %s }
        shardGroups:
        %s
        schemas:
          %s:
            defaultShardGroup: %s
            tables:
        %s
        """
        .formatted(
            freePort(),
            TestCluster.APP_USER,
            TestCluster.APP_PASSWORD,
            TestCluster.BACKEND_USER,
            TestCluster.BACKEND_PASSWORD,
            shardGroups,
            DifferentialSchema.NAME,
            DifferentialSchema.DEFAULT_GROUP,
            DifferentialSchema.shardMap());
  }

  /**
   * A port for Shardway: the YAML takes 1 to 65535, not 0. Another process could take it before
   * Shardway binds it; unlikely enough for a test that would then fail loudly.
   */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A connection to schema {@code diff} through Shardway, as the application user. */
  Connection shardway(Client client) throws SQLException {
    return DriverManager.getConnection(
        client.url(proxy.port(), DifferentialSchema.NAME, OPTIONS),
        TestCluster.APP_USER,
        TestCluster.APP_PASSWORD);
  }

  /** A connection to schema {@code diff} on the reference server. */
  Connection reference(Client client) throws SQLException {
    return DriverManager.getConnection(
        client.url(reference.port(), DifferentialSchema.NAME, OPTIONS),
        TestCluster.BACKEND_USER,
        TestCluster.BACKEND_PASSWORD);
  }

  /** A reference connection that sends a JDBC batch of INSERTs as one multi-row INSERT. */
  Connection referenceForBulkLoad() throws SQLException {
    return DriverManager.getConnection(
        Client.MYSQL_TEXT.url(
            reference.port(), DifferentialSchema.NAME, OPTIONS + "&rewriteBatchedStatements=true"),
        TestCluster.BACKEND_USER,
        TestCluster.BACKEND_PASSWORD);
  }

  int groupCount() {
    return groups.size();
  }

  /** A connection straight to shard group number {@code group}, bypassing Shardway. */
  Connection group(int group) throws SQLException {
    return groups.get(group).connectAsRoot(DifferentialSchema.NAME);
  }

  @Override
  public void close() {
    try {
      proxy.close();
    } finally {
      reference.close();
      groups.forEach(MariaDbServer::close);
    }
  }
}
