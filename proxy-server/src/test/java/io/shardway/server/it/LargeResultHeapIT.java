package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.server.ShardwayServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A result far larger than the allowed heap growth, read slowly: the proxy (in this JVM) must relay
 * it row by row, stop reading from the backend while the client lags, and keep its heap flat.
 */
class LargeResultHeapIT {
  private static final int ROWS = 2_000_000;
  private static final String QUERY =
      "SELECT seq, REPEAT('x', 100) FROM seq_1_to_" + ROWS + " /* large-result-heap */";

  /** About 230 MB pass through; a proxy that buffered them would grow far beyond this. */
  private static final long MAX_GROWTH = 64L << 20;

  @Test
  void twoMillionRowsStreamWithFlatProxyHeap() throws Exception {
    TestCluster cluster = TestCluster.get();
    try (ShardwayServer proxy = cluster.startProxy(c -> c);
        Connection c =
            DriverManager.getConnection(
                TestCluster.url(proxy.port(), "appdb", "socketTimeout=120000"),
                TestCluster.APP_USER,
                TestCluster.APP_PASSWORD);
        Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      s.setFetchSize(Integer.MIN_VALUE);
      // Warm up: allocator arenas, driver and proxy classes, the backend pool.
      assertEquals(50_000, readAll(s, "SELECT seq, REPEAT('x', 100) FROM seq_1_to_50000", 0));
      long before = usedHeapAfterGc();

      long during;
      int rows;
      try (ResultSet rs = s.executeQuery(QUERY)) {
        rows = readRows(rs, 0, 1000);
        assertEquals(1000, rows);
        // The slow client: nothing read for 2 s while the backend could send everything.
        Thread.sleep(2000);
        during = usedHeapAfterGc();
        assertTrue(
            backendStillSending(cluster),
            "the proxy stops reading from the backend while the client does not read");
        rows = readRows(rs, rows, Integer.MAX_VALUE);
      }
      assertEquals(ROWS, rows);
      long after = usedHeapAfterGc();
      String report =
          String.format(
              "heap before %d MiB, during the pause %d MiB, after %d MiB",
              before >> 20, during >> 20, after >> 20);
      assertTrue(during - before < MAX_GROWTH, report);
      assertTrue(after - before < MAX_GROWTH, report);
    }
  }

  /** Reads up to {@code limit} more rows, checking order and content; returns the new total. */
  private static int readRows(ResultSet rs, int soFar, int limit) throws SQLException {
    int rows = soFar;
    int read = 0;
    while (read < limit && rs.next()) {
      rows++;
      read++;
      long seq = rs.getLong(1);
      if (seq != rows) {
        throw new AssertionError("row " + rows + " has seq " + seq);
      }
      if (rows % 997 == 1) {
        assertEquals("x".repeat(100), rs.getString(2), "row " + rows);
      }
    }
    return rows;
  }

  private static int readAll(Statement s, String sql, int soFar) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return readRows(rs, soFar, Integer.MAX_VALUE);
    }
  }

  /** Whether the big query still runs on the backend (it has not been read to its end). */
  private static boolean backendStillSending(TestCluster cluster) throws SQLException {
    try (Connection root = cluster.mariadb().connectAsRoot(null);
        Statement s = root.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                    + " WHERE COMMAND = 'Query' AND INFO LIKE '%large-result-heap%'"
                    + " AND INFO NOT LIKE '%PROCESSLIST%'")) {
      rs.next();
      return rs.getInt(1) == 1;
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
