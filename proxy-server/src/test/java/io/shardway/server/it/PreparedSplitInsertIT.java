package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Server-prepared INSERTs that Shardway splits over shard groups or gives generated keys: run as
 * text with the bound values inlined, answered with the OK packet a prepared execution gets.
 */
class PreparedSplitInsertIT extends ShardedClusterTest {

  @BeforeEach
  void noRows() throws SQLException {
    emptyTables("users", "tickets");
  }

  private static Connection connect(Client client) throws SQLException {
    return DriverManager.getConnection(
        client.url(cluster.proxy().port(), ShardedCluster.SCHEMA, ""),
        TestCluster.APP_USER,
        TestCluster.APP_PASSWORD);
  }

  @ParameterizedTest
  @EnumSource(names = {"MYSQL_SERVER_PREPARED", "MARIADB_SERVER_PREPARED"})
  void aTwoRowInsertLandsOnEachRowsGroup(Client client) throws SQLException {
    try (Connection proxy = connect(client);
        PreparedStatement insert =
            client.prepare(
                proxy, "INSERT INTO users (id, name, country) VALUES (?, ?, ?), (?, ?, ?)")) {
      insert.setLong(1, 7);
      insert.setString(2, "seven");
      insert.setString(3, "DE");
      insert.setLong(4, 8);
      insert.setString(5, "eight");
      insert.setNull(6, Types.CHAR);
      assertEquals(2, insert.executeUpdate());
      // Executed again with other values, and the types the driver may leave out the second time.
      insert.setLong(1, 9);
      insert.setString(2, "nine");
      insert.setString(3, "US");
      insert.setLong(4, 10);
      insert.setString(5, "ten");
      insert.setString(6, "FR");
      assertEquals(2, insert.executeUpdate());
    }
    assertEquals(List.of("8:eight:null", "10:ten:FR"), ShardedInsertIT.usersOf(0));
    assertEquals(List.of("7:seven:DE", "9:nine:US"), ShardedInsertIT.usersOf(1));
  }

  @ParameterizedTest
  @EnumSource(names = {"MYSQL_SERVER_PREPARED", "MARIADB_SERVER_PREPARED"})
  void quotesUnicodeAndNullSurviveByteForByte(Client client) throws SQLException {
    String[] names = {"it's \\' \"x\" ?", "Zoë 東京 🎉", null, "tab\tnew\nline\0end", ""};
    try (Connection proxy = connect(client);
        PreparedStatement insert =
            client.prepare(proxy, "INSERT INTO users (id, name) VALUES (?, ?), (?, ?)")) {
      for (int i = 0; i < names.length; i++) {
        insert.setLong(1, 100 + 2 * i);
        insert.setString(2, names[i]);
        insert.setLong(3, 101 + 2 * i);
        insert.setString(4, names[i]);
        assertEquals(2, insert.executeUpdate());
      }
    }
    for (int i = 0; i < names.length; i++) {
      for (int group = 0; group < 2; group++) {
        byte[] stored = nameBytes(group, 100 + 2 * i + group);
        byte[] expected = names[i] == null ? null : names[i].getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, stored, "row " + (100 + 2 * i + group));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"MYSQL_SERVER_PREPARED", "MARIADB_SERVER_PREPARED"})
  void anInsertWithoutItsKeyGetsAGeneratedOne(Client client) throws SQLException {
    long id;
    try (Connection proxy = connect(client);
        PreparedStatement insert =
            client.prepare(
                proxy, "INSERT INTO tickets (what) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, "ticket's");
      assertEquals(1, insert.executeUpdate());
      try (ResultSet keys = insert.getGeneratedKeys()) {
        assertTrue(keys.next());
        id = keys.getLong(1);
      }
    }
    assertTrue(id > 0, "generated key " + id);
    List<String> found = new ArrayList<>();
    for (int group = 0; group < 2; group++) {
      try (Connection c = cluster.direct(group);
          PreparedStatement s = c.prepareStatement("SELECT what FROM tickets WHERE id = ?")) {
        s.setLong(1, id);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            found.add(group + ":" + rs.getString(1));
          }
        }
      }
    }
    assertEquals(1, found.size(), "rows with id " + id + ": " + found);
    assertTrue(found.get(0).endsWith(":ticket's"), found.toString());
  }

  private static byte[] nameBytes(int group, long id) throws SQLException {
    try (Connection c = cluster.direct(group);
        PreparedStatement s =
            c.prepareStatement("SELECT CAST(name AS BINARY) FROM users WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "row " + id + " in s" + group);
        return rs.getBytes(1);
      }
    }
  }
}
