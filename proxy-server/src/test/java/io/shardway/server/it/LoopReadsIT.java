package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.server.ShardwayServer;
import io.shardway.server.backend.LoopConnections;
import io.shardway.testcluster.DemoSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Plain reads on loop connections ({@code pool.loopConnections}): what clients see is what MariaDB
 * says, whether the read runs on the event loop, falls back to the worker path, or mixes with
 * writes, warnings, errors, other character sets and schemas.
 */
class LoopReadsIT {
  private static final String TABLE = "loop_reads";
  private static final int LOOP_CONNECTIONS = 4;

  private static ShardwayServer proxy;

  @BeforeAll
  static void start() throws Exception {
    TestCluster cluster = TestCluster.get();
    cluster
        .mariadb()
        .execute(
            "DROP TABLE IF EXISTS " + DemoSchema.SCHEMA + "." + TABLE,
            "CREATE TABLE "
                + DemoSchema.SCHEMA
                + "."
                + TABLE
                + " (id INT PRIMARY KEY, name VARCHAR(40), amount DECIMAL(12,2)) CHARSET utf8mb4",
            "INSERT INTO "
                + DemoSchema.SCHEMA
                + "."
                + TABLE
                + " SELECT seq, CONCAT('name ', seq, IF(seq % 7 = 0, ' \u00e9\u00e8', '')),"
                + " IF(seq % 5 = 0, NULL, seq * 1.25) FROM "
                + DemoSchema.SCHEMA
                + ".seq_1_to_20000");
    proxy = cluster.startProxy(c -> TestCluster.withPool(c, TestCluster.pool(4, LOOP_CONNECTIONS)));
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    TestCluster.get().mariadb().execute("DROP TABLE IF EXISTS " + DemoSchema.SCHEMA + "." + TABLE);
  }

  private static LoopConnections loopConnections() {
    return proxy.sessions().groups().all().iterator().next().writer().pool().loopConnections();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Client.class)
  void readsWritesWarningsAndErrorsReadTheSame(Client client) throws Exception {
    Transcript.compare(
        Endpoint.direct(),
        Endpoint.proxy(proxy),
        (endpoint, t) -> {
          try (Connection c = endpoint.connect(client, "");
              Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + TABLE + " WHERE id IN (7, 10)")) {
              t.resultSet("point", rs);
            }
            try (ResultSet rs =
                s.executeQuery(
                    "SELECT CAST('12abc' AS SIGNED), 1 / 0 FROM " + TABLE + " LIMIT 1")) {
              t.resultSet("warns", rs);
            }
            t.warnings("warnings of the read", s.getWarnings());
            readDiagnostics(t, "after warnings", s);
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
              t.resultSet("no tables", rs);
            }
            readDiagnostics(t, "after a read without tables", s);
            try (ResultSet rs = s.executeQuery("SELECT name FROM " + TABLE + " WHERE id = 3")) {
              t.resultSet("clean", rs);
            }
            readDiagnostics(t, "after a clean read", s);
            t.attempt("error", () -> s.executeQuery("SELECT no_such_column FROM " + TABLE).close());
            readDiagnostics(t, "after an error", s);
            s.execute("SET NAMES utf8mb3");
            try (ResultSet rs = s.executeQuery("SELECT name FROM " + TABLE + " WHERE id = 14")) {
              t.resultSet("utf8mb3", rs);
            }
            s.execute("SET NAMES utf8mb4");
            c.setAutoCommit(false);
            s.executeUpdate("UPDATE " + TABLE + " SET amount = amount + 1 WHERE id = 1");
            try (ResultSet rs = s.executeQuery("SELECT amount FROM " + TABLE + " WHERE id = 1")) {
              t.resultSet("read of an own uncommitted write", rs);
            }
            c.rollback();
            c.setAutoCommit(true);
            try (ResultSet rs =
                s.executeQuery("SELECT COUNT(*), SUM(amount), MAX(name) FROM " + TABLE)) {
              t.resultSet("aggregate", rs);
            }
          }
        });
    assertTrue(loopConnections().openConnections() > 0, "the reads ran on loop connections");
  }

  @Test
  void aLargeResultStreamsWholeAndTheConnectionIsReusedAfter() throws Exception {
    try (Connection c = Endpoint.proxy(proxy).connect(Client.MYSQL_TEXT, "");
        Statement s = c.createStatement()) {
      for (int round = 0; round < 3; round++) {
        long rows = 0;
        long sum = 0;
        try (ResultSet rs = s.executeQuery("SELECT id, name FROM " + TABLE + " ORDER BY id")) {
          while (rs.next()) {
            rows++;
            sum += rs.getLong(1);
          }
        }
        assertEquals(20_000, rows);
        assertEquals(20_000L * 20_001 / 2, sum);
      }
    }
    assertTrue(loopConnections().openConnections() <= LOOP_CONNECTIONS);
  }

  /**
   * More clients than loop connections, each checking its own answers: reads that find no free loop
   * connection run on the worker path, and nobody gets another's rows.
   */
  @Test
  void manyClientsGetTheirOwnRows() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> checked = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        int client = i;
        checked.add(
            clients.submit(
                () -> {
                  int reads = 0;
                  try (Connection c = Endpoint.proxy(proxy).connect(Client.MYSQL_TEXT, "");
                      Statement s = c.createStatement()) {
                    for (int n = 0; n < 300; n++) {
                      int id = 1 + (client * 997 + n * 31) % 20_000;
                      try (ResultSet rs =
                          s.executeQuery("SELECT id, name FROM " + TABLE + " WHERE id = " + id)) {
                        assertTrue(rs.next());
                        assertEquals(id, rs.getInt(1));
                        assertTrue(rs.getString(2).startsWith("name " + id));
                      }
                      reads++;
                    }
                  }
                  return reads;
                }));
      }
      int total = 0;
      for (Future<Integer> f : checked) {
        total += f.get();
      }
      assertEquals(16 * 300, total);
      assertTrue(loopConnections().openConnections() <= LOOP_CONNECTIONS);
    } finally {
      clients.shutdownNow();
    }
  }

  /**
   * A session that leaves errors and warnings on a loop connection, then runs a statement on the
   * worker path: the connection goes back to the pool with an empty diagnostics area, rather than
   * closed, and the next sessions neither see those warnings nor cost a new login.
   */
  @Test
  void diagnosticsStayWithTheirSessionAndTheConnectionIsReused() throws Exception {
    try (ShardwayServer oneLoopConnection =
        TestCluster.get().startProxy(c -> TestCluster.withPool(c, TestCluster.pool(1, 1)))) {
      LoopConnections connections =
          oneLoopConnection
              .sessions()
              .groups()
              .all()
              .iterator()
              .next()
              .writer()
              .pool()
              .loopConnections();
      try (Connection c = Endpoint.proxy(oneLoopConnection).connect(Client.MYSQL_TEXT, "");
          Statement s = c.createStatement()) {
        for (int round = 0; round < 10; round++) {
          try (ResultSet rs =
              s.executeQuery("SELECT CAST('9x' AS SIGNED) FROM " + TABLE + " LIMIT 1")) {
            assertTrue(rs.next());
          }
          try (ResultSet rs = s.executeQuery("SELECT @@warning_count")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "the session reads its own warning");
          }
          assertThrows(
              SQLException.class, () -> s.executeQuery("SELECT nope FROM " + TABLE).close());
          s.execute("SET SESSION group_concat_max_len = " + (5000 + round));
        }
      }
      assertEquals(1, connections.openedTotal(), "one login for all the errors and warnings");
      // Connections are spread over the event loops in turn: one of these shares the loop, and so
      // the idle loop connection, of the session above.
      for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
        try (Connection c = Endpoint.proxy(oneLoopConnection).connect(Client.MYSQL_TEXT, "");
            Statement s = c.createStatement()) {
          try (ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
          }
          try (ResultSet rs = s.executeQuery("SHOW WARNINGS")) {
            assertFalse(rs.next(), "another session's warnings");
          }
        }
      }
      assertEquals(1, connections.openedTotal());
    }
  }

  private static void readDiagnostics(Transcript t, String label, Statement s) throws Exception {
    try (ResultSet rs = s.executeQuery("SHOW WARNINGS")) {
      t.resultSet(label, rs);
    }
    try (ResultSet rs = s.executeQuery("SELECT @@warning_count, @@error_count")) {
      t.resultSet(label + " counts", rs);
    }
  }
}
