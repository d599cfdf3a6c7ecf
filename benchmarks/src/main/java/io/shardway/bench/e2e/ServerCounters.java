package io.shardway.bench.e2e;

import io.shardway.testcluster.MariaDbServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MariaDB's own count of the commands it executed ({@code SHOW GLOBAL STATUS}: {@code Questions}
 * and the {@code Com_*} counters), read before and after a round, so that the report shows what
 * each target sent the server per client query: a proxy that adds round trips shows up here. With
 * replicas the counters of every server are summed, since Shardway spreads one client's statements
 * over them. A replica's applier does not count in {@code Questions}, so that stays what clients
 * and Shardway sent; it does count in {@code Com_begin}, {@code Com_update} and {@code Com_commit},
 * once per replica for each replicated write.
 */
final class ServerCounters implements AutoCloseable {
  private static final String QUERY =
      "SHOW GLOBAL STATUS WHERE Variable_name = 'Questions' OR Variable_name LIKE 'Com\\_%'";

  private final List<Connection> connections = new ArrayList<>();

  ServerCounters(List<MariaDbServer> servers) throws SQLException {
    for (MariaDbServer server : servers) {
      connections.add(server.connectAsRoot(null));
    }
  }

  /**
   * The current values summed over the servers; the read itself adds one {@code Com_show_status}
   * and one question per server.
   */
  Map<String, Long> read() throws SQLException {
    Map<String, Long> values = new TreeMap<>();
    for (Connection connection : connections) {
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(QUERY)) {
        while (result.next()) {
          values.merge(result.getString(1), result.getLong(2), Long::sum);
        }
      }
    }
    return values;
  }

  /** The counters that grew from {@code before} to {@code after}, minus the reads' own. */
  Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> grown = new TreeMap<>();
    after.forEach(
        (name, value) -> {
          boolean ownRead = name.equals("Questions") || name.equals("Com_show_status");
          long own = ownRead ? connections.size() : 0;
          long delta = value - before.getOrDefault(name, 0L) - own;
          if (delta > 0) {
            grown.put(name, delta);
          }
        });
    return grown;
  }

  @Override
  public void close() throws SQLException {
    for (Connection connection : connections) {
      connection.close();
    }
  }
}
