package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.ColumnType;
import io.shardway.protocol.CommandType;
import io.shardway.server.session.PinReason;
import io.shardway.server.session.PinStatistics;
import io.shardway.testcluster.DemoSchema;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server-side prepared statements do not pin: more sessions than backend connections keep
 * statements open and execute them in turn, each on whichever connection it borrows.
 */
class PreparedStatementSharingIT {
  private static final String SERVER_PREPARED = "useServerPrepStmts=true&cachePrepStmts=true";
  @RegisterExtension static final SmallPoolProxy proxy = new SmallPoolProxy(1);

  private static String single(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  @Test
  void moreSessionsWithOpenStatementsThanBackendConnections() throws Exception {
    List<Connection> sessions = new ArrayList<>();
    List<PreparedStatement> lookups = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        Connection c = proxy.connect(SERVER_PREPARED);
        sessions.add(c);
        lookups.add(c.prepareStatement("SELECT name FROM users WHERE id = ?"));
      }
      PinStatistics pins = proxy.server().sessions().pins();
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < lookups.size(); i++) {
          PreparedStatement ps = lookups.get(i);
          ps.setLong(1, i + 1 + round);
          String name = single(ps);
          assertTrue(name != null && !name.isEmpty(), "user " + (i + 1 + round));
        }
      }
      for (PinReason reason : PinReason.values()) {
        assertEquals(0, pins.current(reason), reason.name());
      }
    } finally {
      for (Connection c : sessions) {
        c.close();
      }
    }
  }

  @Test
  void parameterTypesFollowTheSessionWhenAnotherSessionBoundOthers() throws Exception {
    // One backend connection, so both sessions use the same server copy of the statement. A client
    // sends parameter types only when they change (new-params-bound = 0 afterwards), so the
    // proxy must restore session a's INT type after session b bound a string.
    int capabilities = WireClient.BASE_CAPABILITIES | CapabilityFlags.CLIENT_DEPRECATE_EOF;
    String sql = "SELECT CONCAT('<', ?, '>')";
    try (WireClient a = WireClient.login(proxy.endpoint(), DemoSchema.SCHEMA, capabilities);
        WireClient b = WireClient.login(proxy.endpoint(), DemoSchema.SCHEMA, capabilities)) {
      int idA = prepare(a, sql);
      int idB = prepare(b, sql);
      assertEquals("<42>", execute(a, idA, true, ColumnType.LONG, intValue(42)));
      assertEquals("<abc>", execute(b, idB, true, ColumnType.VAR_STRING, stringValue("abc")));
      assertEquals("<43>", execute(a, idA, false, ColumnType.LONG, intValue(43)));
      assertEquals("<xyz>", execute(b, idB, false, ColumnType.VAR_STRING, stringValue("xyz")));
    }
  }

  private static int prepare(WireClient client, String sql) throws Exception {
    List<WireClient.Frame> reply =
        client.command(
            WireClient.command(CommandType.COM_STMT_PREPARE, sql.getBytes(StandardCharsets.UTF_8)),
            WireClient.Response.PREPARE);
    byte[] ok = reply.get(0).payload();
    assertEquals(0x00, ok[0] & 0xFF, () -> "prepare failed: " + reply.get(0));
    return Unpooled.wrappedBuffer(ok).getIntLE(1);
  }

  /** Executes a one-parameter statement and returns its one binary-protocol string value. */
  private static String execute(
      WireClient client, int id, boolean sendTypes, int type, byte[] value) throws Exception {
    byte[] request =
        WireClient.bytes(
            buf -> {
              buf.writeByte(CommandType.COM_STMT_EXECUTE).writeIntLE(id).writeByte(0);
              buf.writeIntLE(1).writeByte(0).writeByte(sendTypes ? 1 : 0);
              if (sendTypes) {
                buf.writeByte(type).writeByte(0);
              }
              buf.writeBytes(value);
            });
    List<WireClient.Frame> reply = client.command(request, WireClient.Response.RESULTS);
    WireClient.Frame row = reply.get(reply.size() - 2);
    assertEquals(0x00, row.first(), () -> "no row in " + reply);
    byte[] payload = row.payload();
    // 0x00 header, one byte of NULL bitmap, then the value as a length-encoded string.
    return new String(payload, 3, payload[2], StandardCharsets.UTF_8);
  }

  private static byte[] intValue(int value) {
    return WireClient.bytes(buf -> buf.writeIntLE(value));
  }

  private static byte[] stringValue(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    return WireClient.bytes(buf -> buf.writeByte(bytes.length).writeBytes(bytes));
  }

  @Test
  void aStatementPreparedInOneSchemaIsNotReusedInAnother() throws Exception {
    try (Connection app = proxy.connect(SERVER_PREPARED);
        Connection other = proxy.connect(SERVER_PREPARED)) {
      other.setCatalog(TestCluster.OTHER_SCHEMA);
      try (PreparedStatement inApp = app.prepareStatement("SELECT DATABASE(), ?");
          PreparedStatement inOther = other.prepareStatement("SELECT DATABASE(), ?")) {
        for (int i = 0; i < 3; i++) {
          inApp.setInt(1, i);
          inOther.setInt(1, i);
          assertEquals("appdb", single(inApp));
          assertEquals(TestCluster.OTHER_SCHEMA, single(inOther));
        }
      }
    }
  }
}
