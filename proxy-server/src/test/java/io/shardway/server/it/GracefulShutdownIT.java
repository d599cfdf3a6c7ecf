package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.server.ShardwayServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM's path ({@link ShardwayServer#shutDown}): the statement running when the shutdown begins
 * answers in full, then its session ends; idle sessions end at once, and no new client gets in.
 */
class GracefulShutdownIT {
  private static final String MARKER = "graceful_shutdown_probe";

  /**
   * @param inTransaction a statement inside a transaction runs on the worker path; a plain read may
   *     run on the event loop
   */
  @ParameterizedTest(name = "in a transaction: {0}")
  @ValueSource(booleans = {false, true})
  void theRunningStatementAnswersThenEverySessionEnds(boolean inTransaction) throws Exception {
    ShardwayServer proxy = TestCluster.get().startProxy(c -> c);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (Connection busy = Endpoint.proxy(proxy).connect(Client.MYSQL_TEXT, "");
        Connection idle = Endpoint.proxy(proxy).connect(Client.MYSQL_TEXT, "");
        Statement s = busy.createStatement()) {
      busy.setAutoCommit(!inTransaction);
      Future<String> slow =
          threads.submit(
              () -> {
                try (ResultSet rs = s.executeQuery("SELECT SLEEP(1), '" + MARKER + "' AS marker")) {
                  assertTrue(rs.next());
                  return rs.getString(2);
                }
              });
      awaitOnServer();
      Future<?> stopping = threads.submit(() -> proxy.shutDown(Duration.ofSeconds(30)));

      assertEquals(MARKER, slow.get(30, TimeUnit.SECONDS), "the running statement answered");
      stopping.get(30, TimeUnit.SECONDS);
      assertEquals(0, proxy.sessions().registry().size(), "every session ended");
      assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1").close());
      assertThrows(SQLException.class, () -> idle.createStatement().executeQuery("SELECT 1"));
      assertThrows(
          SQLException.class, () -> Endpoint.proxy(proxy).connect(Client.MYSQL_TEXT, "").close());
    } finally {
      threads.shutdownNow();
      proxy.close();
    }
  }

  /** Waits until MariaDB runs the slow statement, so the shutdown begins while it is in flight. */
  private static void awaitOnServer() throws Exception {
    try (Connection direct = Endpoint.direct().connect(Client.MYSQL_TEXT, "");
        Statement s = direct.createStatement()) {
      for (int i = 0; i < 500; i++) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP(1), ''"
                    + MARKER
                    + "%'")) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        TimeUnit.MILLISECONDS.sleep(10);
      }
      throw new AssertionError("the slow statement never reached MariaDB");
    }
  }
}
