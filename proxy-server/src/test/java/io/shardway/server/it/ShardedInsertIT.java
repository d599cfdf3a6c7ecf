package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * INSERTs whose rows belong to several shard groups, split into one statement per group (see {@link
 * PreparedSplitInsertIT} for server-prepared ones), and INSERTs into {@code tickets}, whose keys
 * Shardway generates (Snowflake ids) when the statement leaves them out, reported to the client as
 * MySQL reports AUTO_INCREMENT keys.
 */
class ShardedInsertIT extends ShardedClusterTest {

  @BeforeEach
  void noRows() throws SQLException {
    emptyTables("users", "tickets");
  }

  @Test
  void aMultiRowInsertIsSplitByGroup() throws SQLException {
    try (Connection proxy = cluster.connect("");
        Statement s = proxy.createStatement()) {
      int inserted =
          s.executeUpdate(
              "INSERT INTO users (id, name, country) VALUES"
                  + " (1, 'one', 'DE'), (2, 'two\\'s', NULL), (3, 'three', 'US'), (4, 'four', 'FR')");
      assertEquals(4, inserted);
    }
    assertEquals(List.of("2:two's:null", "4:four:FR"), usersOf(0));
    assertEquals(List.of("1:one:DE", "3:three:US"), usersOf(1));
  }

  @Test
  void aRewrittenJdbcBatchIsSplitByGroup() throws SQLException {
    try (Connection proxy = cluster.connect("rewriteBatchedStatements=true");
        PreparedStatement insert =
            proxy.prepareStatement("INSERT INTO users (id, name) VALUES (?, ?)")) {
      for (int id = 10; id < 30; id++) {
        insert.setInt(1, id);
        insert.setString(2, "user" + id);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    assertEquals(10, usersOf(0).size());
    assertEquals(10, usersOf(1).size());
  }

  @Test
  void keysAreGeneratedConsecutiveAndReportedAsMySqlReportsAutoIncrement() throws SQLException {
    List<Long> generated = new ArrayList<>();
    try (Connection proxy = cluster.connect("");
        Statement s = proxy.createStatement()) {
      // Twenty rows: the chance that a hash sends them all to one group is one in half a million.
      List<String> rows = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        rows.add("('t" + i + "')");
      }
      s.executeUpdate(
          "INSERT INTO tickets (what) VALUES " + String.join(", ", rows),
          Statement.RETURN_GENERATED_KEYS);
      try (ResultSet keys = s.getGeneratedKeys()) {
        while (keys.next()) {
          generated.add(keys.getLong(1));
        }
      }
      assertEquals(20, generated.size());
      for (int i = 1; i < generated.size(); i++) {
        assertEquals(generated.get(0) + i, generated.get(i), "consecutive keys");
      }
      try (ResultSet last = s.executeQuery("SELECT LAST_INSERT_ID()")) {
        assertTrue(last.next());
        assertEquals(generated.get(0), last.getLong(1));
      }
    }
    TreeSet<Long> stored = new TreeSet<>();
    List<Integer> perGroup = new ArrayList<>();
    for (int group = 0; group < 2; group++) {
      List<Long> ids = ids(group, "SELECT id FROM tickets");
      perGroup.add(ids.size());
      stored.addAll(ids);
    }
    assertEquals(new TreeSet<>(generated), stored, "every row stored once, under its key");
    assertTrue(perGroup.get(0) > 0 && perGroup.get(1) > 0, "keys spread over both groups");
  }

  /** The users of shard group s{@code group}, read straight from its server: id:name:country. */
  static List<String> usersOf(int group) throws SQLException {
    List<String> users = new ArrayList<>();
    try (Connection c = cluster.direct(group);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT id, name, country FROM users ORDER BY id")) {
      while (rows.next()) {
        users.add(rows.getLong(1) + ":" + rows.getString(2) + ":" + rows.getString(3));
      }
    }
    return users;
  }

  private static List<Long> ids(int group, String select) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = cluster.direct(group);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(select)) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }
}
