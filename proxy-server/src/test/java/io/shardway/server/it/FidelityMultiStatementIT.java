package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several statements in one COM_QUERY (CLIENT_MULTI_STATEMENTS) and procedures that return several
 * results (CLIENT_PS_MULTI_RESULTS): every result set and update count arrives in order, as it does
 * directly; without the option, the statement fails as it fails directly.
 */
class FidelityMultiStatementIT {
  private static final String TABLE = "fid_multi";

  private static final String MIXED =
      "INSERT INTO "
          + TABLE
          + " VALUES (1, 'a'), (2, 'b'); SELECT * FROM "
          + TABLE
          + " ORDER BY id; UPDATE "
          + TABLE
          + " SET v = 'c' WHERE id = 2; SELECT COUNT(*) AS n, MAX(v) FROM "
          + TABLE
          + "; DELETE FROM "
          + TABLE
          + " WHERE id = 1; DO 1; SELECT 'done' AS s, NULL AS nothing";

  @ParameterizedTest(name = "{0}")
  @EnumSource(Client.class)
  void everyResultOfAMultiStatementArrivesInOrder(Client client) throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (Connection c = endpoint.connect(client, "allowMultiQueries=true");
                  Statement s = c.createStatement()) {
                recreateTable(s);
                t.results("mixed", s, s.execute(MIXED));
                // A failing statement in the middle: the results before it, then its error.
                t.attempt(
                    "failing",
                    () ->
                        t.results(
                            "failing",
                            s,
                            s.execute(
                                "SELECT 1 AS one; SELECT * FROM fid_no_such_table; SELECT 3")));
                t.results("after the failure", s, s.execute("SELECT v FROM " + TABLE));
              }
            });
    assertTrue(proxy.contains("mixed result 5 update count: 0"), proxy::toString);
    assertTrue(proxy.contains("mixed result 6 rows: 1"), proxy::toString);
    assertTrue(proxy.contains("error 1146"), proxy::toString);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Client.class)
  void withoutMultiStatementsTwoStatementsFailAsTheyDoDirectly(Client client) throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (Connection c = endpoint.connect(client, "allowMultiQueries=false");
                  Statement s = c.createStatement()) {
                t.attempt(
                    "two selects",
                    () -> t.results("two selects", s, s.execute("SELECT 1; SELECT 2")));
                t.results("then one", s, s.execute("SELECT 3"));
              }
            });
    assertTrue(proxy.contains("error 1064 [42000]"), proxy::toString);
  }

  @Test
  void aProcedureReturnsEveryResultSetThenItsStatus() throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (Connection c = endpoint.connect(Client.MYSQL_SERVER_PREPARED, "");
                  Statement s = c.createStatement()) {
                recreateTable(s);
                s.execute("DROP PROCEDURE IF EXISTS fid_two_results");
                s.execute(
                    "CREATE PROCEDURE fid_two_results(IN n INT) BEGIN"
                        + " SELECT n AS first; INSERT INTO "
                        + TABLE
                        + " VALUES (n, 'p'); SELECT id, v FROM "
                        + TABLE
                        + " ORDER BY id; END");
                t.results("text call", s, s.execute("CALL fid_two_results(7)"));
                try (CallableStatement call = c.prepareCall("{CALL fid_two_results(?)}")) {
                  call.setInt(1, 8);
                  t.results("prepared call", call, call.execute());
                }
                t.results("after", s, s.execute("SELECT COUNT(*) FROM " + TABLE));
              }
            });
    assertTrue(proxy.contains("prepared call result 1 rows: 2"), proxy::toString);
  }

  private static void recreateTable(Statement s) throws Exception {
    s.execute("DROP TABLE IF EXISTS " + TABLE);
    s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, v VARCHAR(10))");
  }
}
