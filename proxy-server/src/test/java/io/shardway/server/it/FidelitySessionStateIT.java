package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.server.ShardwayServer;
import io.shardway.server.session.ClientSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Session variables set with SET live on the backend connection; Shardway gives that connection
 * back to the pool after each statement and replays the session's variables on the next one it
 * borrows. Twenty sessions with twenty different sql_mode, time_zone, collation and isolation level
 * settings take turns over a few backend connections, and each always sees its own, in the values
 * and in how statements behave.
 */
class FidelitySessionStateIT {
  private static final String TABLE = "fid_state";
  private static final int SESSIONS = 20;
  private static final int ROUNDS = 6;

  /** In MariaDB's own order, as @@sql_mode reads back. */
  private static final String[] SQL_MODES = {
    "ANSI_QUOTES",
    "PIPES_AS_CONCAT,ANSI_QUOTES",
    "STRICT_ALL_TABLES",
    "",
    "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_DATE",
    "ANSI_QUOTES,NO_BACKSLASH_ESCAPES"
  };

  private static final String[] COLLATIONS = {
    "utf8mb4_bin", "utf8mb4_general_ci", "utf8mb4_unicode_ci", "utf8mb4_unicode_520_ci"
  };
  private static final String[] ISOLATION = {
    "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE", "READ UNCOMMITTED"
  };

  /** Two backend connections for twenty sessions. */
  @RegisterExtension static final SmallPoolProxy fewBackends = new SmallPoolProxy(2);

  /** What session {@code i} sets; {@code generation} changes them halfway through. */
  private record Settings(String sqlMode, String timeZone, String collation, String isolation) {
    static Settings of(int i, int generation) {
      int k = i + generation * 7;
      // Quarter hours from -12:00 to +12:45, within MariaDB's range for offsets.
      int minutes = ((k * 37) % 100) * 15 - 12 * 60;
      String zone =
          String.format(
              "%s%02d:%02d",
              minutes < 0 ? "-" : "+", Math.abs(minutes) / 60, Math.abs(minutes) % 60);
      return new Settings(
          SQL_MODES[k % SQL_MODES.length],
          zone,
          COLLATIONS[k % COLLATIONS.length],
          ISOLATION[k % ISOLATION.length]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"shared proxy", "proxy with two backend connections"})
  void everySessionKeepsItsOwnSettingsAcrossPooledConnections(String which) throws Exception {
    ShardwayServer server =
        which.equals("shared proxy") ? TestCluster.get().proxy() : fewBackends.server();
    Transcript proxy =
        Transcript.compare(
            Endpoint.direct(),
            Endpoint.proxy(server),
            (endpoint, t) -> exercise(endpoint, t, server));
    assertTrue(proxy.contains("session 0 round 0 ansi quotes row 0: Integer 42"), proxy::toString);
  }

  private static void exercise(Endpoint endpoint, Transcript t, ShardwayServer server)
      throws SQLException {
    List<Connection> connections = new ArrayList<>();
    try {
      try (Connection c = endpoint.connect(Client.MYSQL_TEXT, "");
          Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + TABLE);
        s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, name VARCHAR(10))");
        s.execute("INSERT INTO " + TABLE + " VALUES (42, 'a')");
      }
      for (int i = 0; i < SESSIONS; i++) {
        Connection c = endpoint.connect(Client.MYSQL_TEXT, "");
        connections.add(c);
        apply(c, i, Settings.of(i, 0));
      }
      for (int round = 0; round < ROUNDS; round++) {
        int generation = round < ROUNDS / 2 ? 0 : 1;
        for (int k = 0; k < SESSIONS; k++) {
          // A different interleaving each round, so sessions meet different backend connections.
          int i = (k * 7 + round * 3) % SESSIONS;
          if (round == ROUNDS / 2) {
            apply(connections.get(i), i, Settings.of(i, 1));
          }
          probe(
              t,
              "session " + i + " round " + round,
              connections.get(i),
              Settings.of(i, generation));
        }
        if (endpoint.isProxy()) {
          for (ClientSession session : server.sessions().registry().sessions()) {
            // Replayed, not pinned: the point is that the sessions really share connections.
            assertTrue(session.pinReasons().isEmpty(), session.pinReasons()::toString);
          }
        }
      }
    } finally {
      for (Connection c : connections) {
        c.close();
      }
    }
  }

  private static void apply(Connection c, int i, Settings settings) throws SQLException {
    try (Statement s = c.createStatement()) {
      // Three spellings of the same thing, so each is seen and replayed.
      switch (i % 3) {
        case 0 ->
            s.execute(
                "SET SESSION sql_mode = '"
                    + settings.sqlMode()
                    + "', time_zone = '"
                    + settings.timeZone()
                    + "'");
        case 1 ->
            s.execute(
                "SET @@session.sql_mode = '"
                    + settings.sqlMode()
                    + "', @@time_zone = '"
                    + settings.timeZone()
                    + "'");
        default -> {
          s.execute("SET sql_mode = '" + settings.sqlMode() + "'");
          s.execute("SET time_zone = '" + settings.timeZone() + "'");
        }
      }
      s.execute("SET NAMES utf8mb4 COLLATE " + settings.collation());
      s.execute("SET SESSION TRANSACTION ISOLATION LEVEL " + settings.isolation());
    }
  }

  private static void probe(Transcript t, String label, Connection c, Settings expected)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT @@sql_mode, @@time_zone, @@collation_connection, @@character_set_client,"
                  + " @@transaction_isolation")) {
        rs.next();
        assertEquals(expected.sqlMode(), rs.getString(1), label);
        assertEquals(expected.timeZone(), rs.getString(2), label);
        assertEquals(expected.collation(), rs.getString(3), label);
        assertEquals(expected.isolation().replace(' ', '-'), rs.getString(5), label);
        t.add(label + " variables", Transcript.row(rs, 5));
      }
      // The settings at work, not only their values.
      try (ResultSet rs =
          s.executeQuery(
              "SELECT 'a' = 'A', TIME_FORMAT(TIMEDIFF(NOW(), UTC_TIMESTAMP()), '%H:%i'),"
                  + " CONCAT('x') || 'y'")) {
        t.resultSet(label + " behaviour", rs);
      }
      try (ResultSet rs = s.executeQuery("SELECT \"id\" FROM " + TABLE)) {
        t.resultSet(label + " ansi quotes", rs);
      }
    }
  }
}
