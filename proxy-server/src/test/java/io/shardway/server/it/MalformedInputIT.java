package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.shardway.protocol.HandshakeV10;
import io.shardway.server.ShardwayServer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bytes no driver sends, over raw sockets: each such client is closed (or, where MySQL does so,
 * answered with an error), the reason is logged in one line without a stack trace, and the proxy
 * keeps serving everyone else.
 */
class MalformedInputIT {
  private static final Duration QUICK = Duration.ofSeconds(5);

  /** FrontendInitializer's handshake timeout (MySQL's connect_timeout). */
  private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private static final int SMALL_MAX_PACKET = 64 * 1024;

  private static TestCluster cluster;
  private static ShardwayServer smallPacketProxy;
  private LogCapture log;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.get();
    smallPacketProxy =
        cluster.startProxy(c -> TestCluster.withMaxAllowedPacket(c, SMALL_MAX_PACKET));
  }

  @AfterAll
  static void stop() {
    if (smallPacketProxy != null) {
      smallPacketProxy.close();
    }
  }

  @BeforeEach
  void captureLog() {
    log = LogCapture.of("io.shardway.server");
  }

  @AfterEach
  void stopCapture() {
    log.close();
  }

  // ---- connection phase ------------------------------------------------------------------------

  @Test
  void randomBytesAsTheHandshakeResponse() throws Exception {
    for (long seed = 1; seed <= 8; seed++) {
      byte[] garbage = new byte[200];
      new Random(seed).nextBytes(garbage);
      try (RawMysqlClient client = RawMysqlClient.connect(cluster.proxy().port(), QUICK)) {
        HandshakeV10 handshake = client.readHandshake();
        client.write(1, garbage);
        assertTrue(client.awaitClosedByPeer(), "seed " + seed + ": closed");
        awaitOneLine(handshake.connectionId(), "seed " + seed);
      }
    }
    assertProxyServes(cluster.proxy());
  }

  @Test
  void truncatedHandshakeResponse() throws Exception {
    try (RawMysqlClient client = RawMysqlClient.connect(cluster.proxy().port(), QUICK)) {
      HandshakeV10 handshake = client.readHandshake();
      byte[] full =
          RawMysqlClient.handshakeResponse(
              handshake,
              TestCluster.APP_USER,
              TestCluster.APP_PASSWORD,
              "appdb",
              "mysql_native_password");
      // Capabilities, max packet, charset, filler and the user name; the proof's length is gone.
      int cut = 32 + TestCluster.APP_USER.length() + 1;
      client.write(1, Arrays.copyOf(full, cut));
      assertTrue(client.awaitClosedByPeer(), "closed");
      ILoggingEvent line = awaitOneLine(handshake.connectionId(), "truncated");
      assertTrue(line.getFormattedMessage().contains("malformed handshake"), line::toString);
    }
    assertProxyServes(cluster.proxy());
  }

  @Test
  void clientsThatStopMidHandshakeAreClosedAfterTheHandshakeTimeout() throws Exception {
    int port = cluster.proxy().port();
    Duration wait = Duration.ofMillis(HANDSHAKE_TIMEOUT_MILLIS + 8_000);
    try (RawMysqlClient silent = RawMysqlClient.connect(port, wait);
        RawMysqlClient halfPacket = RawMysqlClient.connect(port, wait);
        RawMysqlClient noise = RawMysqlClient.connect(port, wait)) {
      long silentId = silent.readHandshake().connectionId();
      long halfId = halfPacket.readHandshake().connectionId();
      long noiseId = noise.readHandshake().connectionId();
      long start = System.nanoTime();
      // A header announcing 100 bytes, and 10 of them.
      halfPacket.writeRaw(new byte[] {100, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
      byte[] randomBytes = new byte[4096];
      new Random(42).nextBytes(randomBytes);
      // Its first "header" announces more than follows, so the proxy waits for the rest.
      randomBytes[0] = (byte) 0xF0;
      randomBytes[1] = (byte) 0xF0;
      randomBytes[2] = 0x0F;
      noise.writeRaw(randomBytes);

      CompletableFuture<Long> silentClosed = closedAfter(silent, start);
      CompletableFuture<Long> halfClosed = closedAfter(halfPacket, start);
      CompletableFuture<Long> noiseClosed = closedAfter(noise, start);
      for (CompletableFuture<Long> closed : List.of(silentClosed, halfClosed, noiseClosed)) {
        long millis = closed.get(wait.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        assertTrue(millis >= 0, "closed by the proxy, not by the test's timeout");
        assertTrue(millis >= HANDSHAKE_TIMEOUT_MILLIS - 1_000, "not before the timeout: " + millis);
      }
      for (long id : List.of(silentId, halfId, noiseId)) {
        ILoggingEvent line = awaitOneLine(id, "stalled");
        assertTrue(
            line.getFormattedMessage().contains("no handshake response in time"), line::toString);
      }
    }
    assertProxyServes(cluster.proxy());
  }

  private static CompletableFuture<Long> closedAfter(RawMysqlClient client, long startNanos) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return client.awaitClosedByPeer()
                ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)
                : -1L;
          } catch (IOException e) {
            return -1L;
          }
        });
  }

  @Test
  void oversizedPacketInTheHandshakeIsAnswered1153() throws Exception {
    try (RawMysqlClient client = RawMysqlClient.connect(smallPacketProxy.port(), QUICK)) {
      HandshakeV10 handshake = client.readHandshake();
      client.writeRaw(oversizedHeader(1));
      assertPacketTooLarge(client, handshake.connectionId());
    }
    assertProxyServes(smallPacketProxy);
  }

  @Test
  void oversizedCommandIsAnswered1153() throws Exception {
    try (RawMysqlClient client = RawMysqlClient.connect(smallPacketProxy.port(), QUICK)) {
      long id =
          client.login(TestCluster.APP_USER, TestCluster.APP_PASSWORD, "appdb").connectionId();
      byte[] header = oversizedHeader(0);
      byte[] start = new byte[header.length + 100];
      System.arraycopy(header, 0, start, 0, header.length);
      start[header.length] = 0x03;
      client.writeRaw(start);
      assertPacketTooLarge(client, id);
    }
    assertProxyServes(smallPacketProxy);
  }

  private static byte[] oversizedHeader(int sequenceId) {
    int length = SMALL_MAX_PACKET * 16;
    return new byte[] {
      (byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) sequenceId
    };
  }

  private void assertPacketTooLarge(RawMysqlClient client, long connectionId) throws Exception {
    RawMysqlClient.RawPacket err = client.read();
    assertTrue(err.isErr(), err::toString);
    assertEquals(1153, err.err().errorCode());
    assertEquals("08S01", err.err().sqlState());
    assertTrue(err.err().message().contains("max_allowed_packet"), err.err()::message);
    assertEquals(1, err.sequenceId());
    assertTrue(client.awaitClosedByPeer(), "closed after the error");
    ILoggingEvent line = awaitOneLine(connectionId, "oversized");
    assertTrue(
        line.getFormattedMessage().contains("packet length: " + SMALL_MAX_PACKET * 16),
        line::toString);
  }

  // ---- command phase ---------------------------------------------------------------------------

  @Test
  void unknownCommandIsAnErrorAndTheConnectionStaysUsable() throws Exception {
    try (RawMysqlClient client = loggedIn()) {
      client.write(0, new byte[] {0x7F, 1, 2, 3});
      RawMysqlClient.RawPacket err = client.read();
      assertTrue(err.isErr(), err::toString);
      assertEquals(1047, err.err().errorCode());
      assertPingAnswered(client);
    }
  }

  @Test
  void emptyCommandPacketClosesTheConnection() throws Exception {
    try (RawMysqlClient client = loggedIn()) {
      long id = loggedInId;
      client.write(0, new byte[0]);
      assertTrue(client.awaitClosedByPeer(), "closed");
      ILoggingEvent line = awaitOneLine(id, "empty command");
      assertTrue(line.getFormattedMessage().contains("empty command packet"), line::toString);
    }
    assertProxyServes(cluster.proxy());
  }

  /** Commands cut short: each gets an answer or a close, never silence, and no stack trace. */
  @Test
  void truncatedCommandsAreAnsweredOrClosedNeverLeftHanging() throws Exception {
    byte[][] commands = {
      {0x17}, // COM_STMT_EXECUTE without a statement id
      {0x17, 1, 0}, // COM_STMT_EXECUTE with half a statement id
      {0x11, 'x'}, // COM_CHANGE_USER: a user name without its NUL, nothing else
      {0x11, 'a', 'p', 'p', 0}, // COM_CHANGE_USER: no auth response length
      {0x1A}, // COM_STMT_RESET without a statement id
      {0x1C, 1}, // COM_STMT_FETCH without a statement id
      {0x1B}, // COM_SET_OPTION without its option
      {0x02}, // COM_INIT_DB with no schema
      {0x16}, // COM_STMT_PREPARE with no statement
    };
    for (byte[] command : commands) {
      String name = "command " + Arrays.toString(command);
      try (RawMysqlClient client = loggedIn()) {
        long id = loggedInId;
        client.write(0, command);
        RawMysqlClient.RawPacket reply = readOrNull(client);
        if (reply != null) {
          assertTrue(reply.isErr(), name + ": " + reply);
          // An error answer leaves the connection usable, as with MySQL.
          assertPingAnswered(client);
        } else {
          awaitOneLine(id, name);
        }
        assertNoStackTraces(name);
      }
    }
    assertProxyServes(cluster.proxy());
  }

  /** COM_STMT_CLOSE has no answer; cut short, the next command must still be answered. */
  @Test
  void truncatedStatementCloseDoesNotStallTheSession() throws Exception {
    try (RawMysqlClient client = loggedIn()) {
      long id = loggedInId;
      client.write(0, new byte[] {0x19});
      client.write(0, new byte[] {0x0E});
      RawMysqlClient.RawPacket reply = readOrNull(client);
      if (reply != null) {
        assertTrue(reply.isOk(), reply::toString);
      } else {
        awaitOneLine(id, "stmt close");
      }
      assertNoStackTraces("COM_STMT_CLOSE");
    }
    assertProxyServes(cluster.proxy());
  }

  @Test
  void randomCommandPayloadsAfterLogin() throws Exception {
    // COM_QUERY with bytes that are not UTF-8 SQL: the backend's syntax error, then business as
    // usual.
    byte[] garbage = new byte[300];
    new Random(7).nextBytes(garbage);
    garbage[0] = 0x03;
    try (RawMysqlClient client = loggedIn()) {
      client.write(0, garbage);
      RawMysqlClient.RawPacket reply = client.read();
      assertTrue(reply.isErr(), reply::toString);
      assertEquals(1064, reply.err().errorCode(), reply.err()::message);
      assertPingAnswered(client);
    }
    assertNoStackTraces("COM_QUERY garbage");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** The connection id of the last {@link #loggedIn} client. */
  private long loggedInId;

  private RawMysqlClient loggedIn() throws IOException {
    RawMysqlClient client = RawMysqlClient.connect(cluster.proxy().port(), QUICK);
    loggedInId =
        client.login(TestCluster.APP_USER, TestCluster.APP_PASSWORD, "appdb").connectionId();
    return client;
  }

  /** The next packet, or null when the proxy closed the connection instead. */
  private static RawMysqlClient.RawPacket readOrNull(RawMysqlClient client) throws IOException {
    try {
      return client.read();
    } catch (IOException e) {
      if (RawMysqlClient.isEof(e)) {
        return null;
      }
      throw e;
    }
  }

  private static void assertPingAnswered(RawMysqlClient client) throws IOException {
    client.write(0, new byte[] {0x0E});
    RawMysqlClient.RawPacket ok = client.read();
    assertTrue(ok.isOk(), ok::toString);
  }

  private static void assertProxyServes(ShardwayServer proxy) throws Exception {
    try (Connection c =
            java.sql.DriverManager.getConnection(
                TestCluster.url(proxy.port(), "appdb", "connectTimeout=5000&socketTimeout=10000"),
                TestCluster.APP_USER,
                TestCluster.APP_PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users")) {
      assertTrue(rs.next());
      assertEquals(200, rs.getInt(1));
    }
  }

  /**
   * Waits (bounded) for the proxy's line about connection {@code id}: exactly one, at INFO or
   * below, without a stack trace.
   */
  private ILoggingEvent awaitOneLine(long id, String what) throws InterruptedException {
    Pattern about = Pattern.compile("^(connection|session) " + id + "[ :].*");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<ILoggingEvent> lines = log.events(m -> about.matcher(m).matches());
    while (lines.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      lines = log.events(m -> about.matcher(m).matches());
    }
    // A moment more, to catch a second line about the same connection.
    Thread.sleep(100);
    lines = log.events(m -> about.matcher(m).matches());
    assertEquals(1, lines.size(), what + ": one line about connection " + id + "\n" + log.dump());
    ILoggingEvent line = lines.get(0);
    assertNull(line.getThrowableProxy(), what + ": no stack trace\n" + log.dump());
    assertTrue(
        line.getLevel().toInt() <= ch.qos.logback.classic.Level.INFO.toInt(),
        what + ": " + line.getLevel());
    return line;
  }

  private void assertNoStackTraces(String what) {
    List<ILoggingEvent> traces =
        log.all().stream().filter(e -> e.getThrowableProxy() != null).toList();
    assertEquals(List.of(), traces, what + "\n" + log.dump());
    List<ILoggingEvent> errors =
        log.all().stream()
            .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
            .toList();
    assertEquals(List.of(), errors, what + "\n" + log.dump());
  }
}
