package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.config.ReadWrite;
import io.shardway.server.ShardwayServer;
import io.shardway.testcluster.DemoSchema;
import io.shardway.testcluster.MariaDbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Read/write splitting over a real replicated MariaDB group (a primary, server id 1, and two
 * replicas, 2 and 3): where statements land, read-your-writes while replication lags, and replicas
 * leaving and joining the rotation.
 */
class ReadWriteSplitIT {
  private static final long PRIMARY = 1;
  private static final Set<Long> REPLICAS = Set.of(2L, 3L);

  private static ReplicatedCluster cluster;
  private static ShardwayServer proxy;

  @BeforeAll
  static void start() throws InterruptedException {
    cluster = ReplicatedCluster.start(2);
    proxy =
        cluster.startProxy(
            ReplicatedCluster.readWrite(
                ReadWrite.ReadYourWrites.AUTO, Duration.ofSeconds(5), Optional.empty()));
  }

  /**
   * Tests change replication (delays, stops) and restore it; the monitor may still hold a replica
   * out of rotation for a check or two, so each test starts once both take reads again.
   */
  @BeforeEach
  void bothReplicasInRotation() throws Exception {
    awaitReplicasInRotation(proxy, REPLICAS);
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void readsGoToEachReplicaInTurnAndWritesToThePrimary() throws SQLException {
    try (Connection c = ReplicatedCluster.connect(proxy, "")) {
      assertEquals(REPLICAS, serverIds(c, "SELECT @@server_id", 10));
      try (Statement s = c.createStatement()) {
        s.executeUpdate("REPLACE INTO rw VALUES (1, @@server_id)");
      }
    }
    assertEquals(PRIMARY, valueOn(cluster.group().primary(), "SELECT v FROM rw WHERE id = 1"));
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void everyDriverAndProtocolIsRoutedAlike(Client client) throws SQLException {
    int id = 10 + client.ordinal();
    try (Connection c =
        DriverManager.getConnection(
            client.url(proxy.port(), DemoSchema.SCHEMA, ""),
            TestCluster.APP_USER,
            TestCluster.APP_PASSWORD)) {
      Set<Long> seen = new HashSet<>();
      try (PreparedStatement read = client.prepare(c, "SELECT @@server_id + ?")) {
        for (int i = 0; i < 10; i++) {
          read.setInt(1, 0);
          try (ResultSet rs = read.executeQuery()) {
            rs.next();
            seen.add(rs.getLong(1));
          }
        }
      }
      assertEquals(REPLICAS, seen);
      try (PreparedStatement write = client.prepare(c, "REPLACE INTO rw VALUES (?, @@server_id)")) {
        write.setInt(1, id);
        write.executeUpdate();
      }
    }
    assertEquals(PRIMARY, valueOn(cluster.group().primary(), "SELECT v FROM rw WHERE id = " + id));
  }

  @Test
  void hintsChooseTheServer() throws SQLException {
    try (Connection c = ReplicatedCluster.connect(proxy, "")) {
      assertEquals(Set.of(PRIMARY), serverIds(c, "/* shardway:primary */ SELECT @@server_id", 4));
      // ROW_COUNT() alone would keep it on the primary; the hint says any replica will do.
      assertEquals(
          REPLICAS, serverIds(c, "SELECT @@server_id, ROW_COUNT() /* shardway:replica */", 4));
    }
  }

  @Test
  void locksAndLastInsertIdStayOnThePrimary() throws SQLException {
    try (Connection c = ReplicatedCluster.connect(proxy, "")) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("REPLACE INTO rw VALUES (99, 0)");
      }
      assertEquals(
          Set.of(PRIMARY), serverIds(c, "SELECT @@server_id FROM rw WHERE id = 99 FOR UPDATE", 2));
      assertEquals(Set.of(PRIMARY), serverIds(c, "SELECT @@server_id, LAST_INSERT_ID()", 2));
      assertEquals(Set.of(PRIMARY), serverIds(c, "SELECT @@server_id, GET_LOCK('rw', 0)", 1));
    }
  }

  @Test
  void aTransactionStaysOnOneServer() throws SQLException {
    try (Connection c = ReplicatedCluster.connect(proxy, "")) {
      c.setAutoCommit(false);
      assertEquals(Set.of(PRIMARY), serverIds(c, "SELECT @@server_id", 4));
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("START TRANSACTION READ ONLY");
        Set<Long> inReadOnly = serverIds(c, "SELECT @@server_id", 4);
        s.execute("COMMIT");
        assertEquals(1, inReadOnly.size(), "one server for the whole transaction");
        assertTrue(REPLICAS.containsAll(inReadOnly), "a read-only transaction may use a replica");
        s.execute("BEGIN");
        Set<Long> inTransaction = serverIds(c, "SELECT @@server_id", 4);
        s.execute("ROLLBACK");
        assertEquals(Set.of(PRIMARY), inTransaction);
      }
    }
  }

  @Test
  void readsSeeTheSessionsOwnWritesWithGtids() throws Exception {
    long before = readsOnReplicas(proxy);
    assertReadsSeeOwnWrites(proxy);
    // Not by sending every read to the primary: the replica without delay takes many of them.
    assertTrue(readsOnReplicas(proxy) - before >= 200, "reads served by replicas");
  }

  /** The reads routed to replicas so far, as SHOW SHARDWAY BACKENDS counts them. */
  private static long readsOnReplicas(ShardwayServer server) throws SQLException {
    long reads = 0;
    try (Connection c = ReplicatedCluster.connect(server, "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW SHARDWAY BACKENDS")) {
      while (rs.next()) {
        if (rs.getString("role").equals("replica")) {
          reads += rs.getLong("reads_routed");
        }
      }
    }
    return reads;
  }

  @Test
  void readsSeeTheSessionsOwnWritesWhenSticky() throws Exception {
    try (ShardwayServer sticky =
        cluster.startProxy(
            ReplicatedCluster.readWrite(
                ReadWrite.ReadYourWrites.STICKY, Duration.ofSeconds(5), Optional.empty()))) {
      assertReadsSeeOwnWrites(sticky);
    }
  }

  /**
   * 1000 writes, each read back at once by the session that made it, from 8 sessions at once, while
   * one replica applies everything a second late.
   */
  private static void assertReadsSeeOwnWrites(ShardwayServer server) throws Exception {
    cluster.group().delayReplica(0, 1);
    try {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Integer>> stale = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int id = 100 + t;
        stale.add(pool.submit(() -> staleReads(server, id, 125)));
      }
      int total = 0;
      for (Future<Integer> f : stale) {
        total += f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertEquals(0, total, "reads that missed the session's own write");
    } finally {
      cluster.group().delayReplica(0, 0);
    }
  }

  private static int staleReads(ShardwayServer server, int id, int rounds) throws SQLException {
    int stale = 0;
    try (Connection c = ReplicatedCluster.connect(server, "");
        Statement s = c.createStatement()) {
      for (int i = 1; i <= rounds; i++) {
        s.executeUpdate("REPLACE INTO rw VALUES (" + id + ", " + i + ")");
        try (ResultSet rs = s.executeQuery("SELECT v FROM rw WHERE id = " + id)) {
          if (!rs.next() || rs.getLong(1) != i) {
            stale++;
          }
        }
      }
    }
    return stale;
  }

  @Test
  void aStoppedReplicaLeavesTheRotationWithoutFailingReads() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger reads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> readers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      readers.add(
          pool.submit(
              () -> {
                try (Connection c = ReplicatedCluster.connect(proxy, "");
                    Statement s = c.createStatement()) {
                  while (running.get()) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users")) {
                      rs.next();
                      reads.incrementAndGet();
                    } catch (SQLException e) {
                      failures.incrementAndGet();
                    }
                  }
                }
                return null;
              }));
    }
    try {
      Thread.sleep(500);
      cluster.group().stopServer(1);
      Thread.sleep(1500);
      int before = reads.get();
      Thread.sleep(500);
      assertTrue(reads.get() > before, "reads go on");
    } finally {
      running.set(false);
      for (Future<?> reader : readers) {
        reader.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    try {
      assertEquals(0, failures.get(), "failed reads");
      try (Connection c = ReplicatedCluster.connect(proxy, "")) {
        assertEquals(Set.of(2L), serverIds(c, "SELECT @@server_id", 6));
      }
    } finally {
      cluster.group().startServer(1);
    }
    awaitReplicasInRotation(proxy, Set.of(2L, 3L));
  }

  @Test
  void aReplicaTooFarBehindLeavesTheRotation() throws Exception {
    try (ShardwayServer withHeartbeat =
        cluster.startProxy(
            ReplicatedCluster.readWrite(
                ReadWrite.ReadYourWrites.AUTO,
                Duration.ofSeconds(1),
                Optional.of("shardway.heartbeat")))) {
      awaitReplicasInRotation(withHeartbeat, REPLICAS);
      cluster.group().delayReplica(0, 3);
      try {
        awaitReplicasInRotation(withHeartbeat, Set.of(3L));
      } finally {
        cluster.group().delayReplica(0, 0);
      }
      awaitReplicasInRotation(withHeartbeat, REPLICAS);
    }
  }

  @Test
  void withoutAHealthyReplicaReadsGoToThePrimary() throws Exception {
    cluster.group().stopReplication(0);
    cluster.group().stopReplication(1);
    try {
      awaitReplicasInRotation(proxy, Set.of(PRIMARY));
    } finally {
      cluster.group().startReplication(0);
      cluster.group().startReplication(1);
    }
    awaitReplicasInRotation(proxy, REPLICAS);
  }

  /** Waits until plain reads land on exactly {@code servers}, as health checks find them. */
  private static void awaitReplicasInRotation(ShardwayServer server, Set<Long> servers)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Set<Long> seen = Set.of();
    while (System.nanoTime() < deadline) {
      try (Connection c = ReplicatedCluster.connect(server, "")) {
        seen = serverIds(c, "SELECT @@server_id", 8);
      }
      if (seen.equals(servers)) {
        return;
      }
      Thread.sleep(100);
    }
    assertEquals(servers, seen, "servers taking reads");
  }

  private static Set<Long> serverIds(Connection c, String sql, int times) throws SQLException {
    Set<Long> seen = new HashSet<>();
    try (Statement s = c.createStatement()) {
      for (int i = 0; i < times; i++) {
        try (ResultSet rs = s.executeQuery(sql)) {
          rs.next();
          seen.add(rs.getLong(1));
        }
      }
    }
    return seen;
  }

  private static long valueOn(MariaDbServer server, String sql) throws SQLException {
    try (Connection c = ReplicatedCluster.direct(server);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
