package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.server.session.PinReason;
import io.shardway.server.session.PinStatistics;
import io.shardway.testcluster.DemoSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Session state set in ways that are not a plain text {@code SET x = literal}: computed values
 * (what MariaDB Connector/J sends at connect) and server-side prepared statements. On a proxy with
 * ONE backend connection every session shares it, so anything not replayed or not reset would show
 * up in the other session.
 */
class StateTrackingIT {
  @RegisterExtension static final SmallPoolProxy proxy = new SmallPoolProxy(1);

  private static Connection mariadb(String options) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://127.0.0.1:"
            + proxy.server().port()
            + "/"
            + DemoSchema.SCHEMA
            + "?"
            + options,
        TestCluster.APP_USER,
        TestCluster.APP_PASSWORD);
  }

  private static String scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  @Test
  void computedSetValuesAreReplayedInsteadOfPinning() throws Exception {
    PinStatistics pins = proxy.server().sessions().pins();
    long before = pins.total(PinReason.UNREPLAYABLE_SET);
    try (Connection computed = proxy.connect("");
        Connection plain = proxy.connect("")) {
      String defaultMode = scalar(plain, "SELECT @@SESSION.sql_mode");
      try (Statement s = computed.createStatement()) {
        s.execute(
            "SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES'), wait_timeout = 600 + 1");
      }
      // Both sessions share the one backend connection, turn by turn.
      for (int i = 0; i < 3; i++) {
        assertTrue(scalar(computed, "SELECT @@SESSION.sql_mode").contains("ANSI_QUOTES"));
        assertEquals("601", scalar(computed, "SELECT @@SESSION.wait_timeout"));
        assertEquals(defaultMode, scalar(plain, "SELECT @@SESSION.sql_mode"));
      }
    }
    assertEquals(before, pins.total(PinReason.UNREPLAYABLE_SET));
  }

  @Test
  void setCharacterSetIsReplayedAsTheServerAppliedIt() throws Exception {
    String check =
        "SELECT CONCAT_WS(' ', @@character_set_client, @@character_set_connection,"
            + " @@character_set_results, @@collation_connection)";
    String expected;
    try (Connection direct = TestCluster.get().directConnection("");
        Statement s = direct.createStatement()) {
      s.execute("SET CHARACTER SET latin1");
      expected = scalar(direct, check);
    }
    try (Connection session = proxy.connect("");
        Connection other = proxy.connect("")) {
      try (Statement s = session.createStatement()) {
        s.execute("SET CHARACTER SET latin1");
      }
      // The other session takes the one backend connection in between, with its own character set.
      String othersDefault = scalar(other, check);
      assertEquals(expected, scalar(session, check));
      assertEquals(othersDefault, scalar(other, check));
      assertTrue(expected.startsWith("latin1 "), expected);
    }
  }

  @Test
  void showWarningsAfterAnErrorListsItEvenAfterAnotherSessionUsedTheConnection() throws Exception {
    String duplicate = "INSERT INTO countries (code, name) VALUES ('AT', 'again')";
    String expected;
    try (Connection direct = TestCluster.get().directConnection("")) {
      assertEquals(1062, failure(direct, duplicate).getErrorCode());
      expected = warnings(direct);
    }
    try (Connection failing = proxy.connect("");
        Connection other = proxy.connect("")) {
      assertEquals(1062, failure(failing, duplicate).getErrorCode());
      // The other session's statement on the one backend connection replaces its diagnostics.
      assertEquals("200", scalar(other, "SELECT COUNT(*) FROM users"));
      assertEquals(expected, warnings(failing));
      assertTrue(expected.startsWith("Error 1062 Duplicate entry 'AT'"), expected);
    }
  }

  private static SQLException failure(Connection c, String sql) {
    return org.junit.jupiter.api.Assertions.assertThrows(
        SQLException.class,
        () -> {
          try (Statement s = c.createStatement()) {
            s.execute(sql);
          }
        });
  }

  /** SHOW WARNINGS as "Level Code Message" lines, then @@error_count. */
  private static String warnings(Connection c) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW WARNINGS")) {
      while (rs.next()) {
        out.append(rs.getString(1)).append(' ').append(rs.getInt(2)).append(' ');
        out.append(rs.getString(3)).append('\n');
      }
    }
    return out.append(scalar(c, "SELECT @@error_count")).toString();
  }

  @Test
  void mariadbConnectorSessionsAreNotPinnedByItsConnectTimeSet() throws Exception {
    PinStatistics pins = proxy.server().sessions().pins();
    long before = pins.total(PinReason.UNREPLAYABLE_SET);
    // Two sessions of a driver that sets sql_mode with CONCAT(...) at connect, over one backend
    // connection: the second could not run at all if the first were pinned.
    try (Connection first = mariadb("");
        Connection second = mariadb("")) {
      assertTrue(scalar(first, "SELECT @@SESSION.sql_mode").contains("STRICT_TRANS_TABLES"));
      assertEquals("200", scalar(second, "SELECT COUNT(*) FROM users"));
      assertEquals("200", scalar(first, "SELECT COUNT(*) FROM users"));
    }
    assertEquals(before, pins.total(PinReason.UNREPLAYABLE_SET));
  }

  @Test
  void aSetRunAsAServerPreparedStatementIsReplayedAndDoesNotLeak() throws Exception {
    try (Connection prepared = proxy.connect("useServerPrepStmts=true");
        Connection other = proxy.connect("")) {
      String defaultZone = scalar(other, "SELECT @@SESSION.time_zone");
      try (PreparedStatement ps = prepared.prepareStatement("SET SESSION time_zone = '+03:00'")) {
        ps.execute();
      }
      assertEquals(defaultZone, scalar(other, "SELECT @@SESSION.time_zone"));
      assertEquals("+03:00", scalar(prepared, "SELECT @@SESSION.time_zone"));
      assertEquals(defaultZone, scalar(other, "SELECT @@SESSION.time_zone"));
    }
  }

  @Test
  void aTemporaryTableCreatedByAServerPreparedStatementPinsTheSession() throws Exception {
    PinStatistics pins = proxy.server().sessions().pins();
    try (Connection prepared = proxy.connect("useServerPrepStmts=true")) {
      try (PreparedStatement ps =
          prepared.prepareStatement("CREATE TEMPORARY TABLE prepared_tmp (x INT)")) {
        ps.execute();
      }
      assertEquals(1, pins.current(PinReason.TEMPORARY_TABLE));
      assertEquals("0", scalar(prepared, "SELECT COUNT(*) FROM prepared_tmp"));
    }
    // The pinned connection was reset before going back to the pool.
    try (Connection next = proxy.connect("")) {
      SQLException missing =
          org.junit.jupiter.api.Assertions.assertThrows(
              SQLException.class, () -> scalar(next, "SELECT COUNT(*) FROM prepared_tmp"));
      assertEquals(1146, missing.getErrorCode());
    }
    assertEquals(0, pins.current(PinReason.TEMPORARY_TABLE));
  }
}
