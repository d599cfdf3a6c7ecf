package io.shardway.server.it;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The logical schema {@code diff} of the differential suite: its tables, the columns each has and
 * where Shardway keeps its rows. Every MariaDB server (the reference and each shard group) gets the
 * same tables; the shard map tells Shardway which group holds which rows.
 *
 * <p>The columns cover the types and collations a merge must respect: integers with NULLs, exact
 * DECIMALs, DOUBLEs, dates, and strings under {@code utf8mb4_general_ci} (the server default),
 * {@code utf8mb4_unicode_ci} (where {@code 'ß' = 'ss'}) and {@code utf8mb4_bin}.
 */
final class DifferentialSchema {
  static final String NAME = "diff";
  static final List<String> GROUPS = List.of("g0", "g1", "g2", "g3");

  /** Where tables the shard map does not list live. */
  static final String DEFAULT_GROUP = "g0";

  enum Placement {
    /** Each row on the one group its shard key picks. */
    SHARDED,
    /** A full copy on every group. */
    BROADCAST,
    /** Not in the shard map: all rows on {@link #DEFAULT_GROUP}. */
    DEFAULT_GROUP
  }

  /**
   * @param shardKey the column whose value picks the group; null unless {@link Placement#SHARDED}
   * @param algorithm the YAML {@code algorithm} of a sharded table; null for the others
   * @param columns the column definitions of CREATE TABLE
   */
  record Table(
      String name, Placement placement, String shardKey, String algorithm, String columns) {
    static Table sharded(String name, String shardKey, String algorithm, String columns) {
      return new Table(name, Placement.SHARDED, shardKey, algorithm, columns);
    }

    String createStatement() {
      return "CREATE TABLE " + name + " (" + columns + ")";
    }

    /** The names of the columns, in their order: the first word of each definition but keys. */
    List<String> columnNames() {
      return columns
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("KEY "))
          .map(line -> line.substring(0, line.indexOf(' ')))
          .toList();
    }

    /** The table's entry in the YAML shard map; null for an unlisted table. */
    String shardMap() {
      return switch (placement) {
        case SHARDED ->
            "{ shardKey: %s, shardGroups: [%s], algorithm: %s }"
                .formatted(shardKey, String.join(", ", GROUPS), algorithm);
        case BROADCAST -> "{ broadcast: true }";
        case DEFAULT_GROUP -> null;
      };
    }
  }

  static final Table CUSTOMERS =
      Table.sharded(
          "customers",
          "id",
          "{ type: hash }",
          """
          id BIGINT PRIMARY KEY,
          name VARCHAR(40) COLLATE utf8mb4_general_ci NOT NULL,
          email VARCHAR(60) COLLATE utf8mb4_unicode_ci NULL,
          code VARCHAR(20) COLLATE utf8mb4_bin NOT NULL,
          country CHAR(2) NOT NULL,
          region_id INT NULL,
          score INT NULL,
          balance DECIMAL(12,2) NOT NULL,
          rating DOUBLE NULL,
          born DATE NULL,
          created DATETIME NOT NULL
          """);

  /** Co-located with {@link #CUSTOMERS}: same algorithm and groups, keyed by the customer. */
  static final Table ORDERS =
      Table.sharded(
          "orders",
          "customer_id",
          "{ type: hash }",
          """
          id BIGINT PRIMARY KEY,
          customer_id BIGINT NOT NULL,
          amount DECIMAL(12,2) NOT NULL,
          quantity INT NULL,
          status VARCHAR(12) COLLATE utf8mb4_general_ci NOT NULL,
          note VARCHAR(40) COLLATE utf8mb4_unicode_ci NULL,
          weight DOUBLE NULL,
          ordered_at DATETIME NOT NULL,
          ship_date DATE NULL,
          KEY (customer_id)
          """);

  static final Table REGIONS =
      new Table(
          "regions",
          Placement.BROADCAST,
          null,
          null,
          """
          id INT PRIMARY KEY,
          code CHAR(2) NOT NULL UNIQUE,
          name VARCHAR(40) NOT NULL,
          population BIGINT NULL
          """);

  /** Sharded by a list of region codes; codes the list does not name go to the default g3. */
  static final Table EVENTS =
      Table.sharded(
          "events",
          "region",
          """
          { type: list, default: g3, \
          values: { g0: [US, CA], g1: [DE, FR, AT], g2: [JP, KR], g3: [BR, AR] } }""",
          """
          id BIGINT PRIMARY KEY,
          region CHAR(2) NOT NULL,
          kind VARCHAR(16) COLLATE utf8mb4_bin NOT NULL,
          happened DATE NOT NULL,
          value INT NULL,
          tag VARCHAR(20) NULL
          """);

  /** Sharded by ranges of its id, so that a range condition can reach fewer than all groups. */
  static final Table PAYMENTS =
      Table.sharded(
          "payments",
          "id",
          """
          { type: range, ranges: [{ shardGroup: g0, to: 1000 }, \
          { shardGroup: g1, from: 1000, to: 2000 }, { shardGroup: g2, from: 2000, to: 3000 }, \
          { shardGroup: g3, from: 3000 }] }""",
          """
          id BIGINT PRIMARY KEY,
          customer_id BIGINT NOT NULL,
          amount DECIMAL(12,2) NOT NULL,
          paid_on DATE NOT NULL,
          method VARCHAR(12) NOT NULL
          """);

  /** Keyed by the customer like {@link #ORDERS}, but with another algorithm: not co-located. */
  static final Table VISITS =
      Table.sharded(
          "visits",
          "customer_id",
          "{ type: consistent-hash }",
          """
          id BIGINT PRIMARY KEY,
          customer_id BIGINT NOT NULL,
          page VARCHAR(40) COLLATE utf8mb4_bin NOT NULL,
          seconds INT NULL,
          visited_at DATETIME NOT NULL
          """);

  static final Table NOTES =
      new Table(
          "notes",
          Placement.DEFAULT_GROUP,
          null,
          null,
          """
          id INT PRIMARY KEY,
          customer_id BIGINT NOT NULL,
          body VARCHAR(100) COLLATE utf8mb4_unicode_ci NOT NULL
          """);

  static final List<Table> TABLES =
      List.of(CUSTOMERS, ORDERS, REGIONS, EVENTS, PAYMENTS, VISITS, NOTES);

  private DifferentialSchema() {}

  /** The statements that create the schema and its tables on one server. */
  static List<String> ddl() {
    return Stream.concat(
            Stream.of("CREATE DATABASE " + NAME + " CHARACTER SET utf8mb4", "USE " + NAME),
            TABLES.stream().map(Table::createStatement))
        .toList();
  }

  /** The {@code tables:} mapping of the schema in Shardway's YAML, indented for {@code schemas}. */
  static String shardMap() {
    return TABLES.stream()
        .filter(table -> table.shardMap() != null)
        .map(table -> "      " + table.name() + ": " + table.shardMap())
        .collect(Collectors.joining("\n"));
  }
}
