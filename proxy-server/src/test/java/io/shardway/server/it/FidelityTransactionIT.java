package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transactions through the proxy: what commits stays, what rolls back is gone, savepoints undo only
 * their part, and the session's autocommit and transaction status read the same as directly, while
 * a second session sees only committed rows.
 */
class FidelityTransactionIT {
  private static final String TABLE = "fid_tx";

  @ParameterizedTest(name = "{0}")
  @EnumSource(Client.class)
  void commitRollbackAndSavepointsBehaveAsDirectly(Client client) throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (Connection c = endpoint.connect(client, "");
                  Connection other = endpoint.connect(client, "");
                  Statement s = c.createStatement();
                  Statement o = other.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + TABLE);
                s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY) ENGINE=InnoDB");
                status(t, "autocommit on", s);

                c.setAutoCommit(false);
                status(t, "autocommit off, nothing done", s);
                s.executeUpdate("INSERT INTO " + TABLE + " VALUES (1)");
                status(t, "after an insert", s);
                rows(t, "other session before commit", o);
                c.commit();
                status(t, "after commit", s);
                rows(t, "other session after commit", o);

                s.executeUpdate("INSERT INTO " + TABLE + " VALUES (2)");
                rows(t, "own session before rollback", s);
                c.rollback();
                rows(t, "after rollback", s);

                s.executeUpdate("INSERT INTO " + TABLE + " VALUES (3)");
                Savepoint first = c.setSavepoint("first");
                s.executeUpdate("INSERT INTO " + TABLE + " VALUES (4)");
                Savepoint second = c.setSavepoint("second");
                s.executeUpdate("INSERT INTO " + TABLE + " VALUES (5)");
                c.rollback(second);
                rows(t, "after rollback to second", s);
                c.rollback(first);
                rows(t, "after rollback to first", s);
                s.executeUpdate("INSERT INTO " + TABLE + " VALUES (6)");
                c.releaseSavepoint(first);
                t.attempt("rollback to a released savepoint", () -> c.rollback(first));
                c.commit();
                rows(t, "other session after the savepoints", o);

                s.executeUpdate("INSERT INTO " + TABLE + " VALUES (7)");
                c.setAutoCommit(true); // commits the open transaction
                status(t, "autocommit back on", s);
                rows(t, "other session after autocommit on", o);

                s.execute("START TRANSACTION READ ONLY");
                status(t, "read-only transaction", s);
                t.attempt(
                    "write in a read-only transaction",
                    () -> s.executeUpdate("INSERT INTO " + TABLE + " VALUES (8)"));
                s.execute("COMMIT");
                s.execute("BEGIN");
                s.executeUpdate("INSERT INTO " + TABLE + " VALUES (9)");
                status(t, "explicit BEGIN", s);
                s.execute("ROLLBACK");
                status(t, "explicit ROLLBACK", s);
                rows(t, "final", o);
              }
            });
    assertTrue(proxy.contains("final rows: 4"), proxy::toString);
    assertTrue(
        proxy.contains("after an insert row 0: Long 0 / \"0\" | BigInteger 1"), proxy::toString);
  }

  private static void status(Transcript t, String label, Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT @@autocommit, @@in_transaction")) {
      t.resultSet(label, rs);
    }
  }

  private static void rows(Transcript t, String label, Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT id FROM " + TABLE + " ORDER BY id")) {
      t.resultSet(label, rs);
    }
  }
}
