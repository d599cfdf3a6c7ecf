package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.config.ReadWrite;
import io.shardway.server.ShardwayServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A simulated failover: the primary turns read-only and the replica is promoted. Writes follow the
 * writable server within seconds; in between they get a clear error, never a silent write to the
 * old primary.
 */
class FailoverIT {

  @Test
  void writesFollowThePromotedReplica() throws Exception {
    try (ReplicatedCluster cluster = ReplicatedCluster.start(1);
        ShardwayServer proxy =
            cluster.startProxy(
                ReplicatedCluster.readWrite(
                    ReadWrite.ReadYourWrites.AUTO, Duration.ofSeconds(5), Optional.empty()))) {
      try (Connection c = ReplicatedCluster.connect(proxy, "");
          Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO rw VALUES (1, @@server_id)");

        cluster.group().promote(0);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        int refused = 0;
        boolean written = false;
        while (!written && System.nanoTime() < deadline) {
          try {
            s.executeUpdate("INSERT INTO rw VALUES (2, @@server_id)");
            written = true;
          } catch (SQLException e) {
            // Between the two changes no server is writable: Shardway's "read-only" error.
            assertEquals(1290, e.getErrorCode(), e.getMessage());
            refused++;
            Thread.sleep(50);
          }
        }
        assertTrue(written, "a write succeeded after the failover (" + refused + " refused)");
        try (ResultSet rs = s.executeQuery("SELECT @@server_id FROM DUAL /* shardway:primary */")) {
          rs.next();
          assertEquals(2, rs.getLong(1), "writes go to the promoted replica");
        }
      }
      assertEquals(2, value(cluster, 1, "SELECT v FROM rw WHERE id = 2"));
      assertEquals(0, value(cluster, 0, "SELECT COUNT(*) FROM rw WHERE id = 2"), "old primary");
    }
  }

  /** A value read straight from the primary (0) or the replica (1). */
  private static long value(ReplicatedCluster cluster, int server, String sql) throws SQLException {
    try (Connection c =
            ReplicatedCluster.direct(
                server == 0 ? cluster.group().primary() : cluster.group().replica(0));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
