package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.JdbcConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Shardway answers itself: SHOW SHARDWAY statements, and the statements it refuses. */
class AdminAndRefusalIT {
  private final TestCluster cluster = TestCluster.get();

  @Test
  void showShardwaySessionsNamesWhatPinsEachSession() throws Exception {
    try (Connection pinned = cluster.proxyConnection("");
        Connection admin = cluster.proxyConnection("")) {
      try (Statement s = pinned.createStatement()) {
        s.execute("CREATE TEMPORARY TABLE admin_tmp (x INT)");
      }
      long pinnedId = pinned.unwrap(JdbcConnection.class).getId();
      long adminId = admin.unwrap(JdbcConnection.class).getId();

      Map<Long, String> pinnedBy = new HashMap<>();
      try (Statement s = admin.createStatement();
          ResultSet rs = s.executeQuery("SHOW SHARDWAY SESSIONS")) {
        assertEquals("pinned_by", rs.getMetaData().getColumnLabel(5));
        while (rs.next()) {
          pinnedBy.put(rs.getLong("id"), rs.getString("pinned_by"));
          if (rs.getLong("id") == pinnedId) {
            assertEquals(TestCluster.APP_USER, rs.getString("user"));
            assertEquals("appdb", rs.getString("schema"));
          }
        }
      }
      assertEquals("temporary_table", pinnedBy.get(pinnedId));
      assertTrue(pinnedBy.containsKey(adminId));
      assertEquals(null, pinnedBy.get(adminId));
    }
  }

  @Test
  void showShardwayPinsCountsSessionsPinnedNowAndSinceStart() throws Exception {
    try (Connection admin = cluster.proxyConnection("")) {
      long before = pinsOf(admin, "user_variable")[1];
      try (Connection pinned = cluster.proxyConnection("");
          Statement s = pinned.createStatement()) {
        s.execute("SET @admin_test = 1");
        long[] during = pinsOf(admin, "user_variable");
        assertTrue(during[0] >= 1, "sessions_now " + during[0]);
        assertEquals(before + 1, during[1]);
      }
    }
  }

  /** {sessions_now, total} of one reason. */
  private static long[] pinsOf(Connection c, String reason) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW SHARDWAY PINS")) {
      while (rs.next()) {
        if (rs.getString("reason").equals(reason)) {
          return new long[] {rs.getLong("sessions_now"), rs.getLong("total")};
        }
      }
    }
    throw new AssertionError("no pin reason " + reason);
  }

  @Test
  void loadDataLocalIsRefusedWithAClearErrorAndTheSessionGoesOn(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("rows.csv");
    Files.writeString(file, "1\n2\n");
    try (Connection c = cluster.proxyConnection("allowLoadLocalInfile=true");
        Statement s = c.createStatement()) {
      s.execute("CREATE TEMPORARY TABLE load_target (x INT)");
      SQLException refused =
          assertThrows(
              SQLException.class,
              () ->
                  s.execute(
                      "LOAD DATA LOCAL INFILE '"
                          + file.toString().replace("\\", "/")
                          + "' INTO TABLE load_target"));
      assertEquals(1148, refused.getErrorCode());
      assertEquals("42000", refused.getSQLState());
      assertTrue(refused.getMessage().contains("LOAD DATA LOCAL INFILE"), refused.getMessage());
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM load_target")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getInt(1));
      }
    }
  }
}
