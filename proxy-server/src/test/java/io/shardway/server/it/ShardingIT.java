package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.server.backend.LoopConnections;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sharded tables across two real shard groups: where rows land, statements that one shard answers,
 * statements run on both and joined, and statements refused because Shardway cannot yet join their
 * answers correctly.
 */
class ShardingIT extends ShardedClusterTest {

  @BeforeEach
  void freshRows() throws SQLException {
    for (int group = 0; group < 2; group++) {
      try (Connection c = cluster.direct(group);
          Statement s = c.createStatement()) {
        s.execute("DELETE FROM users");
        s.execute("DELETE FROM orders");
        s.execute("DELETE FROM countries");
        s.execute("DELETE FROM notes");
        if (group == 1) {
          s.execute("DELETE FROM events");
        }
      }
    }
    try (Connection c = cluster.connect("");
        Statement s = c.createStatement()) {
      for (int id = 1; id <= 10; id++) {
        s.executeUpdate(
            "INSERT INTO users (id, name, country) VALUES ("
                + id
                + ", 'user"
                + id
                + "', '"
                + (id % 3 == 0 ? "US" : "DE")
                + "')");
        s.executeUpdate(
            "INSERT INTO orders (id, user_id, amount) VALUES ("
                + (100 + id)
                + ", "
                + id
                + ", "
                + id
                + ".50)");
      }
    }
  }

  @Test
  void rowsLandOnTheShardTheirKeyPicks() throws SQLException {
    assertEquals(Set.of(2L, 4L, 6L, 8L, 10L), idsOn(0, "SELECT id FROM users"));
    assertEquals(Set.of(1L, 3L, 5L, 7L, 9L), idsOn(1, "SELECT id FROM users"));
    assertEquals(Set.of(1L, 3L, 5L, 7L, 9L), idsOn(1, "SELECT user_id FROM orders"));
  }

  @Test
  void aStatementWithTheKeyRunsOnItsShard() throws SQLException {
    try (Connection c = cluster.connect("")) {
      assertEquals("user7", single(c, "SELECT name FROM users WHERE id = 7"));
      assertEquals("user4", single(c, "SELECT name FROM users u WHERE 4 = u.id"));
      assertEquals(
          "7.50",
          single(
              c, "SELECT o.amount FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id = 7"));
      assertEquals(Set.of(3L, 4L), ids(c, "SELECT id FROM users WHERE id IN (3, 4)"));
    }
  }

  /**
   * A point read by the key is one group's alone, so it runs on that group's loop connections: s1
   * holds no table of its own besides shards, so only those reads open its loop connections.
   */
  @Test
  void pointReadsByTheKeyRunOnTheirShardsLoopConnections() throws SQLException {
    try (Connection c = cluster.connect("")) {
      for (int id = 1; id <= 10; id++) {
        assertEquals("user" + id, single(c, "SELECT name FROM users WHERE id = " + id));
      }
    }
    LoopConnections s1 =
        cluster.proxy().sessions().groups().group("s1").writer().pool().loopConnections();
    assertTrue(s1.openedTotal() > 0, "reads of s1's keys ran on its loop connections");
  }

  /**
   * MariaDB keeps a statement's warnings through a read without tables; through Shardway too,
   * though the warning came from s1 and such a read belongs to the schema's default group, s0.
   */
  @Test
  void warningsOfOneShardOutliveAReadWithoutTables() throws SQLException {
    try (Connection c = cluster.connect("");
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT CAST('7x' AS SIGNED) FROM users WHERE id = 7").close();
      s.executeQuery("SELECT 1").close();
      try (ResultSet rs = s.executeQuery("SHOW WARNINGS")) {
        assertTrue(rs.next(), "the warning of the read on s1");
        assertEquals(1292, rs.getInt("Code"));
      }
    }
  }

  @Test
  void aSelectWithoutTheKeyJoinsTheRowsOfEveryShard() throws SQLException {
    try (Connection c = cluster.connect("")) {
      assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), ids(c, "SELECT id FROM users"));
      assertEquals(Set.of(3L, 6L, 9L), ids(c, "SELECT id FROM users WHERE country = 'US'"));
      assertEquals(Set.of(), ids(c, "SELECT id FROM users WHERE country = 'FR'"));
    }
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void everyDriverAndProtocolIsRouted(Client client) throws SQLException {
    long id = 11 + client.ordinal();
    try (Connection c =
        DriverManager.getConnection(
            client.url(cluster.proxy().port(), ShardedCluster.SCHEMA, ""),
            TestCluster.APP_USER,
            TestCluster.APP_PASSWORD)) {
      try (PreparedStatement insert =
          client.prepare(c, "INSERT INTO users (id, name, country) VALUES (?, ?, 'FR')")) {
        insert.setLong(1, id);
        insert.setString(2, "user" + id);
        insert.executeUpdate();
      }
      try (PreparedStatement select = client.prepare(c, "SELECT name FROM users WHERE id = ?")) {
        for (long key : new long[] {id, 2}) {
          select.setLong(1, key);
          try (ResultSet rs = select.executeQuery()) {
            assertTrue(rs.next());
            assertEquals("user" + key, rs.getString(1));
          }
        }
      }
      try (PreparedStatement scatter =
          client.prepare(c, "SELECT id FROM users WHERE country = ?")) {
        scatter.setString(1, "US");
        Set<Long> ids = new TreeSet<>();
        try (ResultSet rs = scatter.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
        assertEquals(Set.of(3L, 6L, 9L), ids);
      }
    }
    assertEquals(Set.of(id), idsOn((int) (id % 2), "SELECT id FROM users WHERE id = " + id));
  }

  @Test
  void aLimitWithoutOrderTakesTheFirstRowsOfTheGroups() throws SQLException {
    Set<Long> all = Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    try (Connection c = cluster.connect("")) {
      for (int limit : new int[] {0, 1, 3, 5, 7, 10, 20}) {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT id FROM users LIMIT " + limit)) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
        assertEquals(Math.min(limit, 10), ids.size(), "LIMIT " + limit);
        assertEquals(ids.size(), new TreeSet<>(ids).size(), "distinct rows");
        assertTrue(all.containsAll(ids), ids.toString());
      }
      assertEquals(Set.of(), ids(c, "SELECT id FROM users WHERE country = 'FR' LIMIT 5"));
      assertEquals("1", single(c, "SELECT 1 FROM users WHERE country = 'US' LIMIT 1"));
      // The rows past the limit were read and dropped: the connections answer the next statement.
      assertEquals("10", single(c, "SELECT COUNT(*) FROM users"));
    }
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void aggregatesWithoutGroupByAreFoldedAcrossGroups(Client client) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                client.url(cluster.proxy().port(), ShardedCluster.SCHEMA, ""),
                TestCluster.APP_USER,
                TestCluster.APP_PASSWORD);
        PreparedStatement users =
            client.prepare(
                c,
                "SELECT COUNT(*), SUM(id), MIN(id), MAX(id), COUNT(country) AS n FROM users"
                    + " WHERE country LIKE ?");
        PreparedStatement orders = client.prepare(c, "SELECT SUM(amount) FROM orders")) {
      assertEquals(List.of("10", "55", "1", "10", "10"), row(users, "%"));
      assertEquals(List.of("3", "18", "3", "9", "3"), row(users, "US"));
      assertEquals(Arrays.asList("0", null, null, null, "0"), row(users, "FR"));
      try (ResultSet rs = orders.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(new BigDecimal("60.00"), rs.getBigDecimal(1));
        assertEquals("SUM(amount)", rs.getMetaData().getColumnLabel(1));
      }
    }
  }

  private static List<String> row(PreparedStatement statement, String country) throws SQLException {
    statement.setString(1, country);
    List<String> values = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery()) {
      assertTrue(rs.next());
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        values.add(rs.getString(i));
      }
      assertTrue(!rs.next(), "one row");
    }
    return values;
  }

  @Test
  void writesWithoutTheKeyRunOnEveryShardAndReportTheSum() throws SQLException {
    try (Connection c = cluster.connect("useAffectedRows=true");
        Statement s = c.createStatement()) {
      assertEquals(3, s.executeUpdate("UPDATE users SET name = 'x' WHERE country = 'US'"));
      assertEquals(1, s.executeUpdate("DELETE FROM users WHERE id = 10"));
      assertEquals(6, s.executeUpdate("DELETE FROM users WHERE country = 'DE'"));
    }
    assertEquals(Set.of(6L), idsOn(0, "SELECT id FROM users"));
    assertEquals(Set.of(3L, 9L), idsOn(1, "SELECT id FROM users"));
  }

  @Test
  void broadcastTablesAreWrittenEverywhereAndReadOnce() throws SQLException {
    try (Connection c = cluster.connect("");
        Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate("INSERT INTO countries VALUES ('DE', 'Germany')"));
      assertEquals("Germany", single(c, "SELECT name FROM countries WHERE code = 'DE'"));
      assertEquals(
          "Germany",
          single(
              c,
              "SELECT k.name FROM users u JOIN countries k ON k.code = u.country WHERE u.id = 1"));
    }
    for (int group = 0; group < 2; group++) {
      assertEquals("Germany", singleOn(group, "SELECT name FROM countries"));
    }
  }

  @Test
  void aStatementIsPreparedWhereItsTablesAre() throws SQLException {
    try (Connection c = cluster.connect("useServerPrepStmts=true");
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO events (id, what) VALUES (?, ?)");
        PreparedStatement select = c.prepareStatement("SELECT what FROM events WHERE id = ?")) {
      insert.setLong(1, 1);
      insert.setString(2, "created");
      insert.executeUpdate();
      select.setLong(1, 1);
      try (ResultSet rs = select.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("created", rs.getString(1));
      }
    }
    assertEquals("created", singleOn(1, "SELECT what FROM events"));
  }

  @Test
  void unlistedTablesLiveInTheDefaultGroup() throws SQLException {
    try (Connection c = cluster.connect("");
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO notes VALUES (1, 'hello')");
      assertEquals("hello", single(c, "SELECT body FROM notes"));
    }
    assertEquals("hello", singleOn(0, "SELECT body FROM notes"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM users",
        "SELECT GROUP_CONCAT(name) FROM users",
        "SELECT SUM(DISTINCT id) FROM users",
        "SELECT id FROM users ORDER BY RAND()",
        "SELECT DISTINCT * FROM users",
        "SELECT country, COUNT(*) FROM users GROUP BY country WITH ROLLUP",
        "SELECT u.id FROM users u JOIN orders o ON o.id = u.id",
        "INSERT INTO users VALUES (22, 'c', 'US')"
      })
  void whatCannotBeAnsweredCorrectlyIsRefused(String sql) throws SQLException {
    try (Connection c = cluster.connect("");
        Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
      assertEquals(1235, e.getErrorCode(), e.getMessage());
      assertTrue(
          e.getMessage().startsWith("This version of Shardway doesn't yet support"),
          e.getMessage());
    }
  }

  @Test
  void aTransactionReachesEveryGroupItWrites() throws SQLException {
    try (Connection c = cluster.connect("")) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE users SET name = 'tx' WHERE id = 3");
        s.executeUpdate("UPDATE orders SET amount = 0 WHERE user_id = 3");
        // Names no table: runs in the transaction, on s1, though the schema's default is s0.
        assertEquals("1", single(c, "SELECT @@in_transaction"));
        s.executeUpdate("UPDATE users SET name = 'tx' WHERE id = 2");
        assertEquals("tx", single(c, "SELECT name FROM users WHERE id = 2"));
      }
      c.rollback();
    }
    assertEquals("user3", singleOn(1, "SELECT name FROM users WHERE id = 3"));
    assertEquals("user2", singleOn(0, "SELECT name FROM users WHERE id = 2"));
  }

  @Test
  void warningsOnOneGroupDoNotHoldTheNextStatementThere() throws SQLException {
    try (Connection c = cluster.connect("");
        Statement s = c.createStatement()) {
      // id 3 exists in s1: the duplicate becomes warning 1062 there.
      s.executeUpdate("INSERT IGNORE INTO users (id, name) VALUES (3, 'again')");
      assertEquals("user2", single(c, "SELECT name FROM users WHERE id = 2"));
      s.executeUpdate("INSERT IGNORE INTO users (id, name) VALUES (3, 'again')");
      try (ResultSet warnings = s.executeQuery("SHOW WARNINGS")) {
        assertTrue(warnings.next());
        assertEquals(1062, warnings.getInt("Code"));
      }
    }
  }

  @Test
  void ddlOnAShardedTableRunsOnEveryGroup() throws SQLException {
    try (Connection c = cluster.connect("");
        Statement s = c.createStatement()) {
      s.execute("CREATE INDEX users_country ON users (country)");
      s.execute("ALTER TABLE users ADD COLUMN note VARCHAR(10)");
      for (int group = 0; group < 2; group++) {
        assertEquals(
            "2",
            singleOn(
                group,
                "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = 'shop'"
                    + " AND table_name = 'users' AND index_name = 'users_country' OR"
                    + " (table_schema = 'shop' AND table_name = 'users' AND index_name = 'PRIMARY')"));
        assertEquals(
            "note",
            singleOn(
                group,
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'shop'"
                    + " AND table_name = 'users' AND column_name = 'note'"));
      }
      s.execute("ALTER TABLE users DROP INDEX users_country, DROP COLUMN note");
    }
    assertEquals(
        "0",
        singleOn(
            1,
            "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'shop' AND column_name = 'note'"));
  }

  private static Set<Long> ids(Connection c, String sql) throws SQLException {
    Set<Long> ids = new TreeSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  private static Set<Long> idsOn(int group, String sql) throws SQLException {
    try (Connection c = cluster.direct(group)) {
      return ids(c, sql);
    }
  }

  private static String singleOn(int group, String sql) throws SQLException {
    try (Connection c = cluster.direct(group)) {
      return single(c, sql);
    }
  }

  private static String single(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    assertEquals(1, values.size(), sql + " rows");
    return values.get(0);
  }
}
