package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.config.Auth;
import io.shardway.server.ShardwayServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The current schema through USE and COM_INIT_DB (Connection.setCatalog): DATABASE() and the
 * unqualified tables a statement sees follow every switch, on whichever backend connection the
 * statement lands; unknown and forbidden schemas fail with MariaDB's 1049 and 1044.
 */
class FidelitySchemaIT {
  /** One backend connection for every session: each statement finds another session's schema. */
  private static ShardwayServer sharedBackend;

  @BeforeAll
  static void setUp() throws InterruptedException {
    TestCluster cluster = TestCluster.get();
    // The proxy's user "limited" may use otherdb only; the same account on MariaDB, to compare.
    for (String host : new String[] {"127.0.0.1", "localhost"}) {
      String account = "'" + TestCluster.LIMITED_USER + "'@'" + host + "'";
      cluster
          .mariadb()
          .execute(
              "CREATE USER IF NOT EXISTS "
                  + account
                  + " IDENTIFIED BY '"
                  + TestCluster.LIMITED_PASSWORD
                  + "'",
              "GRANT ALL PRIVILEGES ON " + TestCluster.OTHER_SCHEMA + ".* TO " + account);
    }
    sharedBackend = cluster.startProxy(Auth.DEFAULTS, TestCluster.pool(1));
  }

  @AfterAll
  static void stopProxy() {
    sharedBackend.close();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Client.class)
  void useAndInitDbSwitchTheSchema(Client client) throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (Connection c = endpoint.connect(client, "");
                  Statement s = c.createStatement()) {
                where(t, "at start", c, s);
                s.execute("USE " + TestCluster.OTHER_SCHEMA);
                where(t, "after USE otherdb", c, s);
                count(t, "otherdb's t", s, "t");
                c.setCatalog("appdb");
                where(t, "after setCatalog(appdb)", c, s);
                count(t, "appdb's users", s, "users");
                t.attempt("USE an unknown schema", () -> s.execute("USE fid_no_such_schema"));
                t.attempt("setCatalog to an unknown schema", () -> c.setCatalog("fid_no_such_db"));
                where(t, "after the failures", c, s);
                s.execute("USE `otherdb`");
                where(t, "after USE `otherdb`", c, s);
                c.setCatalog("information_schema");
                where(t, "after setCatalog(information_schema)", c, s);
                count(t, "qualified", s, "appdb.countries");
              }
            });
    assertTrue(proxy.contains("after USE otherdb row 0: String otherdb"), proxy::toString);
    assertTrue(
        proxy.contains("error 1049 [42000] Unknown database 'fid_no_such_schema'"),
        proxy::toString);
  }

  @Test
  void sessionsSharingABackendConnectionEachKeepTheirSchema() throws Exception {
    Transcript proxy =
        Transcript.compare(
            Endpoint.direct(),
            Endpoint.proxy(sharedBackend),
            (endpoint, t) -> {
              try (Connection a = endpoint.connect(Client.MYSQL_TEXT, "");
                  Connection b = endpoint.connect(Client.MYSQL_TEXT, "");
                  Statement sa = a.createStatement();
                  Statement sb = b.createStatement()) {
                sa.execute("USE otherdb");
                for (int round = 0; round < 5; round++) {
                  where(t, "a " + round, a, sa);
                  count(t, "b's users " + round, sb, "users");
                  count(t, "a's t " + round, sa, "t");
                  where(t, "b " + round, b, sb);
                  if (round == 2) {
                    b.setCatalog("otherdb");
                    a.setCatalog("appdb");
                  }
                }
              }
            });
    assertTrue(proxy.contains("a 4 row 0: String appdb"), proxy::toString);
  }

  @Test
  void aUserWithoutTheSchemaGetsAccessDenied() throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              String user = TestCluster.LIMITED_USER;
              String password = TestCluster.LIMITED_PASSWORD;
              try (Connection c =
                      endpoint.connectAs(
                          user, password, Client.MYSQL_TEXT, TestCluster.OTHER_SCHEMA);
                  Statement s = c.createStatement()) {
                where(t, "limited at start", c, s);
                t.attempt("USE appdb", () -> s.execute("USE appdb"));
                t.attempt("setCatalog(appdb)", () -> c.setCatalog("appdb"));
                where(t, "after the denials", c, s);
              }
              t.attempt(
                  "connecting to appdb",
                  () -> endpoint.connectAs(user, password, Client.MYSQL_TEXT, "appdb").close());
            });
    assertTrue(proxy.contains("error 1044 [42000]"), proxy::toString);
  }

  private static void where(Transcript t, String label, Connection c, Statement s)
      throws SQLException {
    t.add(label + " catalog", c.getCatalog());
    try (ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
      t.resultSet(label, rs);
    }
  }

  private static void count(Transcript t, String label, Statement s, String table)
      throws SQLException {
    t.attempt(
        label,
        () -> {
          try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            t.resultSet(label, rs);
          }
        });
  }
}
