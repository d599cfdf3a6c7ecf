package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Results read as they stream: mysql-connector-j's row-by-row streaming (fetch size
 * Integer.MIN_VALUE), cursor fetches of 100 rows (COM_STMT_FETCH), and MariaDB Connector/J's fetch
 * size. Every row arrives, in order, and the connection is in step afterwards, also when the client
 * stops reading early.
 */
class FidelityStreamingIT {
  private static final int ROWS = 200_000;
  private static final String QUERY =
      "SELECT seq, CONCAT('row-', seq) AS label, IF(seq % 1000 = 0, NULL, seq * 1.5) AS maybe"
          + " FROM seq_1_to_"
          + ROWS;

  @Test
  void rowByRowStreamingGivesEveryRowInOrder() throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (Connection c = endpoint.connect(Client.MYSQL_TEXT, "")) {
                try (Statement s =
                    c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                  s.setFetchSize(Integer.MIN_VALUE);
                  try (ResultSet rs = s.executeQuery(QUERY)) {
                    t.add("streamed", readAll(rs));
                  }
                }
                stopEarlyThenContinue(t, c);
              }
            });
    assertTrue(proxy.contains("streamed: " + ROWS + " rows"), proxy::toString);
  }

  @Test
  void cursorFetchGivesEveryRowInOrder() throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (Connection c =
                  endpoint.connect(Client.MYSQL_SERVER_PREPARED, "useCursorFetch=true")) {
                try (PreparedStatement p =
                    Client.MYSQL_SERVER_PREPARED.prepare(c, QUERY + " WHERE seq > ?")) {
                  p.setFetchSize(100);
                  p.setInt(1, 0);
                  // Read on the backend connection that holds the statement, through the proxy too.
                  long fetchesBefore = fetches(c);
                  try (ResultSet rs = p.executeQuery()) {
                    t.metadata("cursor", rs.getMetaData());
                    t.add("cursor", readAll(rs));
                  }
                  t.add("COM_STMT_FETCH commands", fetches(c) - fetchesBefore);
                  // The same statement again, closed after 250 rows with the cursor still open.
                  p.setInt(1, 1000);
                  try (ResultSet rs = p.executeQuery()) {
                    t.add("cursor closed early", readSome(rs, 250));
                  }
                }
                try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 'in step'")) {
                  t.resultSet("after cursors", rs);
                }
              }
            });
    assertTrue(proxy.contains("cursor: " + ROWS + " rows"), proxy::toString);
    assertTrue(proxy.contains("COM_STMT_FETCH commands: " + (ROWS / 100 + 1)), proxy::toString);
  }

  @Test
  void mariadbFetchSizeGivesEveryRowInOrder() throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              for (Client client :
                  new Client[] {Client.MARIADB_TEXT, Client.MARIADB_SERVER_PREPARED}) {
                try (Connection c = endpoint.connect(client, "");
                    PreparedStatement p = client.prepare(c, QUERY + " WHERE seq > ?")) {
                  p.setFetchSize(100);
                  p.setInt(1, 0);
                  try (ResultSet rs = p.executeQuery()) {
                    t.add(client + " fetched", readAll(rs));
                  }
                  p.setInt(1, 10);
                  try (ResultSet rs = p.executeQuery()) {
                    t.add(client + " closed early", readSome(rs, 100));
                  }
                  p.setInt(1, ROWS - 1);
                  try (ResultSet rs = p.executeQuery()) {
                    t.resultSet(client + " after", rs);
                  }
                }
              }
            });
    assertTrue(
        proxy.contains("MARIADB_SERVER_PREPARED fetched: " + ROWS + " rows"), proxy::toString);
  }

  private static long fetches(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Com_stmt_fetch'")) {
      assertTrue(rs.next());
      return rs.getLong(2);
    }
  }

  /** A streaming result closed after 1000 rows: the driver drains the rest, then goes on. */
  private static void stopEarlyThenContinue(Transcript t, Connection c) throws Exception {
    try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      s.setFetchSize(Integer.MIN_VALUE);
      try (ResultSet rs = s.executeQuery(QUERY)) {
        t.add("streamed and closed early", readSome(rs, 1000));
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM seq_1_to_" + ROWS)) {
        t.resultSet("after closing early", rs);
      }
    }
  }

  /** Checks every row is the next in order; returns the count and a digest of all values. */
  private static String readAll(ResultSet rs) throws Exception {
    String summary = readSome(rs, Integer.MAX_VALUE);
    assertTrue(summary.startsWith(ROWS + " rows"), summary);
    return summary;
  }

  private static String readSome(ResultSet rs, int limit) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    long first = -1;
    long expected = -1;
    int count = 0;
    while (count < limit && rs.next()) {
      long seq = rs.getLong(1);
      if (first < 0) {
        first = seq;
        expected = seq;
      }
      assertEquals(expected, seq, "row " + count);
      assertEquals("row-" + seq, rs.getString(2));
      String maybe = rs.getString(3);
      assertEquals(seq % 1000 == 0, maybe == null, "row " + count);
      digest.update(
          (seq + "|" + rs.getString(2) + "|" + maybe + "\n").getBytes(StandardCharsets.UTF_8));
      expected++;
      count++;
    }
    return count + " rows from " + first + ", sha256:" + HexFormat.of().formatHex(digest.digest());
  }
}
