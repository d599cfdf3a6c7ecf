package io.shardway.testcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class DemoSchemaIT {
  @Test
  void loadsTheSameRowsEveryTime() throws SQLException {
    try (MariaDbServer server = MariaDbServer.start()) {
      long started = System.nanoTime();
      DemoSchema.load(server);
      long loadMillis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(loadMillis < 10_000, "loading took " + loadMillis + " ms");

      assertEquals(DemoSchema.USER_COUNT, count(server, "SELECT COUNT(*) FROM users"));
      assertEquals(DemoSchema.ORDER_COUNT, count(server, "SELECT COUNT(*) FROM orders"));
      assertEquals(20, count(server, "SELECT COUNT(*) FROM countries"));
      // Every order belongs to a user and every country code is a country.
      assertEquals(
          0,
          count(
              server,
              "SELECT COUNT(*) FROM orders o LEFT JOIN users u ON u.id = o.user_id"
                  + " WHERE u.id IS NULL"));
      assertEquals(
          0,
          count(
              server,
              "SELECT COUNT(*) FROM users u LEFT JOIN countries c ON c.code = u.country_code"
                  + " WHERE u.country_code IS NOT NULL AND c.code IS NULL"));
      assertTrue(count(server, "SELECT COUNT(*) FROM users WHERE country_code IS NULL") > 0);
      // 4-byte UTF-8 survives the round trip.
      assertTrue(count(server, "SELECT COUNT(*) FROM users WHERE name LIKE '%𠮷田%'") > 0);
      assertEquals(
          6, count(server, "SELECT MAX(LENGTH(created_at)) - 20 FROM orders")); // microseconds

      String checksum = checksum(server);
      DemoSchema.load(server);
      assertEquals(checksum, checksum(server));
    }
  }

  private static long count(MariaDbServer server, String sql) throws SQLException {
    try (Connection connection = server.connectAsRoot(DemoSchema.SCHEMA);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String checksum(MariaDbServer server) throws SQLException {
    StringBuilder checksums = new StringBuilder();
    try (Connection connection = server.connectAsRoot(DemoSchema.SCHEMA);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("CHECKSUM TABLE users, orders, countries")) {
      while (rows.next()) {
        checksums.append(rows.getString(1)).append('=').append(rows.getString(2)).append(' ');
      }
    }
    return checksums.toString();
  }
}
