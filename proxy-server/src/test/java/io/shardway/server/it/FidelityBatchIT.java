package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Batches, rewritten by the driver into multi-row INSERTs or multi-statements, and the row counts
 * they and UPDATEs report: found rows (CLIENT_FOUND_ROWS) or changed rows, as the client asked.
 */
class FidelityBatchIT {
  private static final String TABLE = "fid_batch";
  private static final int ROWS = 1000;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Client.class)
  void aRewrittenBatchOf1000RowsReportsWhatItReportsDirectly(Client client) throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (Connection c = endpoint.connect(client, batchOptions(client));
                  Statement s = c.createStatement()) {
                recreateTable(s);
                try (PreparedStatement p =
                    client.prepare(c, "INSERT INTO " + TABLE + " (id, v, note) VALUES (?, ?, ?)")) {
                  for (int i = 1; i <= ROWS; i++) {
                    p.setInt(1, i);
                    p.setInt(2, i % 7);
                    p.setString(3, i % 10 == 0 ? null : "note " + i + " 😀");
                    p.addBatch();
                  }
                  t.add("prepared batch", Arrays.toString(p.executeBatch()));
                }
                // A Statement batch: rewritten into one multi-statement COM_QUERY.
                for (int i = 0; i < 10; i++) {
                  s.addBatch("UPDATE " + TABLE + " SET v = v + 1 WHERE id <= " + (i * 10));
                }
                s.addBatch("DELETE FROM " + TABLE + " WHERE id > " + (ROWS - 5));
                t.add("statement batch", Arrays.toString(s.executeBatch()));
                try (ResultSet rs =
                    s.executeQuery("SELECT COUNT(*), SUM(v), COUNT(note), MAX(id) FROM " + TABLE)) {
                  t.resultSet("after the batches", rs);
                }
              }
            });
    assertTrue(proxy.contains("after the batches row 0: Long " + (ROWS - 5)), proxy::toString);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Client.class)
  void updateCountsAreFoundOrChangedRowsAsTheClientAsked(Client client) throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              for (boolean affected : new boolean[] {false, true}) {
                String label = "useAffectedRows=" + affected;
                try (Connection c = endpoint.connect(client, label);
                    Statement s = c.createStatement()) {
                  recreateTable(s);
                  s.executeUpdate(
                      "INSERT INTO " + TABLE + " (id, v) SELECT seq, seq % 2 FROM seq_1_to_20");
                  t.add(
                      label + " unchanged",
                      s.executeUpdate("UPDATE " + TABLE + " SET v = v WHERE id <= 10"));
                  t.add(
                      label + " partly changed",
                      s.executeUpdate("UPDATE " + TABLE + " SET v = 1 WHERE id <= 10"));
                  try (PreparedStatement p =
                      client.prepare(c, "UPDATE " + TABLE + " SET v = ? WHERE id <= ?")) {
                    p.setInt(1, 1);
                    p.setInt(2, 10);
                    t.add(label + " prepared unchanged", p.executeUpdate());
                  }
                  t.add(
                      label + " upsert",
                      s.executeUpdate(
                          "INSERT INTO "
                              + TABLE
                              + " (id, v) VALUES (1, 1), (2, 5), (100, 0)"
                              + " ON DUPLICATE KEY UPDATE v = VALUES(v)"));
                  try (ResultSet rs = s.executeQuery("SELECT ROW_COUNT()")) {
                    t.resultSet(label + " ROW_COUNT()", rs);
                  }
                }
              }
            });
    assertTrue(proxy.contains("useAffectedRows=false unchanged: 10"), proxy::toString);
    assertTrue(proxy.contains("useAffectedRows=true unchanged: 0"), proxy::toString);
  }

  /**
   * mysql-connector-j rewrites batches when asked; MariaDB Connector/J has no such option (it would
   * use COM_STMT_BULK_EXECUTE, which needs MariaDB's extended capabilities, so it pipelines).
   */
  private static String batchOptions(Client client) {
    return client.driver() == Client.Driver.MYSQL ? "rewriteBatchedStatements=true" : "";
  }

  private static void recreateTable(Statement s) throws SQLException {
    s.execute("DROP TABLE IF EXISTS " + TABLE);
    s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(40))");
  }
}
