package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.config.Admin;
import io.shardway.config.Auth;
import io.shardway.config.Pool;
import io.shardway.config.ReadWrite;
import io.shardway.config.ShardGroup;
import io.shardway.config.ShardwayConfig;
import io.shardway.server.ShardwayServer;
import io.shardway.testcluster.DemoSchema;
import io.shardway.testcluster.MariaDbServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin HTTP endpoint of a real server, read with java.net.http while mysql-connector-j runs
 * statements through the proxy: health, the metrics those statements leave, and the token-guarded
 * pages. Shard group s0 is the shared MariaDB; s1, a server of its own whose backend account may
 * only log in, is stopped by one test.
 */
class AdminHttpIT {
  private static final String TOKEN = "admin-http-it-token";
  private static final String TABLE = "admin_http_it";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static TestCluster cluster;
  private static MariaDbServer s1;
  private static ShardwayServer proxy;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.get();
    cluster
        .mariadb()
        .execute(
            "DROP TABLE IF EXISTS " + DemoSchema.SCHEMA + "." + TABLE,
            "CREATE TABLE " + DemoSchema.SCHEMA + "." + TABLE + " (id INT PRIMARY KEY)");
    s1 = MariaDbServer.start();
    // No privilege beyond logging in, as in a least-privilege deployment: health needs no more.
    for (String host : List.of("127.0.0.1", "localhost")) {
      s1.execute(
          "CREATE USER '"
              + TestCluster.BACKEND_USER
              + "'@'"
              + host
              + "' IDENTIFIED BY '"
              + TestCluster.BACKEND_PASSWORD
              + "'");
    }
    proxy = ShardwayServer.start(config(Optional.of(TOKEN)));
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (s1 != null) {
      s1.close();
    }
    cluster.mariadb().execute("DROP TABLE IF EXISTS " + DemoSchema.SCHEMA + "." + TABLE);
  }

  /** Groups s0 and s1, checked every 100 ms, with the admin endpoint on a free port. */
  private static ShardwayConfig config(Optional<String> token) {
    ShardwayConfig c = TestCluster.config(cluster.mariadb(), Auth.DEFAULTS, Pool.DEFAULTS);
    Map<String, ShardGroup> groups = new LinkedHashMap<>(c.shardGroups());
    groups.put("s1", new ShardGroup("s1", TestCluster.address(s1), List.of()));
    ReadWrite d = ReadWrite.DEFAULTS;
    return new ShardwayConfig(
        c.listen(),
        c.tls(),
        c.auth(),
        c.maxAllowedPacket(),
        c.users(),
        c.backendUser(),
        groups,
        c.schemas(),
        c.pool(),
        new ReadWrite(
            d.stickyAfterWrite(),
            d.readYourWrites(),
            d.gtidWaitTimeout(),
            d.maxReplicaLag(),
            d.balance(),
            Duration.ofMillis(100),
            d.heartbeatTable()),
        Optional.of(new Admin("127.0.0.1", 0, token)),
        c.workerId(),
        c.source());
  }

  private static Connection connect(String password) throws SQLException {
    return DriverManager.getConnection(
        TestCluster.url(proxy.port(), DemoSchema.SCHEMA, ""), TestCluster.APP_USER, password);
  }

  private static HttpResponse<String> get(ShardwayServer server, String path, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.adminAddress().orElseThrow().getPort() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return get(proxy, path, null);
  }

  private static PrometheusText scrape() throws Exception {
    HttpResponse<String> metrics = get("/metrics");
    assertEquals(200, metrics.statusCode(), metrics.body());
    assertTrue(
        metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
        metrics.headers().toString());
    return new PrometheusText(metrics.body());
  }

  private static double delta(
      PrometheusText before, PrometheusText after, String name, String... labels) {
    Double was = before.value(name, labels);
    Double is = after.value(name, labels);
    return (is == null ? 0 : is) - (was == null ? 0 : was);
  }

  private static double statements(
      PrometheusText before, PrometheusText after, String type, String route, String result) {
    return delta(
        before, after, "shardway_statements_total", "type", type, "route", route, "result", result);
  }

  /** Polls {@code path} until its answer passes {@code done}, for {@link #WAIT} at most. */
  private static HttpResponse<String> await(String path, Predicate<HttpResponse<String>> done)
      throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    HttpResponse<String> answer = get(path);
    while (!done.test(answer) && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(50);
      answer = get(path);
    }
    return answer;
  }

  @Test
  void theMetricsCountTheWorkloadExactly() throws Exception {
    PrometheusText before;
    PrometheusText during;
    try (Connection c = connect(TestCluster.APP_PASSWORD);
        Statement s = c.createStatement()) {
      // After the driver's own statements at connect.
      before = scrape();
      for (int i = 0; i < 5; i++) {
        s.executeQuery("SELECT COUNT(*) FROM " + TABLE).close();
      }
      s.executeUpdate("INSERT INTO " + TABLE + " VALUES (1)");
      s.executeUpdate("INSERT INTO " + TABLE + " VALUES (2)");
      SQLException missing =
          assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM no_such_table"));
      assertEquals(1146, missing.getErrorCode(), missing::getMessage);
      during = scrape();
      assertTrue(during.value("shardway_frontend_connections") >= 1);
    }

    assertEquals(5.0, statements(before, during, "read", "primary", "ok"));
    assertEquals(2.0, statements(before, during, "write", "primary", "ok"));
    assertEquals(1.0, statements(before, during, "read", "primary", "1146"));
    assertEquals(
        8.0,
        during.sum("shardway_statement_duration_seconds_count")
            - before.sum("shardway_statement_duration_seconds_count"));
    assertEquals(
        8.0, during.sum("shardway_statements_total") - before.sum("shardway_statements_total"));

    assertTrue(before.value("shardway_frontend_received_bytes_total") > 0);
    assertTrue(
        during.value("shardway_frontend_received_bytes_total")
            > before.value("shardway_frontend_received_bytes_total"));
    assertTrue(
        during.value("shardway_frontend_sent_bytes_total")
            > before.value("shardway_frontend_sent_bytes_total"));

    assertEquals(1.0, during.value("shardway_backend_up", "group", "s0", "backend", "s0-primary"));
    assertEquals(
        1.0, during.value("shardway_backend_writer", "group", "s0", "backend", "s0-primary"));
    Double active =
        during.value(
            "shardway_backend_pool_connections",
            "group",
            "s0",
            "backend",
            "s0-primary",
            "state",
            "active");
    Double idle =
        during.value(
            "shardway_backend_pool_connections",
            "group",
            "s0",
            "backend",
            "s0-primary",
            "state",
            "idle");
    assertNotNull(active);
    assertTrue(active + idle >= 1, "pooled connections: " + active + " active, " + idle + " idle");
    assertEquals(
        0.0,
        during.value(
            "shardway_backend_pool_waiting_threads", "group", "s0", "backend", "s0-primary"));

    PrometheusText after =
        new PrometheusText(
            await(
                    "/metrics",
                    answer ->
                        new PrometheusText(answer.body()).value("shardway_frontend_connections")
                            == 0)
                .body());
    assertEquals(0.0, after.value("shardway_frontend_connections"), "after the client closed");
  }

  @Test
  void eachConnectionIsAcceptedOnceAndABadPasswordIsRejected() throws Exception {
    PrometheusText before = scrape();
    try (Connection c = connect(TestCluster.APP_PASSWORD)) {
      assertTrue(c.isValid(5));
    }
    SQLException denied = assertThrows(SQLException.class, () -> connect("not-the-password"));
    assertEquals(1045, denied.getErrorCode(), denied::getMessage);
    PrometheusText after = scrape();

    assertEquals(2.0, delta(before, after, "shardway_frontend_connections_accepted_total"));
    assertEquals(
        1.0,
        delta(before, after, "shardway_frontend_connections_rejected_total", "reason", "auth"));
    assertEquals(
        0.0,
        delta(before, after, "shardway_frontend_connections_rejected_total", "reason", "schema"));
  }

  @Test
  void livenessAndReadinessAnswerWhileTheBackendsDo() throws Exception {
    HttpResponse<String> live = get("/health/live");
    HttpResponse<String> ready = get("/health/ready");

    assertEquals(200, live.statusCode());
    assertEquals("ok\n", live.body());
    assertEquals(200, ready.statusCode(), ready.body());
    assertEquals("{\"status\":\"ready\"}\n", ready.body());
  }

  @Test
  void readinessNamesTheGroupWhosePrimaryStoppedUntilItIsBack() throws Exception {
    s1.stop();
    try {
      HttpResponse<String> down = await("/health/ready", answer -> answer.statusCode() == 503);
      assertEquals(503, down.statusCode(), down.body());
      assertTrue(down.body().contains("\"group\":\"s1\""), down.body());
      assertTrue(down.body().contains("\"backend\":\"s1-primary\""), down.body());
      assertTrue(down.body().contains("\"state\":\"down\""), down.body());
      assertFalse(down.body().contains("\"group\":\"s0\""), down.body());
      assertEquals(
          0.0, scrape().value("shardway_backend_up", "group", "s1", "backend", "s1-primary"));
    } finally {
      s1.restart();
    }
    HttpResponse<String> back = await("/health/ready", answer -> answer.statusCode() == 200);
    assertEquals(200, back.statusCode(), back.body());
  }

  @Test
  void theAdminPagesNeedTheToken() throws Exception {
    HttpResponse<String> none = get(proxy, "/admin/backends", null);
    HttpResponse<String> wrong = get(proxy, "/admin/backends", "not-" + TOKEN);
    HttpResponse<String> backends = get(proxy, "/admin/backends", TOKEN);

    assertEquals(401, none.statusCode(), none.body());
    assertEquals(
        Optional.of("Bearer realm=\"shardway\""), none.headers().firstValue("WWW-Authenticate"));
    assertEquals(401, wrong.statusCode(), wrong.body());
    assertEquals(200, backends.statusCode(), backends.body());
    assertEquals(Optional.of("application/json"), backends.headers().firstValue("Content-Type"));
    for (String name : List.of("s0-primary", "s1-primary")) {
      assertTrue(backends.body().contains("\"name\":\"" + name + "\""), backends.body());
    }
    assertTrue(backends.body().contains("\"role\":\"writer\""), backends.body());
    assertTrue(backends.body().contains("\"pool\":{\"active\":"), backends.body());
  }

  @Test
  void theConfigPageMasksEverySecret() throws Exception {
    HttpResponse<String> config = get(proxy, "/admin/config", TOKEN);

    assertEquals(200, config.statusCode(), config.body());
    for (String secret :
        List.of(
            TestCluster.APP_PASSWORD,
            TestCluster.LIMITED_PASSWORD,
            TestCluster.BACKEND_PASSWORD,
            TOKEN)) {
      assertFalse(config.body().contains(secret), secret + " in " + config.body());
    }
    assertTrue(config.body().contains("\"name\":\"" + TestCluster.APP_USER + "\""), config.body());
    assertTrue(config.body().contains("\"password\":\"******\""), config.body());
    assertTrue(config.body().contains("\"monitorInterval\":\"100ms\""), config.body());
  }

  @Test
  void withoutAConfiguredTokenTheAdminPagesAreClosed() throws Exception {
    try (ShardwayServer open = ShardwayServer.start(config(Optional.empty()))) {
      HttpResponse<String> refused = get(open, "/admin/config", TOKEN);
      HttpResponse<String> ready = get(open, "/health/ready", null);

      assertEquals(403, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("admin.token"), refused.body());
      assertEquals(200, ready.statusCode(), "health needs no token: " + ready.body());
      assertTrue(
          open.adminAddress().orElseThrow().getPort()
              != proxy.adminAddress().orElseThrow().getPort());
    }
  }

  @Test
  void unknownPagesAndOtherMethodsAreRefused() throws Exception {
    HttpResponse<String> missing = get("/health/nope");
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + proxy.adminAddress().orElseThrow().getPort()
                            + "/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(404, missing.statusCode(), missing.body());
    assertEquals(405, post.statusCode(), post.body());
    assertEquals(Optional.of("GET"), post.headers().firstValue("Allow"));
  }
}
