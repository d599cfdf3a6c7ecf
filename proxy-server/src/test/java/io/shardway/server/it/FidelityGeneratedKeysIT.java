package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generated keys come from the OK packet's last-insert-id, which must pass through unchanged;
 * {@code LAST_INSERT_ID()} is per connection, so through a pooling proxy it must follow the client
 * session from one backend connection to the next.
 */
class FidelityGeneratedKeysIT {
  private static final String TABLE = "fid_keys";

  /** One backend connection for every session: each statement finds another session's state. */
  @RegisterExtension static final SmallPoolProxy sharedBackend = new SmallPoolProxy(1);

  @ParameterizedTest(name = "{0}")
  @EnumSource(Client.class)
  void generatedKeysAndLastInsertIdAreTheServers(Client client) throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (Connection c = endpoint.connect(client, batchOptions(client));
                  Statement s = c.createStatement()) {
                recreateTable(s);
                t.add("single", s.executeUpdate(insert("('a')"), Statement.RETURN_GENERATED_KEYS));
                keys(t, "single", s);
                t.add(
                    "multi-row",
                    s.executeUpdate(
                        insert("('b'), ('c'), ('d')"), Statement.RETURN_GENERATED_KEYS));
                keys(t, "multi-row", s);
                lastInsertId(t, "after multi-row", s);
                try (PreparedStatement p =
                    client.prepare(
                        c,
                        "INSERT INTO " + TABLE + " (v) VALUES (?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                  p.setString(1, "e");
                  t.add("prepared", p.executeUpdate());
                  keys(t, "prepared", p);
                  for (int i = 0; i < 10; i++) {
                    p.setString(1, "batch" + i);
                    p.addBatch();
                  }
                  t.add("batch counts", Arrays.toString(p.executeBatch()));
                  keys(t, "batch", p);
                }
                lastInsertId(t, "after batch", s);
                // An explicit id is reported in the OK packet but does not change LAST_INSERT_ID().
                t.add("explicit", s.executeUpdate("INSERT INTO " + TABLE + " VALUES (5000, 'x')"));
                lastInsertId(t, "after explicit id", s);
                t.add(
                    "set by argument",
                    s.executeUpdate(
                        "UPDATE " + TABLE + " SET v = 'y' WHERE id = LAST_INSERT_ID(1002)"));
                lastInsertId(t, "after LAST_INSERT_ID(1002)", s);
              }
            });
    assertTrue(proxy.contains("single keys row 0: BigInteger 1000"), proxy::toString);
    assertTrue(
        proxy.contains("after LAST_INSERT_ID(1002) row 0: BigInteger 1002"), proxy::toString);
  }

  @Test
  void lastInsertIdFollowsEachSessionAcrossASharedBackendConnection() throws Exception {
    Transcript proxy =
        Transcript.compare(
            Endpoint.direct(),
            sharedBackend.endpoint(),
            (endpoint, t) -> {
              try (Connection a = endpoint.connect(Client.MYSQL_TEXT, "");
                  Connection b = endpoint.connect(Client.MYSQL_TEXT, "");
                  Statement sa = a.createStatement();
                  Statement sb = b.createStatement()) {
                // A one-connection pool must still learn the server's version at start.
                t.add("server version", a.getMetaData().getDatabaseProductVersion());
                recreateTable(sa);
                t.add("a inserts", sa.executeUpdate(insert("('a')")));
                t.add("b inserts", sb.executeUpdate(insert("('b'), ('c')")));
                lastInsertId(t, "a", sa);
                lastInsertId(t, "b", sb);
                t.add(
                    "a inserts an explicit id",
                    sa.executeUpdate("INSERT INTO " + TABLE + " VALUES (5000, 'x')"));
                t.add("b works", sb.executeUpdate("UPDATE " + TABLE + " SET v = 'z' WHERE id = 0"));
                lastInsertId(t, "a after its explicit id", sa);
                try (ResultSet rs = sb.executeQuery("SELECT LAST_INSERT_ID(777)")) {
                  t.resultSet("b sets 777", rs);
                }
                lastInsertId(t, "a after b set 777", sa);
                lastInsertId(t, "b after setting 777", sb);
                try (Connection fresh = endpoint.connect(Client.MYSQL_TEXT, "");
                    Statement sf = fresh.createStatement()) {
                  lastInsertId(t, "a fresh session", sf);
                }
              }
            });
    assertTrue(proxy.contains("a row 0: BigInteger 1000"), proxy::toString);
    assertTrue(proxy.contains("a after its explicit id row 0: BigInteger 1000"), proxy::toString);
    assertTrue(proxy.contains("a after b set 777 row 0: BigInteger 1000"), proxy::toString);
    assertTrue(proxy.contains("b after setting 777 row 0: BigInteger 777"), proxy::toString);
  }

  /** mysql-connector-j rewrites a batch into one multi-row INSERT when asked. */
  private static String batchOptions(Client client) {
    return client.driver() == Client.Driver.MYSQL ? "rewriteBatchedStatements=true" : "";
  }

  private static void recreateTable(Statement s) throws SQLException {
    s.execute("DROP TABLE IF EXISTS " + TABLE);
    s.execute(
        "CREATE TABLE "
            + TABLE
            + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(20)) AUTO_INCREMENT = 1000");
  }

  private static String insert(String values) {
    return "INSERT INTO " + TABLE + " (v) VALUES " + values;
  }

  private static void keys(Transcript t, String label, Statement s) throws SQLException {
    try (ResultSet rs = s.getGeneratedKeys()) {
      t.resultSet(label + " keys", rs);
    }
  }

  private static void lastInsertId(Transcript t, String label, Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT LAST_INSERT_ID(), @@identity, @@last_insert_id")) {
      t.resultSet(label, rs);
    }
  }
}
