package io.shardway.server.it;

import static io.shardway.server.it.TestCluster.APP_PASSWORD;
import static io.shardway.server.it.TestCluster.APP_USER;
import static io.shardway.server.it.TestCluster.LIMITED_PASSWORD;
import static io.shardway.server.it.TestCluster.LIMITED_USER;
import static io.shardway.server.it.TestCluster.OTHER_SCHEMA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.JdbcConnection;
import io.netty.buffer.Unpooled;
import io.shardway.config.Auth;
import io.shardway.config.Tls;
import io.shardway.protocol.AuthMoreData;
import io.shardway.protocol.AuthSwitchRequest;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.HandshakeV10;
import io.shardway.protocol.auth.CachingSha2Password;
import io.shardway.protocol.auth.NativePassword;
import io.shardway.server.ShardwayServer;
import io.shardway.server.session.ClientSession;
import io.shardway.server.session.PinReason;
import io.shardway.testcluster.DemoSchema;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Client authentication against Shardway's own users, with both common JDBC drivers: both plugins,
 * caching_sha2_password's full exchange over RSA and over TLS, auth switches, the errors of a
 * refused login, COM_CHANGE_USER and COM_RESET_CONNECTION.
 */
class AuthIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The two drivers, each with its spelling of "no TLS", "TLS without verification" etc. */
  enum Driver {
    CONNECTOR_J("jdbc:mysql", "sslMode=DISABLED", "sslMode=REQUIRED", "allowPublicKeyRetrieval"),
    MARIADB("jdbc:mariadb", "sslMode=disable", "sslMode=trust", "allowPublicKeyRetrieval");

    final String scheme;
    final String plain;
    final String tls;
    final String keyRetrieval;

    Driver(String scheme, String plain, String tls, String keyRetrieval) {
      this.scheme = scheme;
      this.plain = plain;
      this.tls = tls;
      this.keyRetrieval = keyRetrieval;
    }

    Connection connect(int port, String schema, String user, String password, String options)
        throws SQLException {
      String url =
          scheme
              + "://127.0.0.1:"
              + port
              + "/"
              + (schema == null ? "" : schema)
              + "?connectTimeout=10000&socketTimeout=30000&"
              + options;
      return DriverManager.getConnection(url, user, password);
    }
  }

  @TempDir static Path certificates;

  private static TestCluster cluster;

  /** mysql_native_password: the shared proxy. */
  private static ShardwayServer nativeProxy;

  /** caching_sha2_password, fast path. */
  private static ShardwayServer sha2Proxy;

  /** A pool of one backend connection: every statement of a session runs on the same one. */
  private static ShardwayServer oneConnectionProxy;

  /** caching_sha2_password, always the full exchange; offers TLS. */
  private static ShardwayServer fullAuthProxy;

  @BeforeAll
  static void startProxies() throws Exception {
    cluster = TestCluster.get();
    nativeProxy = cluster.proxy();
    sha2Proxy =
        cluster.startProxy(new Auth(Auth.CACHING_SHA2_PASSWORD, false), TestCluster.pool(4));
    oneConnectionProxy = cluster.startProxy(c -> TestCluster.withPool(c, TestCluster.pool(1)));
    Tls tls = TestCertificate.writeTo(certificates);
    fullAuthProxy =
        cluster.startProxy(
            c ->
                TestCluster.withPool(
                    TestCluster.withTls(
                        TestCluster.withAuth(c, new Auth(Auth.CACHING_SHA2_PASSWORD, true)), tls),
                    TestCluster.pool(4)));
  }

  @AfterAll
  static void stopProxies() {
    if (sha2Proxy != null) {
      sha2Proxy.close();
    }
    if (fullAuthProxy != null) {
      fullAuthProxy.close();
    }
    if (oneConnectionProxy != null) {
      oneConnectionProxy.close();
    }
  }

  // ---- successful logins -----------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Driver.class)
  void nativePasswordLogsIn(Driver driver) throws Exception {
    try (Connection c =
        driver.connect(nativeProxy.port(), "appdb", APP_USER, APP_PASSWORD, driver.plain)) {
      assertWorks(c, "appdb");
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void cachingSha2FastPathNeedsNeitherTlsNorKey(Driver driver) throws Exception {
    // No public key retrieval and no TLS: only the fast path (scramble check) can succeed.
    try (Connection c =
        driver.connect(
            sha2Proxy.port(),
            "appdb",
            APP_USER,
            APP_PASSWORD,
            driver.plain + "&" + driver.keyRetrieval + "=false")) {
      assertWorks(c, "appdb");
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void fullAuthenticationOverPlainTcpUsesTheRsaKey(Driver driver) throws Exception {
    try (Connection c =
        driver.connect(
            fullAuthProxy.port(),
            "appdb",
            APP_USER,
            APP_PASSWORD,
            driver.plain + "&" + driver.keyRetrieval + "=true")) {
      assertWorks(c, "appdb");
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void fullAuthenticationWithoutTlsOrKeyRetrievalIsRefusedByTheDriver(Driver driver) {
    // Proves the proxy asked for full authentication: the driver may not send the password.
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                driver
                    .connect(
                        fullAuthProxy.port(),
                        "appdb",
                        APP_USER,
                        APP_PASSWORD,
                        driver.plain + "&" + driver.keyRetrieval + "=false")
                    .close());
    assertTrue(messages(e).toLowerCase(Locale.ROOT).contains("public key"), () -> messages(e));
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void fullAuthenticationOverTlsSendsThePassword(Driver driver) throws Exception {
    // No key retrieval: over plain TCP this would fail (see above), so TLS is in use.
    try (Connection c =
        driver.connect(
            fullAuthProxy.port(),
            "appdb",
            APP_USER,
            APP_PASSWORD,
            driver.tls + "&" + driver.keyRetrieval + "=false")) {
      assertWorks(c, "appdb");
      if (driver == Driver.CONNECTOR_J) {
        assertTrue(
            c.unwrap(JdbcConnection.class).getSession().isSSLEstablished(),
            "connector-j reports TLS");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void anotherUserAndSchemaOverTls(Driver driver) throws Exception {
    // The cleartext password of full authentication, for a user limited to one schema.
    try (Connection c =
        driver.connect(
            fullAuthProxy.port(), OTHER_SCHEMA, LIMITED_USER, LIMITED_PASSWORD, driver.tls)) {
      assertWorks(c, OTHER_SCHEMA);
    }
  }

  @Test
  void requiringTlsFromAProxyWithoutTlsFails() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                Driver.CONNECTOR_J
                    .connect(
                        nativeProxy.port(), "appdb", APP_USER, APP_PASSWORD, "sslMode=REQUIRED")
                    .close());
    assertTrue(messages(e).toUpperCase(Locale.ROOT).contains("SSL"), () -> messages(e));
  }

  /**
   * A client may send its TLS ClientHello right behind the SSLRequest, and both can arrive in one
   * read; the hello must still reach TLS, not the packet decoder.
   */
  @Test
  void clientHelloInTheSameSegmentAsTheSslRequest() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {new TrustAll()}, null);
    SSLEngine engine = tls.createSSLEngine("127.0.0.1", fullAuthProxy.port());
    engine.setUseClientMode(true);
    engine.beginHandshake();
    ByteBuffer hello = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
    engine.wrap(ByteBuffer.allocate(0), hello);
    hello.flip();
    try (RawMysqlClient client = RawMysqlClient.connect(fullAuthProxy.port(), TIMEOUT)) {
      HandshakeV10 handshake = client.readHandshake();
      assertTrue((handshake.capabilities() & CapabilityFlags.CLIENT_SSL) != 0, "TLS offered");
      byte[] sslRequest =
          RawMysqlClient.bytes(
              b ->
                  b.writeIntLE(RawMysqlClient.CAPABILITIES | CapabilityFlags.CLIENT_SSL)
                      .writeIntLE(16 * 1024 * 1024)
                      .writeByte(RawMysqlClient.UTF8MB4_GENERAL_CI)
                      .writeZero(23));
      byte[] segment = new byte[4 + sslRequest.length + hello.remaining()];
      segment[0] = (byte) sslRequest.length;
      segment[3] = 1;
      System.arraycopy(sslRequest, 0, segment, 4, sslRequest.length);
      hello.get(segment, 4 + sslRequest.length, hello.remaining());
      client.setReadTimeout(Duration.ofSeconds(5));
      client.writeRaw(segment);
      byte[] record = client.readBytes(3);
      // A TLS handshake record (ServerHello), version 3.x.
      assertEquals(0x16, record[0] & 0xFF, "TLS handshake record from the proxy");
      assertEquals(0x03, record[1] & 0xFF);
    }
  }

  /** Trusts the test's self-signed certificate. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  // ---- auth switch -----------------------------------------------------------------------------

  @Test
  void switchesANativePasswordClientToCachingSha2() throws Exception {
    assertSwitchedLogin(sha2Proxy, "mysql_native_password");
  }

  @Test
  void switchesACachingSha2ClientToNativePassword() throws Exception {
    assertSwitchedLogin(nativeProxy, "caching_sha2_password");
  }

  /** connector-j answers the handshake with its configured plugin; the proxy switches it. */
  private static void assertSwitchedLogin(ShardwayServer proxy, String clientPlugin)
      throws Exception {
    try (HandshakeTap tap = new HandshakeTap(proxy.port());
        Connection c =
            Driver.CONNECTOR_J.connect(
                tap.port(),
                "appdb",
                APP_USER,
                APP_PASSWORD,
                "sslMode=DISABLED&allowPublicKeyRetrieval=false&defaultAuthenticationPlugin="
                    + clientPlugin)) {
      assertWorks(c, "appdb");
      List<Integer> headers = tap.connectionPhaseHeaders();
      // Handshake (0x0A), AuthSwitchRequest (0xFE), [fast-auth-success 0x01], OK.
      assertEquals(0x0A, headers.get(0), headers::toString);
      assertEquals(AuthSwitchRequest.HEADER, headers.get(1), headers::toString);
      assertEquals(0x00, headers.get(headers.size() - 1), headers::toString);
    }
  }

  @Test
  void rawAuthSwitchToCachingSha2() throws Exception {
    try (RawMysqlClient client = RawMysqlClient.connect(sha2Proxy.port(), TIMEOUT)) {
      HandshakeV10 handshake = client.readHandshake();
      assertEquals("caching_sha2_password", handshake.authPluginName());
      client.write(
          1,
          RawMysqlClient.handshakeResponse(
              handshake, APP_USER, APP_PASSWORD, "appdb", "mysql_native_password"));
      RawMysqlClient.RawPacket switchPacket = client.read();
      assertEquals(2, switchPacket.sequenceId());
      AuthSwitchRequest request =
          AuthSwitchRequest.decode(Unpooled.wrappedBuffer(switchPacket.payload()));
      assertEquals("caching_sha2_password", request.pluginName());
      assertArrayEquals(handshake.authPluginData(), request.pluginData());
      client.write(3, CachingSha2Password.scramble(APP_PASSWORD, request.pluginData()));
      RawMysqlClient.RawPacket fast = client.read();
      assertArrayEquals(
          new byte[] {AuthMoreData.HEADER, AuthMoreData.FAST_AUTH_SUCCESS}, fast.payload());
      RawMysqlClient.RawPacket ok = client.read();
      assertTrue(ok.isOk(), ok::toString);
      assertEquals(5, ok.sequenceId());
    }
  }

  @Test
  void rawAuthSwitchWithAWrongProofIsDenied() throws Exception {
    try (RawMysqlClient client = RawMysqlClient.connect(nativeProxy.port(), TIMEOUT)) {
      HandshakeV10 handshake = client.readHandshake();
      client.write(
          1,
          RawMysqlClient.handshakeResponse(
              handshake, APP_USER, APP_PASSWORD, "appdb", "caching_sha2_password"));
      AuthSwitchRequest request =
          AuthSwitchRequest.decode(Unpooled.wrappedBuffer(client.read().payload()));
      assertEquals("mysql_native_password", request.pluginName());
      client.write(3, NativePassword.scramble("not-" + APP_PASSWORD, request.pluginData()));
      RawMysqlClient.RawPacket err = client.read();
      assertTrue(err.isErr(), err::toString);
      assertEquals(1045, err.err().errorCode());
      assertEquals("28000", err.err().sqlState());
      assertTrue(client.awaitClosedByPeer(), "the proxy closes the connection after ERR");
    }
  }

  // ---- refused logins --------------------------------------------------------------------------

  enum Plugin {
    NATIVE,
    SHA2_FAST,
    SHA2_FULL_RSA,
    SHA2_FULL_TLS
  }

  private static Connection connect(
      Driver driver, Plugin plugin, String schema, String user, String password)
      throws SQLException {
    return switch (plugin) {
      case NATIVE -> driver.connect(nativeProxy.port(), schema, user, password, driver.plain);
      case SHA2_FAST -> driver.connect(sha2Proxy.port(), schema, user, password, driver.plain);
      case SHA2_FULL_RSA ->
          driver.connect(
              fullAuthProxy.port(),
              schema,
              user,
              password,
              driver.plain + "&" + driver.keyRetrieval + "=true");
      case SHA2_FULL_TLS ->
          driver.connect(fullAuthProxy.port(), schema, user, password, driver.tls);
    };
  }

  @ParameterizedTest
  @EnumSource(Plugin.class)
  void wrongPasswordIsAccessDenied(Plugin plugin) {
    for (Driver driver : Driver.values()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> connect(driver, plugin, "appdb", APP_USER, "wrong-" + APP_PASSWORD).close(),
              driver::name);
      SQLException server = serverError(e);
      assertEquals(1045, server.getErrorCode(), driver + ": " + messages(e));
      assertEquals("28000", server.getSQLState(), driver + ": " + messages(e));
      assertTrue(
          server.getMessage().contains("Access denied for user '" + APP_USER + "'"),
          server::getMessage);
    }
  }

  @ParameterizedTest
  @EnumSource(Plugin.class)
  void unknownUserIsAccessDenied(Plugin plugin) {
    for (Driver driver : Driver.values()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> connect(driver, plugin, "appdb", "nobody", APP_PASSWORD).close(),
              driver::name);
      SQLException server = serverError(e);
      assertEquals(1045, server.getErrorCode(), driver + ": " + messages(e));
      assertEquals("28000", server.getSQLState(), driver + ": " + messages(e));
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void unknownSchemaIs1049(Driver driver) {
    for (Plugin plugin : Plugin.values()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> connect(driver, plugin, "no_such_db", APP_USER, APP_PASSWORD).close(),
              plugin::name);
      SQLException server = serverError(e);
      assertEquals(1049, server.getErrorCode(), plugin + ": " + messages(e));
      assertEquals("42000", server.getSQLState(), plugin + ": " + messages(e));
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void schemaTheUserMayNotUseIs1044(Driver driver) throws Exception {
    for (Plugin plugin : Plugin.values()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  connect(driver, plugin, DemoSchema.SCHEMA, LIMITED_USER, LIMITED_PASSWORD)
                      .close(),
              plugin::name);
      SQLException server = serverError(e);
      assertEquals(1044, server.getErrorCode(), plugin + ": " + messages(e));
      assertEquals("42000", server.getSQLState(), plugin + ": " + messages(e));
      try (Connection ok = connect(driver, plugin, OTHER_SCHEMA, LIMITED_USER, LIMITED_PASSWORD)) {
        assertWorks(ok, OTHER_SCHEMA);
      }
    }
  }

  // ---- COM_CHANGE_USER and COM_RESET_CONNECTION ------------------------------------------------

  @ParameterizedTest
  @EnumSource(
      value = Plugin.class,
      names = {"NATIVE", "SHA2_FAST"})
  void changeUserSwitchesUserAndResetsTheSession(Plugin plugin) throws Exception {
    try (Connection c =
            connect(Driver.CONNECTOR_J, plugin, OTHER_SCHEMA, LIMITED_USER, LIMITED_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("SET @before = 42");
      s.execute("CREATE TEMPORARY TABLE change_user_tmp (id INT)");
      assertEquals("42", single(s, "SELECT @before"));
      SQLException denied = assertThrows(SQLException.class, () -> s.execute("USE appdb"));
      assertEquals(1044, denied.getErrorCode(), denied::getMessage);

      c.unwrap(JdbcConnection.class).changeUser(APP_USER, APP_PASSWORD);

      assertNull(single(s, "SELECT @before"), "user variables are gone");
      SQLException noTable =
          assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM change_user_tmp"));
      assertEquals(1146, noTable.getErrorCode(), noTable::getMessage);
      assertEquals(OTHER_SCHEMA, single(s, "SELECT DATABASE()"));
      assertEquals(Set.of(), session(proxyOf(plugin), c).pinReasons());
      assertEquals(APP_USER, session(proxyOf(plugin), c).user());
      // The proxy now checks schemas as the new user.
      s.execute("USE appdb");
      assertEquals("200", single(s, "SELECT COUNT(*) FROM users"));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Plugin.class,
      names = {"NATIVE", "SHA2_FAST"})
  void changeUserWithAWrongPasswordIsAccessDenied(Plugin plugin) throws Exception {
    try (Connection c = connect(Driver.CONNECTOR_J, plugin, "appdb", APP_USER, APP_PASSWORD)) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> c.unwrap(JdbcConnection.class).changeUser(APP_USER, "wrong-" + APP_PASSWORD));
      SQLException server = serverError(e);
      assertEquals(1045, server.getErrorCode(), messages(e));
      assertEquals("28000", server.getSQLState(), messages(e));
    }
  }

  @Test
  void resetConnectionWithConnectorJClearsVariablesAndTemporaryTables() throws Exception {
    try (Connection c =
        Driver.CONNECTOR_J.connect(
            oneConnectionProxy.port(), "appdb", APP_USER, APP_PASSWORD, "sslMode=DISABLED")) {
      assertResetClearsSession(c, () -> c.unwrap(JdbcConnection.class).resetServerState());
    }
  }

  @Test
  void resetConnectionWithMariaDbConnectorClearsVariablesAndTemporaryTables() throws Exception {
    try (Connection c =
        Driver.MARIADB.connect(
            oneConnectionProxy.port(),
            "appdb",
            APP_USER,
            APP_PASSWORD,
            "sslMode=disable&useResetConnection=true")) {
      assertResetClearsSession(c, () -> c.unwrap(org.mariadb.jdbc.Connection.class).reset());
    }
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private static void assertResetClearsSession(Connection c, SqlAction reset) throws Exception {
    try (Statement s = c.createStatement()) {
      String defaultLength = single(s, "SELECT @@GLOBAL.group_concat_max_len");
      s.execute("SET @v = 7");
      s.execute("SET SESSION group_concat_max_len = 4321");
      s.execute("CREATE TEMPORARY TABLE reset_tmp (id INT)");
      s.execute("INSERT INTO reset_tmp VALUES (1)");
      assertEquals("7", single(s, "SELECT @v"));
      assertEquals("1", single(s, "SELECT COUNT(*) FROM reset_tmp"));
      ClientSession session = session(oneConnectionProxy, c);
      String backend = single(s, "SELECT CONNECTION_ID()");
      assertTrue(
          session.pinReasons().contains(PinReason.TEMPORARY_TABLE),
          () -> session.pinReasons().toString());
      assertTrue(
          session.pinReasons().contains(PinReason.USER_VARIABLE),
          () -> session.pinReasons().toString());

      reset.run();

      assertNull(single(s, "SELECT @v"));
      assertEquals(defaultLength, single(s, "SELECT @@SESSION.group_concat_max_len"));
      SQLException gone =
          assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM reset_tmp"));
      assertEquals(1146, gone.getErrorCode(), gone::getMessage);
      assertEquals("appdb", single(s, "SELECT DATABASE()"), "the schema survives a reset");
      // One backend connection: the checks above ran where the table and variable were.
      assertEquals(backend, single(s, "SELECT CONNECTION_ID()"));
      assertEquals(Set.of(), session.pinReasons());
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static void assertWorks(Connection c, String schema) throws SQLException {
    try (Statement s = c.createStatement()) {
      assertEquals(schema, single(s, "SELECT DATABASE()"));
      assertEquals("2", single(s, "SELECT 1 + 1"));
    }
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      String value = rs.getString(1);
      assertFalse(rs.next(), sql);
      return value;
    }
  }

  /** The proxy's session behind a connection, by the id the handshake announced. */
  private static ClientSession session(ShardwayServer proxy, Connection c) throws SQLException {
    long id =
        c.isWrapperFor(JdbcConnection.class)
            ? c.unwrap(JdbcConnection.class).getId()
            : c.unwrap(org.mariadb.jdbc.Connection.class).getThreadId();
    return proxy.sessions().registry().sessions().stream()
        .filter(s -> s.connectionId() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no proxy session " + id));
  }

  private static ShardwayServer proxyOf(Plugin plugin) {
    return switch (plugin) {
      case NATIVE -> nativeProxy;
      case SHA2_FAST -> sha2Proxy;
      case SHA2_FULL_RSA, SHA2_FULL_TLS -> fullAuthProxy;
    };
  }

  /** The exception in the chain that carries the server's error code. */
  private static SQLException serverError(SQLException e) {
    Throwable t = e;
    while (t != null) {
      if (t instanceof SQLException s && s.getErrorCode() != 0) {
        return s;
      }
      t = t.getCause();
    }
    return e;
  }

  private static String messages(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" / ");
    }
    return out.toString();
  }
}
