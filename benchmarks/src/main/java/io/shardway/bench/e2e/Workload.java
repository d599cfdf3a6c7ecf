package io.shardway.bench.e2e;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The read a load thread repeats: its statement, how it draws the parameters, and how it checks the
 * answer. Over shards ({@code --shards}), sbtest1 is sharded by {@code id}: the point select names
 * the shard key, so Shardway sends it to one shard group, while the range count selects by {@code
 * k}, so every group counts its own rows and Shardway adds the counts up.
 */
enum Workload {
  /** sysbench's {@code oltp_point_select}. */
  POINT_SELECT("point-select", "Point select by primary key", SbtestTable.POINT_SELECT) {
    @Override
    Optional<String> read(
        PreparedStatement statement, SplittableRandom random, SbtestContents contents)
        throws SQLException {
      int id = contents.randomId(random);
      statement.setInt(1, id);
      try (ResultSet result = statement.executeQuery()) {
        String c = result.next() ? result.getString(1) : null;
        if (result.next()) {
          return Optional.of("more than one row for id " + id);
        }
        return c != null && c.length() == C_LENGTH
            ? Optional.empty()
            : Optional.of("wrong result for id " + id + ": " + c);
      }
    }
  },

  /**
   * A count over {@value SbtestTable#RANGE_SIZE} consecutive values of the indexed {@code k}, as
   * sysbench's range queries span {@code range_size} ids: a statement that needs every shard.
   */
  RANGE_COUNT(
      "range-count",
      "Count over a range of " + SbtestTable.RANGE_SIZE + " values of k",
      SbtestTable.RANGE_COUNT) {
    @Override
    Optional<String> read(
        PreparedStatement statement, SplittableRandom random, SbtestContents contents)
        throws SQLException {
      int low = random.nextInt(contents.rows()) + 1;
      int high = low + SbtestTable.RANGE_SIZE - 1;
      statement.setInt(1, low);
      statement.setInt(2, high);
      try (ResultSet result = statement.executeQuery()) {
        long count = result.next() ? result.getLong(1) : -1;
        long expected = contents.countWithKBetween(low, high);
        return count == expected && !result.next()
            ? Optional.empty()
            : Optional.of(
                "count of k from " + low + " to " + high + ": " + count + ", expected " + expected);
      }
    }
  };

  /** The length of every {@code c} value (ten groups of 11 digits and nine dashes). */
  private static final int C_LENGTH = 119;

  private final String label;
  private final String title;
  private final String sql;

  Workload(String label, String title, String sql) {
    this.label = label;
    this.title = title;
    this.sql = sql;
  }

  /** A short name for the console and rounds.csv. */
  String label() {
    return label;
  }

  /** What it reads, for the report's headings. */
  String title() {
    return title;
  }

  String sql() {
    return sql;
  }

  /**
   * Binds fresh random parameters to {@code statement} (prepared from {@link #sql}), runs it, and
   * returns what is wrong with its answer, or empty when it is right.
   */
  abstract Optional<String> read(
      PreparedStatement statement, SplittableRandom random, SbtestContents contents)
      throws SQLException;
}
