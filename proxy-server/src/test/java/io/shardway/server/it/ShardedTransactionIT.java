package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transactions that write to both shard groups: each group joins the transaction on its writer when
 * a statement first needs it, COMMIT and ROLLBACK reach every group, and a COMMIT that fails on one
 * group after another committed says which groups are in which state. Users are sharded by {@code
 * id mod 2}: even ids live in s0, odd ids in s1.
 */
class ShardedTransactionIT extends ShardedClusterTest {

  @BeforeEach
  void noUsers() throws SQLException {
    emptyTables("users");
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void commitReachesEveryGroupTheTransactionWrote(Client client) throws SQLException {
    try (Connection proxy = connect(client)) {
      proxy.setAutoCommit(false);
      insertUsers(proxy, 1, 2, 3, 4);
      assertEquals(List.of(0, 0), usersPerGroup(), "nothing visible before COMMIT");
      try (Statement s = proxy.createStatement();
          ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM users")) {
        assertTrue(rows.next());
        assertEquals(4, rows.getInt(1), "the transaction reads its own writes in both groups");
      }
      try (Statement s = proxy.createStatement();
          ResultSet rows = s.executeQuery("SELECT id FROM users ORDER BY id DESC LIMIT 3")) {
        List<Integer> ids = new ArrayList<>();
        while (rows.next()) {
          ids.add(rows.getInt(1));
        }
        assertEquals(List.of(4, 3, 2), ids, "a merged SELECT reads them through the transaction");
      }
      proxy.commit();
    }
    assertEquals(List.of(2, 2), usersPerGroup());
  }

  @Test
  void aScatteredWriteWithAutocommitOffWaitsForCommit() throws SQLException {
    try (Connection proxy = cluster.connect("")) {
      insertUsers(proxy, 30, 31);
      proxy.setAutoCommit(false);
      try (Statement s = proxy.createStatement()) {
        assertEquals(2, s.executeUpdate("UPDATE users SET name = 'changed'"));
      }
      assertEquals(List.of(0, 0), changedPerGroup(), "nothing visible before COMMIT");
      proxy.commit();
    }
    assertEquals(List.of(1, 1), changedPerGroup());
  }

  @Test
  void rollbackReachesEveryGroup() throws SQLException {
    try (Connection proxy = cluster.connect("");
        Statement s = proxy.createStatement()) {
      s.execute("START TRANSACTION");
      insertUsers(proxy, 5, 6, 7);
      s.execute("ROLLBACK");
      insertUsers(proxy, 8);
    }
    assertEquals(List.of(1, 0), usersPerGroup(), "only the write after ROLLBACK stays");
  }

  @Test
  void statementsThatWouldEndTheTransactionOnOneGroupAreRefused() throws SQLException {
    try (Connection proxy = cluster.connect("");
        Statement s = proxy.createStatement()) {
      s.execute("BEGIN");
      insertUsers(proxy, 10, 11);
      SQLException refused =
          assertThrows(SQLException.class, () -> s.execute("CREATE TABLE t_x (id INT)"));
      assertEquals(1235, refused.getErrorCode(), refused.getMessage());
      s.execute("COMMIT");
    }
    assertEquals(List.of(1, 1), usersPerGroup(), "the transaction went on after the refusal");
  }

  @Test
  void aCommitThatFailsOnOneGroupNamesTheGroupsInEachState() throws SQLException {
    try (Connection proxy = cluster.connect("");
        Statement s = proxy.createStatement()) {
      s.execute("BEGIN");
      insertUsers(proxy, 20, 21);
      killTransactionsOf(1);
      SQLException failed = assertThrows(SQLException.class, () -> s.execute("COMMIT"));
      assertTrue(
          failed.getMessage().contains("COMMIT failed on shard group 's1'")
              && failed.getMessage().contains("committed on 's0'"),
          failed.getMessage());
    }
    assertEquals(List.of(1, 0), usersPerGroup(), "s0 committed, s1 lost its transaction");
  }

  private static Connection connect(Client client) throws SQLException {
    return java.sql.DriverManager.getConnection(
        client.url(cluster.proxy().port(), ShardedCluster.SCHEMA, ""),
        TestCluster.APP_USER,
        TestCluster.APP_PASSWORD);
  }

  private static void insertUsers(Connection proxy, int... ids) throws SQLException {
    try (Statement s = proxy.createStatement()) {
      for (int id : ids) {
        s.executeUpdate("INSERT INTO users (id, name) VALUES (" + id + ", 'user" + id + "')");
      }
    }
  }

  /** The users named 'changed' in each group, read straight from its server. */
  private static List<Integer> changedPerGroup() throws SQLException {
    return countPerGroup("SELECT COUNT(*) FROM users WHERE name = 'changed'");
  }

  /** The users each group holds, read straight from its server. */
  private static List<Integer> usersPerGroup() throws SQLException {
    return countPerGroup("SELECT COUNT(*) FROM users");
  }

  private static List<Integer> countPerGroup(String count) throws SQLException {
    List<Integer> counts = new ArrayList<>();
    for (int group = 0; group < 2; group++) {
      try (Connection c = cluster.direct(group);
          Statement s = c.createStatement();
          ResultSet rows = s.executeQuery(count)) {
        rows.next();
        counts.add(rows.getInt(1));
      }
    }
    return counts;
  }

  /** Kills the backend connections of shard group s{@code group} that hold an open transaction. */
  private static void killTransactionsOf(int group) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = cluster.direct(group);
        Statement s = c.createStatement()) {
      try (ResultSet rows =
          s.executeQuery("SELECT trx_mysql_thread_id FROM information_schema.INNODB_TRX")) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      assertEquals(1, ids.size(), "one open transaction in s" + group);
      s.execute("KILL " + ids.get(0));
    }
  }
}
