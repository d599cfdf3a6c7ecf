package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.JdbcConnection;
import io.shardway.server.ShardwayServer;
import io.shardway.server.session.ClientSession;
import io.shardway.server.session.PinReason;
import io.shardway.server.session.PinStatistics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A thousand client sessions open at once over sixteen backend connections: each keeps its own
 * session variables, user variable and temporary table while statements of the others run in
 * between, nothing of a closed session reaches the next borrower of its backend connection, and the
 * pin counters add up.
 *
 * <p>A session with a temporary table or user variable is pinned: it holds a backend connection
 * until the state is gone. Sixteen connections cannot hold a thousand such sessions at once, so the
 * sessions take their pinned turn at most {@link #PINNED_AT_ONCE} at a time (ending it with
 * COM_RESET_CONNECTION), while all of them stay connected and the others keep running statements.
 */
class SessionIsolationIT {
  private static final int SESSIONS = 1000;
  private static final int PINNED_AT_ONCE = 12;

  /** One JDBC connection per pinned session, plus loop connections for the plain reads. */
  private static final int JDBC_CONNECTIONS = PINNED_AT_ONCE;

  private static final int LOOP_CONNECTIONS = 4;
  private static final int POOL = JDBC_CONNECTIONS + LOOP_CONNECTIONS;
  private static final int CLIENT_THREADS = 100;
  private static final long PHASE_TIMEOUT_SECONDS = 60;

  /** Ten sql_mode flags: session i sets those of the bits of i, so every session differs. */
  private static final List<String> MODE_FLAGS =
      List.of(
          "REAL_AS_FLOAT",
          "ONLY_FULL_GROUP_BY",
          "NO_UNSIGNED_SUBTRACTION",
          "NO_AUTO_VALUE_ON_ZERO",
          "STRICT_TRANS_TABLES",
          "NO_ZERO_IN_DATE",
          "NO_ZERO_DATE",
          "ERROR_FOR_DIVISION_BY_ZERO",
          "HIGH_NOT_PRECEDENCE",
          "NO_ENGINE_SUBSTITUTION");

  /** What a fresh server session has; read from MariaDB directly. */
  private record Defaults(Set<String> sqlMode, String timeZone, long groupConcatMaxLen) {}

  private final Set<Long> backendIds = ConcurrentHashMap.newKeySet();
  private final AtomicLong maxTemporaryTablePins = new AtomicLong();

  @Test
  void aThousandSessionsOverSixteenConnectionsStayApart() throws Exception {
    TestCluster cluster = TestCluster.get();
    Defaults defaults = serverDefaults(cluster);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
    List<IsolatedSession> sessions = Collections.synchronizedList(new ArrayList<>());
    try (ShardwayServer proxy =
        cluster.startProxy(
            c -> TestCluster.withPool(c, TestCluster.pool(JDBC_CONNECTIONS, LOOP_CONNECTIONS)))) {
      String url =
          TestCluster.url(
              proxy.port(),
              "appdb",
              "connectTimeout=10000&socketTimeout=60000&cacheServerConfiguration=true");
      PinStatistics pins = proxy.sessions().pins();

      // 1. All of them connect and set their own session variables.
      IsolatedSession[] byId = new IsolatedSession[SESSIONS];
      runAll(
          clients,
          ids(SESSIONS, 1),
          i -> {
            IsolatedSession s =
                new IsolatedSession(
                    i,
                    DriverManager.getConnection(
                        url, TestCluster.APP_USER, TestCluster.APP_PASSWORD));
            sessions.add(s);
            byId[i] = s;
            s.setOwnVariables();
            s.checkOwnVariables();
          });
      assertEquals(SESSIONS, proxy.sessions().registry().size(), "all open at once");

      // 2. Interleaved rounds of SELECTs: replayable state only, so nobody is pinned.
      runAll(clients, ids(SESSIONS, 3), i -> byId[i].checkOwnVariables());
      assertEquals(SESSIONS, proxy.sessions().registry().size(), "all still open");
      for (ClientSession session : proxy.sessions().registry().sessions()) {
        assertEquals(Set.of(), session.pinReasons(), "session " + session.connectionId());
      }
      for (PinReason reason : PinReason.values()) {
        assertEquals(0, pins.total(reason), reason + ": SELECT and SET sessions are not pinned");
      }

      // 3. Exact accounting: twelve sessions with a temporary table each, then reset.
      List<IsolatedSession> twelve = Arrays.asList(byId).subList(0, PINNED_AT_ONCE);
      for (IsolatedSession s : twelve) {
        s.takePinnedState();
      }
      assertEquals(PINNED_AT_ONCE, pins.current(PinReason.TEMPORARY_TABLE));
      assertEquals(PINNED_AT_ONCE, pins.current(PinReason.USER_VARIABLE));
      for (IsolatedSession s : twelve) {
        s.checkPinnedState(1);
        s.reset(defaults);
        s.setOwnVariables();
      }
      assertEquals(0, pins.current(PinReason.TEMPORARY_TABLE));
      assertEquals(0, pins.current(PinReason.USER_VARIABLE));

      // 4. Every session takes a pinned turn (at most twelve at once, since each holds one of the
      // sixteen connections), while checks of all the others run in between.
      Semaphore turns = new Semaphore(PINNED_AT_ONCE);
      List<Integer> work = new ArrayList<>();
      for (int i = 0; i < SESSIONS; i++) {
        work.add(i); // the pinned turn
        work.add(-1 - i); // a plain check
      }
      Collections.shuffle(work, new Random(1));
      runAll(
          clients,
          work,
          w -> {
            if (w < 0) {
              byId[-1 - w].checkOwnVariables();
              return;
            }
            if (!turns.tryAcquire(PHASE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
              throw new TimeoutException("no pinned turn for session " + w);
            }
            IsolatedSession s = byId[w];
            try {
              synchronized (s) {
                pinnedTurn(s, pins, defaults);
              }
            } finally {
              turns.release();
            }
          });
      long maxPins = maxTemporaryTablePins.get();
      assertTrue(
          maxPins >= 1 && maxPins <= PINNED_AT_ONCE, "temporary table pins seen: " + maxPins);
      assertEquals(SESSIONS + PINNED_AT_ONCE, pins.total(PinReason.TEMPORARY_TABLE));
      assertEquals(SESSIONS + PINNED_AT_ONCE, pins.total(PinReason.USER_VARIABLE));
      assertEquals(0, pins.current(PinReason.TEMPORARY_TABLE));

      // 5. Twelve sessions close while holding a temporary table and a user variable, then the
      // rest close; the proxy forgets them all and their pins.
      assertTrue(backendIds.size() <= POOL, "multiplexed over the pool: " + backendIds);
      Set<Long> closedPinned = new TreeSet<>();
      for (IsolatedSession s : Arrays.asList(byId).subList(100, 100 + PINNED_AT_ONCE)) {
        s.takePinnedState();
        closedPinned.add(s.checkPinnedState(1));
      }
      assertEquals(PINNED_AT_ONCE, pins.current(PinReason.TEMPORARY_TABLE));
      closeAll(sessions);
      awaitTrue(() -> proxy.sessions().registry().size() == 0, "sessions closed");
      awaitTrue(() -> pins.current(PinReason.TEMPORARY_TABLE) == 0, "temporary table pins");
      for (PinReason reason : PinReason.values()) {
        assertEquals(0, pins.current(reason), reason::name);
      }
      assertEquals(SESSIONS + 2 * PINNED_AT_ONCE, pins.total(PinReason.TEMPORARY_TABLE));

      // 6. New sessions on the same backend connections see none of the old state.
      Set<Long> earlierBackends = new TreeSet<>(backendIds);
      backendIds.clear();
      runAll(
          clients,
          ids(POOL * 2, 1),
          i -> {
            try (IsolatedSession s =
                new IsolatedSession(
                    i,
                    DriverManager.getConnection(
                        url, TestCluster.APP_USER, TestCluster.APP_PASSWORD))) {
              for (int k = 0; k < 5; k++) {
                s.checkFresh(defaults);
              }
            }
          });
      assertTrue(backendIds.size() >= 2, "several backend connections: " + backendIds);
      assertTrue(
          backendIds.stream().anyMatch(closedPinned::contains),
          "reused a connection closed with a temporary table: " + backendIds + closedPinned);
      assertTrue(
          earlierBackends.containsAll(backendIds),
          "the new sessions ran on the earlier sessions' connections: "
              + backendIds
              + " vs "
              + earlierBackends);
    } finally {
      closeAll(sessions);
      clients.shutdownNow();
      assertTrue(clients.awaitTermination(10, TimeUnit.SECONDS), "client threads ended");
    }
  }

  /** One session's pinned turn: its own variable and table, checked in between others' work. */
  private void pinnedTurn(IsolatedSession s, PinStatistics pins, Defaults defaults)
      throws SQLException {
    s.takePinnedState();
    maxTemporaryTablePins.accumulateAndGet(pins.current(PinReason.TEMPORARY_TABLE), Math::max);
    for (int k = 1; k <= 2; k++) {
      s.checkPinnedState(k);
      s.insertRow(k + 1);
    }
    s.checkPinnedState(3);
    s.reset(defaults);
    s.setOwnVariables();
    s.checkOwnVariables();
  }

  /** One client connection and what it expects to see. */
  private final class IsolatedSession implements AutoCloseable {
    private final int id;
    private final Connection connection;
    private final Statement statement;
    private final Set<String> sqlMode;
    private final String timeZone;
    private final long groupConcatMaxLen;
    private int rows;

    IsolatedSession(int id, Connection connection) throws SQLException {
      this.id = id;
      this.connection = connection;
      this.statement = connection.createStatement();
      Set<String> mode = new TreeSet<>();
      for (int bit = 0; bit < MODE_FLAGS.size(); bit++) {
        if ((id & (1 << bit)) != 0) {
          mode.add(MODE_FLAGS.get(bit));
        }
      }
      this.sqlMode = mode;
      // Whole hours only: MariaDB 11.4.5 resolves some offsets with minutes to a neighbour
      // ('-04:21' reads back as '-04:29' on a direct connection too), which is not ours to test.
      int hours = (id % 26) - 12;
      this.timeZone = String.format("%s%02d:00", hours < 0 ? "-" : "+", Math.abs(hours));
      this.groupConcatMaxLen = 10_000 + id;
    }

    synchronized void setOwnVariables() throws SQLException {
      statement.execute(
          "SET SESSION sql_mode = '"
              + String.join(",", sqlMode)
              + "', time_zone = '"
              + timeZone
              + "', group_concat_max_len = "
              + groupConcatMaxLen);
    }

    synchronized void checkOwnVariables() throws SQLException {
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT @@session.sql_mode, @@session.time_zone, @@session.group_concat_max_len,"
                  + " CONNECTION_ID()")) {
        assertTrue(rs.next());
        assertEquals(sqlMode, modeSet(rs.getString(1)), this + " sql_mode");
        assertEquals(timeZone, rs.getString(2), this + " time_zone");
        assertEquals(groupConcatMaxLen, rs.getLong(3), this + " group_concat_max_len");
        backendIds.add(rs.getLong(4));
      }
    }

    /** A user variable and a temporary table (same name in every session), both with its id. */
    synchronized void takePinnedState() throws SQLException {
      statement.execute("SET @me = " + id);
      statement.execute("CREATE TEMPORARY TABLE iso_tmp (n INT PRIMARY KEY, who INT NOT NULL)");
      rows = 0;
      insertRow(1);
    }

    synchronized void insertRow(int n) throws SQLException {
      statement.executeUpdate("INSERT INTO iso_tmp VALUES (" + n + ", " + id + ")");
      rows++;
    }

    /** Returns the backend connection the check ran on. */
    synchronized long checkPinnedState(int expectedRows) throws SQLException {
      assertEquals(expectedRows, rows);
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT @me, (SELECT COUNT(*) FROM iso_tmp), (SELECT MIN(who) FROM iso_tmp),"
                  + " (SELECT MAX(who) FROM iso_tmp), @@session.sql_mode, @@session.time_zone,"
                  + " CONNECTION_ID()")) {
        assertTrue(rs.next());
        assertEquals(id, rs.getInt(1), this + " @me");
        assertEquals(expectedRows, rs.getInt(2), this + " rows in its temporary table");
        assertEquals(id, rs.getInt(3), this + " temporary table rows");
        assertEquals(id, rs.getInt(4), this + " temporary table rows");
        assertEquals(sqlMode, modeSet(rs.getString(5)), this + " sql_mode");
        assertEquals(timeZone, rs.getString(6), this + " time_zone");
        backendIds.add(rs.getLong(7));
        return rs.getLong(7);
      }
    }

    /** COM_RESET_CONNECTION: back to a fresh session, unpinned. */
    synchronized void reset(Defaults defaults) throws SQLException {
      connection.unwrap(JdbcConnection.class).resetServerState();
      checkFresh(defaults);
    }

    /** Nothing of this or any other session: server defaults, no variable, no table. */
    synchronized void checkFresh(Defaults defaults) throws SQLException {
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT @@session.sql_mode, @@session.time_zone, @@session.group_concat_max_len,"
                  + " @me, CONNECTION_ID()")) {
        assertTrue(rs.next());
        assertEquals(defaults.sqlMode(), modeSet(rs.getString(1)), this + " sql_mode");
        assertEquals(defaults.timeZone(), rs.getString(2), this + " time_zone");
        assertEquals(defaults.groupConcatMaxLen(), rs.getLong(3), this + " group_concat_max_len");
        assertNull(rs.getString(4), this + " @me");
        backendIds.add(rs.getLong(5));
      }
      try (ResultSet rs =
          statement.executeQuery("SELECT MIN(who), COUNT(*), CONNECTION_ID() FROM iso_tmp")) {
        rs.next();
        throw new AssertionError(
            String.format(
                "%s sees the temporary table iso_tmp of session %d (%d rows) on backend %d",
                this, rs.getInt(1), rs.getInt(2), rs.getLong(3)));
      } catch (SQLException e) {
        assertEquals(1146, e.getErrorCode(), this + ": " + e.getMessage());
      }
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }

    @Override
    public String toString() {
      return "session " + id;
    }
  }

  private static Set<String> modeSet(String mode) {
    return mode == null || mode.isEmpty()
        ? Set.of()
        : Arrays.stream(mode.split(",")).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Defaults serverDefaults(TestCluster cluster) throws SQLException {
    try (Connection root = cluster.mariadb().connectAsRoot(null);
        Statement s = root.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT @@GLOBAL.sql_mode, @@GLOBAL.time_zone, @@GLOBAL.group_concat_max_len")) {
      assertTrue(rs.next());
      return new Defaults(modeSet(rs.getString(1)), rs.getString(2), rs.getLong(3));
    }
  }

  /** Session ids 0..n-1, each {@code times} times, shuffled so sessions interleave. */
  private static List<Integer> ids(int n, int times) {
    List<Integer> ids = new ArrayList<>();
    for (int t = 0; t < times; t++) {
      IntStream.range(0, n).forEach(ids::add);
    }
    Collections.shuffle(ids, new Random(n * 31L + times));
    return ids;
  }

  private interface Task {
    void run(int i) throws Exception;
  }

  /** Runs the task for every item on the client threads; fails on the first failure or timeout. */
  private static void runAll(ExecutorService clients, List<Integer> items, Task task)
      throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    for (int item : items) {
      futures.add(
          clients.submit(
              () -> {
                task.run(item);
                return null;
              }));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PHASE_TIMEOUT_SECONDS);
    try {
      for (Future<?> f : futures) {
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (Exception e) {
      futures.forEach(f -> f.cancel(true));
      throw e;
    }
  }

  private static void closeAll(List<IsolatedSession> sessions) {
    synchronized (sessions) {
      for (IsolatedSession s : sessions) {
        try {
          s.close();
        } catch (SQLException e) {
          // closing anyway
        }
      }
    }
  }

  private interface Condition {
    boolean holds();
  }

  private static void awaitTrue(Condition condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.holds()) {
      assertTrue(System.nanoTime() < deadline, what);
      Thread.sleep(20);
    }
  }
}
