package io.shardway.bench.e2e;

import io.shardway.testcluster.MariaDbServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * MariaDB's own count of the commands it executed ({@code SHOW GLOBAL STATUS}: {@code Questions}
 * and the {@code Com_*} counters), read before and after a round, so that the report shows what
 * each target sent the server per client query: a proxy that adds round trips shows up here.
 */
final class ServerCounters implements AutoCloseable {
  private static final String QUERY =
      "SHOW GLOBAL STATUS WHERE Variable_name = 'Questions' OR Variable_name LIKE 'Com\\_%'";

  private final Connection connection;

  ServerCounters(MariaDbServer server) throws SQLException {
    this.connection = server.connectAsRoot(null);
  }

  /** The current values; the read itself adds one {@code Com_show_status} and one question. */
  Map<String, Long> read() throws SQLException {
    Map<String, Long> values = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(QUERY)) {
      while (result.next()) {
        values.put(result.getString(1), result.getLong(2));
      }
    }
    return values;
  }

  /** The counters that grew from {@code before} to {@code after}, minus the read's own. */
  static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> grown = new TreeMap<>();
    after.forEach(
        (name, value) -> {
          long own = name.equals("Questions") || name.equals("Com_show_status") ? 1 : 0;
          long delta = value - before.getOrDefault(name, 0L) - own;
          if (delta > 0) {
            grown.put(name, delta);
          }
        });
    return grown;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
