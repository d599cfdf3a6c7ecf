package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.JdbcConnection;
import io.shardway.server.ShardwayServer;
import io.shardway.server.session.ClientSession;
import io.shardway.server.session.PinReason;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A backend connection that dies under a session (KILLed on the server): the session gets MySQL's
 * "lost connection" error once, saying whether its transaction was rolled back, and carries on with
 * a fresh backend connection.
 */
class BackendLossIT {
  private static final String TABLE = TestCluster.OTHER_SCHEMA + ".backend_loss";

  private static TestCluster cluster;
  private static ShardwayServer proxy;

  /** One backend connection, so an unpinned session's next statement gets the killed one. */
  private static ShardwayServer singleConnectionProxy;

  private static long singleConnectionStartMillis;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.get();
    cluster
        .mariadb()
        .execute(
            "DROP TABLE IF EXISTS " + TABLE,
            "CREATE TABLE " + TABLE + " (id INT PRIMARY KEY) ENGINE=InnoDB");
    proxy = cluster.startProxy(c -> TestCluster.withPool(c, TestCluster.pool(4)));
    long start = System.nanoTime();
    singleConnectionProxy = cluster.startProxy(c -> TestCluster.withPool(c, TestCluster.pool(1)));
    singleConnectionStartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (singleConnectionProxy != null) {
      singleConnectionProxy.close();
    }
    cluster.mariadb().execute("DROP TABLE IF EXISTS " + TABLE);
  }

  @Test
  void killedInsideATransactionSaysItWasRolledBack() throws Exception {
    try (Connection c = connect(proxy);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO " + TABLE + " VALUES (1)");
      long killed = backendId(s);
      assertTrue(session(proxy, c).pinReasons().contains(PinReason.TRANSACTION));

      kill(killed);

      SQLException lost =
          assertThrows(SQLException.class, () -> s.executeQuery("SELECT COUNT(*) FROM " + TABLE));
      assertEquals(2013, lost.getErrorCode(), lost::getMessage);
      assertEquals("HY000", lost.getSQLState(), lost::getMessage);
      assertTrue(lost.getMessage().contains("the transaction was rolled back"), lost::getMessage);
      assertFalse(session(proxy, c).pinReasons().contains(PinReason.TRANSACTION));

      // The session goes on, on another backend connection, without the lost insert.
      assertEquals(0, count(s));
      assertNotEquals(killed, backendId(s));
      s.executeUpdate("INSERT INTO " + TABLE + " VALUES (2)");
      c.commit();
      assertEquals(1, count(s));
    } finally {
      cluster.mariadb().execute("DELETE FROM " + TABLE);
    }
    awaitNoPins(proxy);
  }

  @Test
  void killedWhilePinnedOutsideATransaction() throws Exception {
    try (Connection c = connect(proxy);
        Statement s = c.createStatement()) {
      s.execute("SET @kept = 5");
      long killed = backendId(s);
      assertTrue(session(proxy, c).pinReasons().contains(PinReason.USER_VARIABLE));

      kill(killed);

      SQLException lost = assertThrows(SQLException.class, () -> s.executeQuery("SELECT @kept"));
      assertEquals(2013, lost.getErrorCode(), lost::getMessage);
      assertFalse(lost.getMessage().contains("rolled back"), lost::getMessage);

      // The variable lived on the lost connection; the session continues without it.
      try (ResultSet rs = s.executeQuery("SELECT @kept, CONNECTION_ID()")) {
        assertTrue(rs.next());
        assertNull(rs.getString(1));
        assertNotEquals(killed, rs.getLong(2));
      }
      assertEquals(0, count(s));
    }
    awaitNoPins(proxy);
  }

  @Test
  void killedWhileIdleInThePool() throws Exception {
    try (Connection c = connect(singleConnectionProxy);
        Statement s = c.createStatement()) {
      long killed = backendId(s);
      assertTrue(session(singleConnectionProxy, c).pinReasons().isEmpty());

      kill(killed);

      // The pool may notice the dead connection before lending it (HikariCP tests connections
      // idle for over 500 ms); if not, the statement fails once with "lost connection", and never
      // with a transaction the session did not have.
      try {
        assertEquals(0, count(s));
      } catch (SQLException lost) {
        assertEquals(2013, lost.getErrorCode(), lost::getMessage);
        assertFalse(lost.getMessage().contains("rolled back"), lost::getMessage);
      }
      assertEquals(0, count(s));
      assertNotEquals(killed, backendId(s));
    }
  }

  @Test
  void aOneConnectionPoolStartsPromptlyWithTheBackendsIdentity() throws Exception {
    // The start-up probe must not wait for a second connection that a pool of one cannot lend.
    assertTrue(singleConnectionStartMillis < 10_000, singleConnectionStartMillis + " ms");
    try (RawMysqlClient client =
        RawMysqlClient.connect(singleConnectionProxy.port(), java.time.Duration.ofSeconds(5))) {
      String version = client.readHandshake().serverVersion();
      assertTrue(version.contains("MariaDB"), version);
    }
  }

  private static Connection connect(ShardwayServer server) throws SQLException {
    return DriverManager.getConnection(
        TestCluster.url(
            server.port(), TestCluster.OTHER_SCHEMA, "connectTimeout=5000&socketTimeout=20000"),
        TestCluster.APP_USER,
        TestCluster.APP_PASSWORD);
  }

  /** The backend connection's thread id: CONNECTION_ID() runs on the backend. */
  private static long backendId(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  private static int count(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
      assertTrue(rs.next());
      return rs.getInt(1);
    }
  }

  /** KILLs the backend thread from a root connection and waits until the server let it go. */
  private static void kill(long threadId) throws Exception {
    cluster.mariadb().execute("KILL " + threadId);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection root = cluster.mariadb().connectAsRoot(null);
        Statement s = root.createStatement()) {
      while (true) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + threadId)) {
          rs.next();
          if (rs.getInt(1) == 0) {
            return;
          }
        }
        assertTrue(System.nanoTime() < deadline, "thread " + threadId + " still there");
        Thread.sleep(10);
      }
    }
  }

  private static ClientSession session(ShardwayServer server, Connection c) throws SQLException {
    long id = c.unwrap(JdbcConnection.class).getId();
    return server.sessions().registry().sessions().stream()
        .filter(s -> s.connectionId() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no proxy session " + id));
  }

  private static void awaitNoPins(ShardwayServer server) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (PinReason reason : PinReason.values()) {
      while (server.sessions().pins().current(reason) != 0) {
        assertTrue(System.nanoTime() < deadline, reason + " still counted");
        Thread.sleep(10);
      }
    }
  }
}
