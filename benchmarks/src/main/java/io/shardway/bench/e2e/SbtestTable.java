package io.shardway.bench.e2e;

import io.shardway.testcluster.MariaDbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * The table sysbench's {@code oltp_point_select} reads and {@code oltp_update_index} writes: {@code
 * sbtest1(id, k, c, pad)} with an index on {@code k}, filled the way sysbench fills it (c: ten
 * groups of 11 digits, pad: five), from a fixed seed so every run reads the same rows.
 */
final class SbtestTable {
  static final String SCHEMA = "sbtest";
  static final String POINT_SELECT = "SELECT c FROM sbtest1 WHERE id=?";

  /** sysbench's {@code oltp_update_index}: changes the indexed {@code k}, never {@code c}. */
  static final String UPDATE_INDEX = "UPDATE sbtest1 SET k = k + 1 WHERE id = ?";

  private static final int BATCH = 1_000;
  private static final long SEED = 20_240_611L;

  private SbtestTable() {}

  static void create(MariaDbServer server, int rows) throws SQLException {
    server.execute(
        "CREATE DATABASE IF NOT EXISTS " + SCHEMA,
        "CREATE TABLE "
            + SCHEMA
            + ".sbtest1 ("
            + " id INT NOT NULL AUTO_INCREMENT,"
            + " k INT NOT NULL DEFAULT 0,"
            + " c CHAR(120) NOT NULL DEFAULT '',"
            + " pad CHAR(60) NOT NULL DEFAULT '',"
            + " PRIMARY KEY (id), KEY k_1 (k)) ENGINE=InnoDB");
    // rewriteBatchedStatements turns each batch into one multi-row INSERT.
    String url = server.jdbcUrl(SCHEMA) + "&rewriteBatchedStatements=true";
    SplittableRandom random = new SplittableRandom(SEED);
    try (Connection connection =
            DriverManager.getConnection(url, server.rootUser(), server.rootPassword());
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, ?, ?, ?)")) {
      connection.setAutoCommit(false);
      for (int id = 1; id <= rows; id++) {
        insert.setInt(1, id);
        insert.setInt(2, random.nextInt(rows) + 1);
        insert.setString(3, digitGroups(random, 10));
        insert.setString(4, digitGroups(random, 5));
        insert.addBatch();
        if (id % BATCH == 0 || id == rows) {
          insert.executeBatch();
          connection.commit();
        }
      }
    }
    server.execute("ANALYZE TABLE " + SCHEMA + ".sbtest1");
  }

  /** {@code groups} groups of 11 random digits joined by '-', as sysbench's c and pad columns. */
  private static String digitGroups(SplittableRandom random, int groups) {
    StringBuilder text = new StringBuilder(groups * 12);
    for (int group = 0; group < groups; group++) {
      if (group > 0) {
        text.append('-');
      }
      for (int digit = 0; digit < 11; digit++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
    }
    return text.toString();
  }
}
