package io.shardway.bench.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shardway's own count of the statements it sent each server ({@code SHOW SHARDWAY BACKENDS}, asked
 * through the proxy), read before and after a round, so that the report shows how the reads spread
 * over the replicas. The proxy answers that statement itself: reading it routes nothing.
 */
final class ShardwayBackends implements AutoCloseable {
  private static final String QUERY = "SHOW SHARDWAY BACKENDS";

  private final Connection connection;

  ShardwayBackends(Target shardway) throws SQLException {
    this.connection =
        DriverManager.getConnection(
            shardway.jdbcUrl(SbtestTable.SCHEMA, false), shardway.user(), shardway.password());
  }

  /**
   * What Shardway routed to one server.
   *
   * @param server Shardway's name for it
   * @param address its host and port
   * @param role {@code writer} or {@code replica}
   * @param writesRouted statements it ran as the writer: writes, and the reads that went there
   * @param readsRouted statements it ran as a replica
   */
  record Routed(String server, String address, String role, long writesRouted, long readsRouted) {}

  /** The counts so far, one per server in Shardway's order. */
  List<Routed> read() throws SQLException {
    List<Routed> servers = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(QUERY)) {
      while (result.next()) {
        servers.add(
            new Routed(
                result.getString("server"),
                result.getString("address"),
                result.getString("role"),
                result.getLong("writes_routed"),
                result.getLong("reads_routed")));
      }
    }
    return servers;
  }

  /**
   * How much each server's counts grew from {@code before} to {@code after}, with its role after; a
   * server missing from {@code before} counts from 0.
   */
  static List<Routed> delta(List<Routed> before, List<Routed> after) {
    Map<String, Routed> earlier = new LinkedHashMap<>();
    before.forEach(routed -> earlier.put(routed.server(), routed));
    List<Routed> grown = new ArrayList<>();
    for (Routed now : after) {
      Routed then = earlier.get(now.server());
      grown.add(
          new Routed(
              now.server(),
              now.address(),
              now.role(),
              now.writesRouted() - (then == null ? 0 : then.writesRouted()),
              now.readsRouted() - (then == null ? 0 : then.readsRouted())));
    }
    return grown;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
