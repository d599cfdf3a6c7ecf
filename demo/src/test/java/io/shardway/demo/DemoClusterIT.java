package io.shardway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.testcluster.DemoSchema;
import io.shardway.testcluster.MariaDbServer;
import io.shardway.testcluster.ReplicatedGroup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoClusterIT {
  private static DemoCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = DemoCluster.start(0, 0);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void eachUserIsInTheGroupTheAlgorithmPicksAndBothGroupsHaveSome() throws SQLException {
    long total = 0;
    for (String name : DemoConfig.SHARD_GROUPS) {
      List<Long> ids = longs(cluster.group(name).primary(), "SELECT id FROM users");
      assertTrue(ids.size() > 0, name + " holds no user");
      for (long id : ids) {
        assertEquals(DemoConfig.shardGroupOf(id), name, "the group of user " + id);
      }
      total += ids.size();
    }
    assertEquals(DemoSchema.USER_COUNT, total);
  }

  @Test
  void ordersLiveWithTheirUsersAndCountriesEverywhere() throws SQLException {
    long orders = 0;
    for (String name : DemoConfig.SHARD_GROUPS) {
      MariaDbServer primary = cluster.group(name).primary();
      assertEquals(
          0,
          count(
              primary,
              "SELECT COUNT(*) FROM orders o LEFT JOIN users u ON u.id = o.user_id"
                  + " WHERE u.id IS NULL"),
          "orders in " + name + " whose user is elsewhere");
      orders += count(primary, "SELECT COUNT(*) FROM orders");
      assertEquals(20, count(primary, "SELECT COUNT(*) FROM countries"), "countries in " + name);
    }
    assertEquals(DemoSchema.ORDER_COUNT, orders);
  }

  @Test
  void replicasHaveEveryRowOfTheirPrimary() throws SQLException {
    for (String name : DemoConfig.SHARD_GROUPS) {
      ReplicatedGroup group = cluster.group(name);
      for (String table : List.of("users", "orders", "countries")) {
        String sql = "SELECT COUNT(*) FROM " + table;
        assertEquals(
            count(group.primary(), sql), count(group.replica(0), sql), table + " in " + name);
      }
    }
  }

  @Test
  void aScatterCountThroughShardwaySeesEveryUser() throws SQLException {
    try (Connection connection = cluster.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM users")) {
      assertTrue(rows.next());
      assertEquals(DemoSchema.USER_COUNT, rows.getLong(1));
    }
  }

  @Test
  void thePointSelectOfTheBannerReadsTheReplicaOfTheUsersGroup() throws SQLException {
    ReplicatedGroup group = cluster.group(DemoConfig.shardGroupOf(DemoBanner.EXAMPLE_USER));
    try (Connection connection = cluster.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(DemoBanner.EXAMPLES.get(0).sql())) {
      assertTrue(rows.next());
      assertEquals(group.replica(0).port(), rows.getInt(1));
      assertEquals(2, rows.getInt(2));
    }
  }

  @Test
  void everyQueryTheBannerSuggestsAnswersThroughShardway() throws SQLException {
    try (Connection connection = cluster.connect();
        Statement statement = connection.createStatement()) {
      for (DemoBanner.Example example : DemoBanner.EXAMPLES) {
        try (ResultSet rows = statement.executeQuery(example.sql())) {
          assertTrue(rows.next(), "no row from " + example.sql());
        }
      }
    }
  }

  @Test
  void theBannerSaysWhereEachServerListens() {
    String banner = DemoBanner.render(cluster);
    assertTrue(banner.contains("running on 127.0.0.1:" + cluster.port()), banner);
    assertTrue(banner.contains(cluster.jdbcUrl()), banner);
    assertTrue(banner.contains("curl " + cluster.adminUrl() + "/metrics"), banner);
    for (String name : DemoConfig.SHARD_GROUPS) {
      ReplicatedGroup group = cluster.group(name);
      assertTrue(
          banner.contains(
              name
                  + ": primary 127.0.0.1:"
                  + group.primary().port()
                  + " (server id 1, writes), replica 127.0.0.1:"
                  + group.replica(0).port()),
          banner);
    }
  }

  @Test
  void theAdminPagesOfTheBannerAnswer() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> ready = get(http, "/health/ready", null);
    HttpResponse<String> backends = get(http, "/admin/backends", DemoConfig.ADMIN_TOKEN);

    assertEquals(200, ready.statusCode(), ready.body());
    assertEquals(200, backends.statusCode(), backends.body());
    for (String name : DemoConfig.SHARD_GROUPS) {
      assertTrue(backends.body().contains("\"" + name + "-replica-1\""), backends.body());
    }
  }

  private static HttpResponse<String> get(HttpClient http, String path, String token)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.adminUrl() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long count(MariaDbServer server, String sql) throws SQLException {
    return longs(server, sql).get(0);
  }

  private static List<Long> longs(MariaDbServer server, String sql) throws SQLException {
    List<Long> values = new ArrayList<>();
    try (Connection connection = server.connectAsRoot(DemoSchema.SCHEMA);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getLong(1));
      }
    }
    return values;
  }
}
