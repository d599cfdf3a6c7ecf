package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What ORMs, migration tools and GUI clients ask about a sharded schema's tables: the statements
 * and JDBC metadata calls answer for the logical schema, whichever groups hold the table ({@code
 * users} lives in both, {@code events} only in s1, which is not the schema's default group).
 */
class ShardedMetadataIT extends ShardedClusterTest {

  @ParameterizedTest
  @ValueSource(strings = {"users", "events"})
  void describingATableAnswersFromAGroupThatHoldsIt(String table) throws SQLException {
    try (Connection proxy = cluster.connect("");
        Statement s = proxy.createStatement()) {
      assertEquals(List.of("id"), firstColumn(s, "SHOW INDEX FROM " + table));
      assertEquals("id", firstColumn(s, "DESCRIBE " + table).get(0));
      assertEquals("id", firstColumn(s, "SHOW COLUMNS FROM " + table).get(0));
      try (ResultSet rows = s.executeQuery("SHOW CREATE TABLE " + table)) {
        assertTrue(rows.next());
        assertTrue(rows.getString(2).startsWith("CREATE TABLE `" + table + "`"), rows.getString(2));
      }
    }
  }

  @Test
  void jdbcMetadataDescribesTheLogicalSchema() throws SQLException {
    try (Connection proxy = cluster.connect("")) {
      DatabaseMetaData meta = proxy.getMetaData();
      List<String> columns = new ArrayList<>();
      try (ResultSet rows = meta.getColumns(ShardedCluster.SCHEMA, null, "users", "%")) {
        while (rows.next()) {
          columns.add(rows.getString("COLUMN_NAME"));
        }
      }
      assertEquals(List.of("id", "name", "country"), columns);
    }
  }

  private static List<String> firstColumn(Statement s, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(sql.startsWith("SHOW INDEX") ? "Column_name" : "Field"));
      }
    }
    return values;
  }
}
