package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Errors keep MariaDB's code, SQLSTATE and message, whether they come from COM_QUERY, from
 * COM_STMT_PREPARE or from COM_STMT_EXECUTE; warnings reach getWarnings() and SHOW WARNINGS as they
 * do directly, even when other sessions use the same backend connection in between.
 */
class FidelityErrorsIT {
  private static final String TABLE = "fid_errors";

  private static final String[] FAILING =
      new String[] {
        "SELEC 1",
        "INSERT INTO " + TABLE + " VALUES (1, 'dup')",
        "SELECT * FROM fid_no_such_table",
        "SELECT no_such_column FROM " + TABLE,
        "INSERT INTO " + TABLE + " VALUES (NULL, 'x')",
        "SELECT 1 FROM " + TABLE + " WHERE id = (SELECT id FROM " + TABLE + ")",
        "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custom 😀', MYSQL_ERRNO = 1644"
      };

  /** One backend connection for every session: each statement finds another session's state. */
  @RegisterExtension static final SmallPoolProxy sharedBackend = new SmallPoolProxy(1);

  @ParameterizedTest(name = "{0}")
  @EnumSource(Client.class)
  void errorsKeepCodeStateAndMessage(Client client) throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (Connection c = endpoint.connect(client, "");
                  Statement s = c.createStatement()) {
                recreateTable(s);
                for (String sql : FAILING) {
                  t.attempt("statement " + sql, () -> s.execute(sql));
                  t.attempt(
                      "prepared " + sql,
                      () -> {
                        try (PreparedStatement p = c.prepareStatement(sql)) {
                          p.execute();
                        }
                      });
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
                  t.resultSet("still usable", rs);
                }
              }
            });
    assertTrue(proxy.contains("statement SELEC 1: error 1064 [42000]"), proxy::toString);
    assertTrue(
        proxy.contains("error 1062 [23000] Duplicate entry '1' for key 'PRIMARY'"),
        proxy::toString);
    assertTrue(
        proxy.contains("error 1146 [42S02] Table 'appdb.fid_no_such_table'"), proxy::toString);
    assertTrue(
        proxy.contains("error 1054 [42S22] Unknown column 'no_such_column'"), proxy::toString);
    assertTrue(proxy.contains("error 1644 [45000] custom"), proxy::toString);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Client.class)
  void warningsReadTheSame(Client client) throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (Connection c = endpoint.connect(client, "");
                  Statement s = c.createStatement()) {
                recreateTable(s);
                t.add(
                    "insert ignore",
                    s.executeUpdate(
                        "INSERT IGNORE INTO " + TABLE + " VALUES (1, 'dup'), (2, 'new')"));
                t.warnings("insert ignore warnings", s.getWarnings());
                showWarnings(t, "after insert ignore", s);
                s.clearWarnings();
                try (ResultSet rs = s.executeQuery("SELECT CAST('12abc' AS SIGNED), 1 / 0")) {
                  t.resultSet("cast", rs);
                }
                t.warnings("cast statement warnings", s.getWarnings());
                showWarnings(t, "after cast", s);
                try (PreparedStatement p = c.prepareStatement("SELECT CAST(? AS SIGNED)")) {
                  p.setString(1, "7 apples");
                  try (ResultSet rs = p.executeQuery()) {
                    t.resultSet("prepared cast", rs);
                  }
                  t.warnings("prepared cast warnings", p.getWarnings());
                }
                showWarnings(t, "after prepared cast", s);
                try (ResultSet rs = s.executeQuery("SELECT 1")) {
                  t.resultSet("clean", rs);
                }
                showWarnings(t, "after a clean statement", s);
              }
            });
    assertTrue(proxy.contains("Duplicate entry '1' for key 'PRIMARY'"), proxy::toString);
    assertTrue(proxy.contains("Truncated incorrect INTEGER value: '12abc'"), proxy::toString);
  }

  /**
   * Warnings keep the session on its backend connection while the server keeps them, so another
   * session's statement cannot clear them first. (An error does not: SHOW WARNINGS after an error
   * can come back empty through the proxy when another session used the connection in between.)
   */
  @Test
  void warningsSurviveAnotherSessionOnTheSameBackendConnection() throws Exception {
    ExecutorService otherThread = Executors.newSingleThreadExecutor();
    try {
      Transcript proxy =
          Transcript.compare(
              Endpoint.direct(),
              sharedBackend.endpoint(),
              (endpoint, t) -> {
                // A closes first, so B's waiting statements get the connection and end.
                try (Connection b = endpoint.connect(Client.MYSQL_TEXT, "");
                    Statement sb = b.createStatement();
                    Connection a = endpoint.connect(Client.MYSQL_TEXT, "");
                    Statement sa = a.createStatement()) {
                  recreateTable(sa);
                  sa.executeUpdate("INSERT IGNORE INTO " + TABLE + " VALUES (1, 'dup')");
                  otherSessionMeanwhile(otherThread, sb);
                  showWarningsOnce(t, "a after its warning", sa);
                  try (ResultSet rs = sa.executeQuery("SELECT CAST('x' AS DOUBLE)")) {
                    t.resultSet("a casts", rs);
                  }
                  otherSessionMeanwhile(otherThread, sb);
                  showWarningsOnce(t, "a after its cast", sa);
                }
              });
      assertTrue(proxy.contains("a after its warning row 0: String Warning"), proxy::toString);
      assertTrue(proxy.contains("a after its cast row 0: String Warning"), proxy::toString);
    } finally {
      otherThread.shutdownNow();
      assertTrue(otherThread.awaitTermination(30, TimeUnit.SECONDS));
    }
  }

  /**
   * Runs a statement that uses a table (which clears the diagnostics area) in session B. Through a
   * proxy whose only backend connection session A holds for its diagnostics, B waits until A's next
   * statement is done; so wait for B a short, bounded while, then let A go on either way.
   */
  private static void otherSessionMeanwhile(ExecutorService thread, Statement sb) throws Exception {
    Future<Boolean> b = thread.submit(() -> sb.execute("SELECT COUNT(*) FROM " + TABLE));
    try {
      b.get(2, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // Waiting for A's backend connection: it runs after A's next statement.
    }
  }

  /**
   * SHOW WARNINGS alone: after an error Shardway keeps no backend connection, so only the statement
   * right after is sure to see it when sessions share the connection.
   */
  private static void showWarningsOnce(Transcript t, String label, Statement s)
      throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW WARNINGS")) {
      t.resultSet(label, rs);
    }
  }

  private static void recreateTable(Statement s) throws SQLException {
    s.execute("DROP TABLE IF EXISTS " + TABLE);
    s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, v VARCHAR(10) NOT NULL)");
    s.execute("INSERT INTO " + TABLE + " VALUES (1, 'one'), (3, 'three')");
  }

  private static void showWarnings(Transcript t, String label, Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW WARNINGS")) {
      t.resultSet(label, rs);
    }
    try (ResultSet rs = s.executeQuery("SELECT @@warning_count, @@error_count")) {
      t.resultSet(label + " counts", rs);
    }
  }
}
