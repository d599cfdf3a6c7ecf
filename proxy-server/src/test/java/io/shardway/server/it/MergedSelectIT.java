package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.testcluster.MariaDbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SELECTs whose rows come from both shard groups and must be merged (ORDER BY, LIMIT with OFFSET,
 * GROUP BY, HAVING, DISTINCT, AVG), each compared with the same SELECT on one server that holds
 * every row: schema {@code whole} on the server of s0, loaded with the rows the cluster's {@code
 * shop} holds. Strings include case variants, accents, trailing spaces and NULLs, so the merge must
 * compare as the columns' collation does.
 */
class MergedSelectIT extends ShardedClusterTest {
  private static final String REFERENCE = "whole";

  private static final List<String> NAMES =
      List.of(
          "alice", "Alice", "ALICE ", "bob", "Bob ", "carol", "Émile", "emile", "zoë", "Zed",
          "dave", "mallory", "Trent", "peggy", "victor", "walter");

  @BeforeAll
  static void loadBothCopies() throws Exception {
    try (Connection reference = cluster.direct(0);
        Statement s = reference.createStatement()) {
      s.execute("CREATE DATABASE " + REFERENCE + " CHARACTER SET utf8mb4");
      s.execute("CREATE TABLE " + REFERENCE + ".users LIKE users");
      s.execute("CREATE TABLE " + REFERENCE + ".orders LIKE orders");
    }
    Random random = new Random(7);
    try (Connection proxy = cluster.connect("");
        Connection reference = cluster.server(0).connectAsRoot(REFERENCE)) {
      for (int id = 1; id <= 60; id++) {
        String name = id % 11 == 0 ? null : NAMES.get(random.nextInt(NAMES.size()));
        String country = id % 7 == 0 ? null : List.of("DE", "US", "FR").get(random.nextInt(3));
        insert(
            proxy,
            reference,
            "INSERT INTO users (id, name, country) VALUES (?, ?, ?)",
            id,
            name,
            country);
        for (int n = random.nextInt(4); n > 0; n--) {
          int orderId = id * 10 + n;
          String amount = n == 3 ? null : (random.nextInt(10_000) / 100) + "." + n + "5";
          // Minutes apart at most, so that ties and near-ties meet across groups.
          String placed =
              n == 2 ? null : "2026-03-29 0" + random.nextInt(4) + ":" + (10 + n) + ":00";
          insert(
              proxy,
              reference,
              "INSERT INTO orders (id, user_id, amount, placed) VALUES (?, ?, ?, ?)",
              orderId,
              id,
              amount,
              placed);
        }
      }
    }
    for (int group = 0; group < 2; group++) {
      try (Connection c = cluster.direct(group);
          Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM users")) {
        assertTrue(rows.next() && rows.getInt(1) > 0, "both groups hold users");
      }
    }
  }

  static Stream<Arguments> mergedSelects() {
    List<String> selects =
        List.of(
            "SELECT id, name FROM users ORDER BY name, id",
            "SELECT id, name, country FROM users ORDER BY country DESC, name DESC, id DESC",
            "SELECT id, name FROM users ORDER BY name DESC, id LIMIT 7",
            "SELECT id, name FROM users ORDER BY id LIMIT 5, 10",
            "SELECT * FROM users ORDER BY country, id LIMIT 3 OFFSET 4",
            "SELECT id FROM users ORDER BY id DESC LIMIT 100 OFFSET 55",
            "SELECT country, COUNT(*), SUM(id), MIN(id), MAX(id), AVG(id) FROM users"
                + " GROUP BY country ORDER BY country",
            "SELECT user_id, COUNT(*) AS c, SUM(amount), AVG(amount), MAX(amount) FROM orders"
                + " GROUP BY user_id HAVING COUNT(*) > 1 ORDER BY c DESC, user_id LIMIT 10",
            "SELECT user_id, SUM(amount) AS total FROM orders GROUP BY user_id"
                + " ORDER BY total DESC, user_id LIMIT 5",
            "SELECT MIN(id), COUNT(*) FROM users GROUP BY name ORDER BY name",
            "SELECT DISTINCT country FROM users ORDER BY country",
            "SELECT DISTINCT country FROM users ORDER BY country DESC LIMIT 2",
            "SELECT AVG(amount), COUNT(*), COUNT(amount), SUM(amount) FROM orders",
            "SELECT MIN(country), MAX(country), COUNT(name) FROM users",
            "SELECT COUNT(DISTINCT name) FROM users",
            "SELECT country, COUNT(DISTINCT name) AS n FROM users GROUP BY country"
                + " ORDER BY n DESC, country",
            "SELECT id, placed FROM orders ORDER BY placed DESC, id LIMIT 12",
            "SELECT user_id, MAX(placed), MIN(placed) FROM orders GROUP BY user_id ORDER BY user_id",
            "SELECT u.id, o.amount FROM users u JOIN orders o ON o.user_id = u.id"
                + " ORDER BY o.amount DESC, o.id LIMIT 8");
    List<Arguments> arguments = new ArrayList<>();
    for (Client client : Client.values()) {
      for (String select : selects) {
        arguments.add(Arguments.of(client, select));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("mergedSelects")
  void mergedResultEqualsOneServers(Client client, String select) throws SQLException {
    List<List<String>> expected;
    try (Connection reference = reference(client);
        PreparedStatement statement = client.prepare(reference, select)) {
      expected = rows(statement);
    }
    try (Connection proxy = connect(client);
        PreparedStatement statement = client.prepare(proxy, select)) {
      assertEquals(expected, rows(statement), select);
    }
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void parametersInWhereReachEveryGroupOfAMergedSelect(Client client) throws SQLException {
    String select = "SELECT id, name FROM users WHERE id > ? ORDER BY name, id LIMIT 6";
    List<List<String>> expected;
    try (Connection reference = reference(client);
        PreparedStatement statement = client.prepare(reference, select)) {
      statement.setInt(1, 20);
      expected = rows(statement);
    }
    try (Connection proxy = connect(client);
        PreparedStatement statement = client.prepare(proxy, select)) {
      for (int run = 0; run < 3; run++) {
        statement.setInt(1, 20);
        assertEquals(expected, rows(statement), "execution " + run);
      }
    }
  }

  @Test
  void connectionsServeTheNextStatementAfterAMergeStoppedEarly() throws SQLException {
    try (Connection proxy = cluster.connect("");
        Statement s = proxy.createStatement()) {
      for (int i = 0; i < 50; i++) {
        try (ResultSet rows = s.executeQuery("SELECT id FROM users ORDER BY id LIMIT 1")) {
          assertTrue(rows.next());
          assertEquals(1, rows.getInt(1));
          assertFalse(rows.next());
        }
        try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM users")) {
          assertTrue(rows.next());
          assertEquals(60, rows.getInt(1));
        }
      }
    }
  }

  @Test
  void aGroupsErrorReachesTheClientAndTheSessionGoesOn() throws SQLException {
    try (Connection proxy = cluster.connect("");
        Statement s = proxy.createStatement()) {
      SQLException error =
          assertThrows(
              SQLException.class,
              () -> s.executeQuery("SELECT id, EXP(1000) FROM users ORDER BY id"));
      assertEquals(1690, error.getErrorCode(), error.getMessage());
      try (ResultSet rows = s.executeQuery("SELECT id FROM users ORDER BY id DESC LIMIT 1")) {
        assertTrue(rows.next());
        assertEquals(60, rows.getInt(1));
      }
    }
  }

  private static Connection connect(Client client) throws SQLException {
    return DriverManager.getConnection(
        client.url(cluster.proxy().port(), ShardedCluster.SCHEMA, ""),
        TestCluster.APP_USER,
        TestCluster.APP_PASSWORD);
  }

  /** The reference server, through the same driver and protocol as the client compared. */
  private static Connection reference(Client client) throws SQLException {
    MariaDbServer server = cluster.server(0);
    return DriverManager.getConnection(
        client.url(server.port(), REFERENCE, ""), server.rootUser(), server.rootPassword());
  }

  private static void insert(Connection proxy, Connection reference, String sql, Object... values)
      throws SQLException {
    for (Connection connection : List.of(proxy, reference)) {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < values.length; i++) {
          statement.setObject(i + 1, values[i]);
        }
        assertEquals(1, statement.executeUpdate());
      }
    }
  }

  /** The column labels, then each row's values as text, in order. */
  private static List<List<String>> rows(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      ResultSetMetaData meta = rows.getMetaData();
      List<List<String>> table = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        labels.add(meta.getColumnLabel(i) + ":" + meta.getColumnTypeName(i));
      }
      table.add(labels);
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(rows.getString(i));
        }
        table.add(row);
      }
      return table;
    }
  }
}
