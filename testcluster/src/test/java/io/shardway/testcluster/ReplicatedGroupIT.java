package io.shardway.testcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One group with two replicas for all tests but the promotion, which gets a group of its own. Each
 * test writes its own row and leaves the group replicating.
 */
class ReplicatedGroupIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private static ReplicatedGroup group;

  @BeforeAll
  static void startGroup() {
    group = ReplicatedGroup.start(2);
    group
        .primary()
        .execute(
            "CREATE DATABASE rt",
            "CREATE TABLE rt.t (id INT PRIMARY KEY, body VARCHAR(50) NOT NULL)");
  }

  @AfterAll
  static void closeGroup() {
    if (group != null) {
      group.close();
    }
  }

  @Test
  void rowOnThePrimaryReachesEveryReplica() {
    group.primary().execute("INSERT INTO rt.t VALUES (1, 'everywhere')");
    group.awaitReplicated(TIMEOUT);

    assertEquals(2, group.replicas().size());
    for (MariaDbServer replica : group.replicas()) {
      assertEquals("everywhere", body(replica, 1), replica.toString());
    }
  }

  @Test
  void eachServerHasItsOwnIdAndOnlyThePrimaryIsWritable() {
    assertEquals(
        Map.of("id", "1", "ro", "0", "bin", "1"),
        group.primary().queryRow("SELECT @@server_id AS id, @@read_only AS ro, @@log_bin AS bin"));
    for (int i = 0; i < 2; i++) {
      MariaDbServer replica = group.replica(i);
      assertEquals(
          Map.of("id", String.valueOf(i + 2), "ro", "1", "updates", "1"),
          replica.queryRow(
              "SELECT @@server_id AS id, @@read_only AS ro, @@log_slave_updates AS updates"));
      Map<String, String> status = replica.queryRow("SHOW SLAVE STATUS");
      assertEquals(String.valueOf(group.primary().port()), status.get("Master_Port"));
      assertEquals("Slave_Pos", status.get("Using_Gtid"));
    }
  }

  @Test
  void userCreatedOnThePrimaryLogsInOnEveryReplica() throws SQLException {
    group.primary().createUser("app", "app-pw");
    group.awaitReplicated(TIMEOUT);

    for (MariaDbServer replica : group.replicas()) {
      try (Connection connection =
              DriverManager.getConnection(replica.jdbcUrl(""), "app", "app-pw");
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT CURRENT_USER()")) {
        assertTrue(rows.next());
        assertEquals("app@127.0.0.1", rows.getString(1));
      }
    }
  }

  @Test
  void delayedReplicaLagsWhileTheOtherHasTheRow() {
    group.delayReplica(1, 5);
    try {
      assertEquals("5", group.replica(1).queryRow("SHOW SLAVE STATUS").get("SQL_Delay"));
      group.primary().execute("INSERT INTO rt.t VALUES (2, 'fresh')");

      // Replica 0 is waited for first, so this also gives the delayed one 300 ms.
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> group.awaitReplicated(Duration.ofMillis(300)));
      String written = group.primary().queryRow("SELECT @@gtid_binlog_pos AS pos").get("pos");
      assertTrue(e.getMessage().startsWith("replica 1 has applied "), e.getMessage());
      assertTrue(
          e.getMessage().contains(" but the primary has written " + written), e.getMessage());
      assertEquals("fresh", body(group.replica(0), 2));
      assertNull(body(group.replica(1), 2));
    } finally {
      group.delayReplica(1, 0);
    }
    group.awaitReplicated(TIMEOUT);
    assertEquals("fresh", body(group.replica(1), 2));
  }

  @Test
  void stoppedReplicationCatchesUpOnceStarted() {
    group.stopReplication(0);
    try {
      assertEquals("No", group.replica(0).queryRow("SHOW SLAVE STATUS").get("Slave_SQL_Running"));
      group.primary().execute("INSERT INTO rt.t VALUES (3, 'later')");
      // Waits for replica 1 only.
      group.awaitReplicated(TIMEOUT);
      assertEquals("later", body(group.replica(1), 3));
      assertNull(body(group.replica(0), 3));

      // Stopped replication stays stopped across a restart of the server.
      group.stopServer(0);
      group.startServer(0);
      assertEquals("No", group.replica(0).queryRow("SHOW SLAVE STATUS").get("Slave_SQL_Running"));
      assertNull(body(group.replica(0), 3));
    } finally {
      group.startReplication(0);
    }
    group.awaitReplicated(TIMEOUT);
    assertEquals("later", body(group.replica(0), 3));
  }

  @Test
  void stoppedReplicaRestartsOnItsPortAndCatchesUp() {
    MariaDbServer replica = group.replica(1);
    int port = replica.port();
    group.stopServer(1);
    try {
      assertFalse(replica.isRunning());
      group.primary().execute("INSERT INTO rt.t VALUES (4, 'while down')");
      group.awaitReplicated(TIMEOUT);
      assertEquals("while down", body(group.replica(0), 4));
    } finally {
      group.startServer(1);
    }
    assertTrue(replica.isRunning());
    assertEquals(port, replica.port());
    group.awaitReplicated(TIMEOUT);
    assertEquals("while down", body(replica, 4));
    assertEquals("1", replica.queryRow("SELECT @@read_only AS ro").get("ro"));
  }

  @Test
  void promotedReplicaTakesWritesAndTheOldPrimaryRefusesThem() throws SQLException {
    try (ReplicatedGroup failover = ReplicatedGroup.start(1)) {
      MariaDbServer primary = failover.primary();
      MariaDbServer replica = failover.replica(0);
      // Not an admin: read_only does not stop users with READ_ONLY ADMIN, such as root.
      primary.execute(
          "CREATE DATABASE pt",
          "CREATE TABLE pt.t (id INT PRIMARY KEY)",
          "INSERT INTO pt.t VALUES (1)",
          "CREATE USER 'writer'@'127.0.0.1' IDENTIFIED BY 'w'",
          "GRANT SELECT, INSERT ON pt.* TO 'writer'@'127.0.0.1'");
      failover.awaitReplicated(TIMEOUT);
      assertEquals(1290, insertAsWriter(replica, 2)); // ER_OPTION_PREVENTS_STATEMENT

      failover.promote(0);

      assertEquals(0, insertAsWriter(replica, 2));
      assertEquals(1290, insertAsWriter(primary, 3));
      // read_only does not stop root, which has READ_ONLY ADMIN.
      primary.execute("INSERT INTO pt.t VALUES (4)");
      assertEquals(Map.of(), replica.queryRow("SHOW SLAVE STATUS"));
      assertEquals(List.of("0", "1"), List.of(readOnly(replica), readOnly(primary)));
      assertEquals("1", replica.queryRow("SELECT COUNT(*) AS n FROM pt.t WHERE id = 1").get("n"));
    }
  }

  private static String body(MariaDbServer server, int id) {
    return server.queryRow("SELECT body FROM rt.t WHERE id = " + id).get("body");
  }

  private static String readOnly(MariaDbServer server) {
    return server.queryRow("SELECT @@read_only AS ro").get("ro");
  }

  /** The error code of the INSERT as the unprivileged user, 0 if it succeeded. */
  private static int insertAsWriter(MariaDbServer server, int id) throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("pt"), "writer", "w");
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO t VALUES (" + id + ")");
      return 0;
    } catch (SQLException e) {
      if (e.getErrorCode() == 0) {
        throw e;
      }
      return e.getErrorCode();
    }
  }
}
