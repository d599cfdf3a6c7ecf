package io.shardway.server.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Integration tests against one {@link ShardedCluster}, started once for the test class. */
abstract class ShardedClusterTest {
  static ShardedCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ShardedCluster.start();
  }

  /** Deletes every row of {@code tables} in both groups, straight on their servers. */
  static void emptyTables(String... tables) throws SQLException {
    for (int group = 0; group < 2; group++) {
      try (Connection c = cluster.direct(group);
          Statement s = c.createStatement()) {
        for (String table : tables) {
          s.execute("DELETE FROM " + table);
        }
      }
    }
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }
}
