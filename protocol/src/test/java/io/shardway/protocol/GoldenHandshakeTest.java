package io.shardway.protocol;

import static io.shardway.protocol.CapabilityFlags.CLIENT_CONNECT_ATTRS;
import static io.shardway.protocol.CapabilityFlags.CLIENT_CONNECT_WITH_DB;
import static io.shardway.protocol.CapabilityFlags.CLIENT_DEPRECATE_EOF;
import static io.shardway.protocol.CapabilityFlags.CLIENT_MYSQL;
import static io.shardway.protocol.CapabilityFlags.CLIENT_PLUGIN_AUTH;
import static io.shardway.protocol.CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA;
import static io.shardway.protocol.CapabilityFlags.CLIENT_PROTOCOL_41;
import static io.shardway.protocol.CapabilityFlags.CLIENT_SECURE_CONNECTION;
import static io.shardway.protocol.CapabilityFlags.CLIENT_SESSION_TRACK;
import static io.shardway.protocol.CapabilityFlags.CLIENT_SSL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.protocol.auth.AuthPlugins;
import io.shardway.protocol.auth.CachingSha2Password;
import io.shardway.protocol.auth.NativePassword;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The connection phase as MariaDB 10.11, its CLI (libmariadb) and Connector/J really spoke it. The
 * password of every capture is "secret", so each client answer is also a test vector for the
 * password scrambles, computed by the client's own implementation.
 */
class GoldenHandshakeTest {
  private static final String PASSWORD = "secret";

  @Test
  void mariadbHandshake() {
    HandshakeV10 handshake = handshake(GoldenFile.read("cli-text-resultset.hex"));

    // MariaDB prefixes "5.5.5-" so that old MySQL clients do not take 10.x for MySQL 10.
    assertEquals("5.5.5-10.11.19-MariaDB-0+deb12u1", handshake.serverVersion());
    assertEquals(5, handshake.connectionId());
    assertEquals(AuthPlugins.MYSQL_NATIVE_PASSWORD, handshake.authPluginName());
    assertEquals(20, handshake.authPluginData().length);
    assertEquals(45, handshake.characterSet()); // utf8mb4_general_ci
    assertEquals(ServerStatus.AUTOCOMMIT, handshake.statusFlags());
    int caps = handshake.capabilities();
    for (int flag :
        new int[] {
          CLIENT_PROTOCOL_41,
          CLIENT_SECURE_CONNECTION,
          CLIENT_PLUGIN_AUTH,
          CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA,
          CLIENT_CONNECT_ATTRS,
          CLIENT_CONNECT_WITH_DB,
          CLIENT_SESSION_TRACK,
          CLIENT_DEPRECATE_EOF
        }) {
      assertTrue(CapabilityFlags.has(caps, flag), () -> "flag 0x" + Integer.toHexString(flag));
    }
    assertFalse(CapabilityFlags.has(caps, CLIENT_SSL)); // the server ran with --skip-ssl
    // A MariaDB server clears CLIENT_MYSQL and sends its extended capabilities instead.
    assertFalse(CapabilityFlags.has(caps, CLIENT_MYSQL));
    assertEquals(
        CapabilityFlags.MARIADB_CLIENT_PROGRESS
            | CapabilityFlags.MARIADB_CLIENT_STMT_BULK_OPERATIONS
            | CapabilityFlags.MARIADB_CLIENT_EXTENDED_METADATA
            | CapabilityFlags.MARIADB_CLIENT_CACHE_METADATA,
        handshake.extendedCapabilities());
  }

  @Test
  void mariadbCliResponse() {
    GoldenFile file = GoldenFile.read("cli-text-resultset.hex");
    GoldenFile.Frame frame = file.first("handshake-response");
    assertEquals(1, frame.sequenceId());
    assertFalse(HandshakeResponse.isSslRequest(frame.payload()));
    HandshakeResponse response = HandshakeResponse.decode(frame.payload());

    assertEquals("shard", response.username());
    assertEquals("shardway", response.database());
    assertEquals(AuthPlugins.MYSQL_NATIVE_PASSWORD, response.authPluginName());
    assertEquals(45, response.characterSet());
    assertEquals(1 << 20, response.maxPacketSize());
    int caps = response.capabilities();
    assertTrue(CapabilityFlags.has(caps, CLIENT_CONNECT_WITH_DB));
    assertTrue(CapabilityFlags.has(caps, CLIENT_CONNECT_ATTRS));
    assertTrue(CapabilityFlags.has(caps, CLIENT_PLUGIN_AUTH));
    assertTrue(CapabilityFlags.has(caps, CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA));
    assertTrue(CapabilityFlags.has(caps, CLIENT_SESSION_TRACK));
    assertFalse(CapabilityFlags.has(caps, CLIENT_DEPRECATE_EOF));
    assertEquals(0x1D, response.extendedCapabilities());
    assertEquals("libmariadb", response.connectAttributes().get("_client_name"));
    assertEquals("mysql", response.connectAttributes().get("program_name"));
    assertEquals(
        0,
        file.capabilities() & CLIENT_DEPRECATE_EOF,
        "the mariadb CLI does not negotiate CLIENT_DEPRECATE_EOF");

    byte[] proof = response.authResponse();
    assertEquals(20, proof.length);
    assertTrue(NativePassword.verify(PASSWORD, handshake(file).authPluginData(), proof));
    assertArrayEquals(NativePassword.scramble(PASSWORD, handshake(file).authPluginData()), proof);
  }

  @Test
  void connectorJResponse() {
    GoldenFile file = GoldenFile.read("jdbc-text-resultset.hex");
    HandshakeResponse response =
        HandshakeResponse.decode(file.first("handshake-response").payload());

    assertEquals("shard", response.username());
    assertEquals("shardway", response.database());
    assertEquals(AuthPlugins.MYSQL_NATIVE_PASSWORD, response.authPluginName());
    assertEquals("MySQL Connector/J", response.connectAttributes().get("_client_name"));
    assertTrue(CapabilityFlags.has(file.capabilities(), CLIENT_DEPRECATE_EOF));
    assertFalse(CapabilityFlags.has(response.capabilities(), CLIENT_SESSION_TRACK));
    // Connector/J does not speak MariaDB's extensions: the filler stays zero.
    assertEquals(0, response.extendedCapabilities());
    assertTrue(
        NativePassword.verify(PASSWORD, handshake(file).authPluginData(), response.authResponse()));

    OkPacket ok = OkPacket.decode(file.first("ok").payload());
    assertEquals(new OkPacket(0, 0, ServerStatus.AUTOCOMMIT, 0), ok);
    assertEquals(2, file.first("ok").sequenceId());
  }

  @Test
  void authSwitchFromCachingSha2ToNativePassword() {
    GoldenFile file = GoldenFile.read("cli-auth-switch.hex");
    byte[] scramble = handshake(file).authPluginData();
    HandshakeResponse response =
        HandshakeResponse.decode(file.first("handshake-response").payload());
    // The client's plugin differs from the server's, so it sends no proof and waits for a switch.
    assertEquals(AuthPlugins.CACHING_SHA2_PASSWORD, response.authPluginName());
    assertEquals(0, response.authResponse().length);

    GoldenFile.Frame switchFrame = file.first("auth-switch-request");
    assertEquals(2, switchFrame.sequenceId());
    AuthSwitchRequest switchRequest = AuthSwitchRequest.decode(switchFrame.payload());
    assertEquals(AuthPlugins.MYSQL_NATIVE_PASSWORD, switchRequest.pluginName());
    // MariaDB switches with the handshake's scramble; the NUL that ends it on the wire is dropped.
    assertArrayEquals(scramble, switchRequest.pluginData());

    GoldenFile.Frame answer = file.first("auth-switch-response");
    assertEquals(3, answer.sequenceId());
    assertArrayEquals(NativePassword.scramble(PASSWORD, scramble), answer.payloadBytes());

    GoldenFile.Frame okFrame = file.all("ok").get(0);
    assertEquals(4, okFrame.sequenceId());
    OkPacket ok = OkPacket.decode(okFrame.payload());
    assertEquals(ServerStatus.AUTOCOMMIT | ServerStatus.SESSION_STATE_CHANGED, ok.statusFlags());
    assertEquals("", ok.info());
    // SESSION_TRACK_SCHEMA (1), 9 bytes: the lenenc schema name the client connected with.
    byte[] schema = "\u0001\u0009\u0008shardway".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(schema, ok.sessionState());
  }

  @Test
  void cachingSha2PasswordAnswerOfRealClient() {
    GoldenFile file = GoldenFile.read("cli-caching-sha2-response.hex");
    HandshakeV10 handshake = handshake(file);
    assertEquals(AuthPlugins.CACHING_SHA2_PASSWORD, handshake.authPluginName());
    byte[] scramble = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(scramble, handshake.authPluginData());
    assertTrue(CapabilityFlags.has(handshake.capabilities(), CLIENT_MYSQL));

    HandshakeResponse response =
        HandshakeResponse.decode(file.first("handshake-response").payload());
    assertEquals(AuthPlugins.CACHING_SHA2_PASSWORD, response.authPluginName());
    assertEquals(0, response.extendedCapabilities());
    assertEquals(32, response.authResponse().length);
    assertArrayEquals(CachingSha2Password.scramble(PASSWORD, scramble), response.authResponse());
    assertTrue(CachingSha2Password.verify(PASSWORD, scramble, response.authResponse()));
    assertFalse(CachingSha2Password.verify("Secret", scramble, response.authResponse()));
  }

  private static HandshakeV10 handshake(GoldenFile file) {
    GoldenFile.Frame frame = file.first("handshake-v10");
    assertEquals(0, frame.sequenceId());
    return HandshakeV10.decode(frame.payload());
  }
}
