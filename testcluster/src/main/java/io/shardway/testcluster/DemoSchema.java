package io.shardway.testcluster;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo database {@code appdb}: tables {@code users}, {@code orders} and {@code countries} from
 * {@code demo-schema.sql}, then {@value #USER_COUNT} users and {@value #ORDER_COUNT} orders from a
 * seeded generator, so every load yields the same rows (same ids, names, amounts, timestamps).
 */
public final class DemoSchema {
  public static final String SCHEMA = "appdb";
  public static final int USER_COUNT = 200;
  public static final int ORDER_COUNT = 600;

  private static final String SCRIPT = "io/shardway/testcluster/demo-schema.sql";
  private static final long SEED = 20_240_611L;
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final int SECONDS_PER_YEAR = 365 * 24 * 3600;

  // Non-ASCII on purpose: 2-, 3- and 4-byte UTF-8 (𠮷 is outside the BMP) and a quote (O'Brien).
  private static final String[] FIRST_NAMES = {
    "Anna", "Ben", "Chloé", "David", "Emma", "François", "Günter", "Hana", "Igor", "José", "Kai",
    "Lena", "Mateo", "Nadia", "Ólafur", "Priya", "Rosa", "Søren", "Tomás", "Ünal", "Vera", "Wei",
    "Yuki", "Zoë", "李", "Αλέξης"
  };
  private static final String[] LAST_NAMES = {
    "Müller",
    "Smith",
    "García",
    "Nguyễn",
    "O'Brien",
    "Kowalski",
    "Öztürk",
    "王",
    "Dubois",
    "Rossi",
    "Svensson",
    "Yılmaz",
    "𠮷田",
    "Novák",
    "Silva",
    "Okafor"
  };
  private static final String[] STATUSES = {"new", "paid", "shipped"};

  private DemoSchema() {}

  /** Creates {@code appdb} on {@code server} from scratch (dropping an existing one). */
  public static void load(MariaDbServer server) {
    createSchema(server);
    try (Connection connection = server.connectAsRoot(SCHEMA)) {
      connection.setAutoCommit(false);
      insertUsersAndOrders(connection);
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the demo rows into " + server, e);
    }
  }

  /**
   * Creates {@code appdb} on {@code server} from scratch (dropping an existing one): its tables and
   * the countries, but no users and no orders.
   */
  public static void createSchema(MariaDbServer server) {
    server.runScript(SCRIPT);
  }

  /**
   * Inserts the generated users, then their orders, over {@code connection}, whose default schema
   * must be {@code appdb} and which must see the countries. Each row is an INSERT of its own (a
   * batch, which the driver sends statement by statement unless {@code rewriteBatchedStatements} is
   * set), so the connection may be one to Shardway, which places every row in the shard group of
   * its key. Commits nothing itself: with autocommit off, the caller commits.
   */
  public static void insertUsersAndOrders(Connection connection) throws SQLException {
    Random random = new Random(SEED);
    insertUsers(connection, countryCodes(connection), random);
    insertOrders(connection, random);
  }

  private static List<String> countryCodes(Connection connection) throws SQLException {
    List<String> codes = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT code FROM countries ORDER BY code")) {
      while (rows.next()) {
        codes.add(rows.getString(1));
      }
    }
    return codes;
  }

  private static void insertUsers(Connection connection, List<String> countries, Random random)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO users (id, name, email, country_code, created_at) VALUES (?, ?, ?, ?, ?)")) {
      for (int id = 1; id <= USER_COUNT; id++) {
        insert.setLong(1, id);
        insert.setString(2, pick(FIRST_NAMES, random) + " " + pick(LAST_NAMES, random));
        insert.setString(3, "user" + id + "@example.com");
        // One user in 25 without a country: NULLs must survive joins, sorts and merges.
        if (random.nextInt(25) == 0) {
          insert.setNull(4, Types.CHAR);
        } else {
          insert.setString(4, countries.get(random.nextInt(countries.size())));
        }
        insert.setObject(5, timestamp(random));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void insertOrders(Connection connection, Random random) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO orders (id, user_id, amount, status, created_at) VALUES (?, ?, ?, ?, ?)")) {
      for (int id = 1; id <= ORDER_COUNT; id++) {
        insert.setLong(1, id);
        insert.setLong(2, 1 + random.nextInt(USER_COUNT));
        insert.setBigDecimal(3, BigDecimal.valueOf(100 + random.nextInt(99_900), 2));
        insert.setString(4, pick(STATUSES, random));
        insert.setObject(5, timestamp(random));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }

  /** A moment in 2024 with microseconds, the precision of DATETIME(6). */
  private static LocalDateTime timestamp(Random random) {
    return EPOCH
        .plusSeconds(random.nextInt(SECONDS_PER_YEAR))
        .plusNanos(random.nextInt(1_000_000) * 1_000L);
  }
}
