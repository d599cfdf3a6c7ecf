package io.shardway.bench.e2e;

import io.shardway.testcluster.MariaDbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * The table sysbench's {@code oltp_point_select} reads and {@code oltp_update_index} writes: {@code
 * sbtest1(id, k, c, pad)} with an index on {@code k}, filled the way sysbench fills it (k: uniform
 * in 1..rows, c: ten groups of 11 digits, pad: five), from a fixed seed so every run, and every
 * server of a run, holds the same rows.
 */
final class SbtestTable {
  static final String SCHEMA = "sbtest";
  static final String POINT_SELECT = "SELECT c FROM sbtest1 WHERE id=?";

  /** sysbench's {@code oltp_update_index}: changes the indexed {@code k}, never {@code c}. */
  static final String UPDATE_INDEX = "UPDATE sbtest1 SET k = k + 1 WHERE id = ?";

  /** Rows with {@code k} in a range: the index on k, not the primary key, finds them. */
  static final String RANGE_COUNT = "SELECT COUNT(*) FROM sbtest1 WHERE k BETWEEN ? AND ?";

  /** How many values of k a range count spans: sysbench's default {@code range_size}. */
  static final int RANGE_SIZE = 100;

  private static final int BATCH = 1_000;
  private static final long SEED = 20_240_611L;

  /** One row of sbtest1. */
  record Row(int id, int k, String c, String pad) {}

  private SbtestTable() {}

  /** Creates {@code sbtest1} on {@code server} with all {@code rows} rows. */
  static void create(MariaDbServer server, int rows) throws SQLException {
    create(server, rows, id -> true);
  }

  /**
   * Creates {@code sbtest1} on {@code server} with those of the {@code rows} rows whose id {@code
   * holds} accepts: a shard's part of the table.
   */
  static void create(MariaDbServer server, int rows, IntPredicate holds) throws SQLException {
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
    try (Connection connection =
            DriverManager.getConnection(url, server.rootUser(), server.rootPassword());
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, ?, ?, ?)")) {
      connection.setAutoCommit(false);
      int batched = 0;
      for (Row row : rows(rows)) {
        if (!holds.test(row.id())) {
          continue;
        }
        insert.setInt(1, row.id());
        insert.setInt(2, row.k());
        insert.setString(3, row.c());
        insert.setString(4, row.pad());
        insert.addBatch();
        if (++batched % BATCH == 0) {
          insert.executeBatch();
          connection.commit();
        }
      }
      insert.executeBatch();
      connection.commit();
    }
    server.execute("ANALYZE TABLE " + SCHEMA + ".sbtest1");
  }

  /** The first {@code rows} rows in id order: the same rows on every call. */
  static Iterable<Row> rows(int rows) {
    return () ->
        new Iterator<>() {
          private final SplittableRandom random = new SplittableRandom(SEED);
          private int id = 1;

          @Override
          public boolean hasNext() {
            return id <= rows;
          }

          @Override
          public Row next() {
            if (!hasNext()) {
              throw new NoSuchElementException("all " + rows + " rows were generated");
            }
            // The draws in this order (k, c, pad) give the rows of earlier runs.
            int k = random.nextInt(rows) + 1;
            String c = digitGroups(random, 10);
            return new Row(id++, k, c, digitGroups(random, 5));
          }
        };
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
