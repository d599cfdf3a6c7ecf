package io.shardway.server.it;

import static io.shardway.server.it.Category.INSERT;
import static io.shardway.server.it.Category.INSERT_ONE_GROUP;
import static io.shardway.server.it.Category.INSERT_SPANNING;
import static io.shardway.server.it.Category.KEY_CHANGE;
import static io.shardway.server.it.Category.UPSERT;
import static io.shardway.server.it.Category.WRITE_BROADCAST;
import static io.shardway.server.it.Category.WRITE_BY_KEY;
import static io.shardway.server.it.Category.WRITE_DEFAULT_GROUP;
import static io.shardway.server.it.Category.WRITE_ORDERED;
import static io.shardway.server.it.Category.WRITE_SCATTERED;

import io.shardway.server.it.SeededRows.TableRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The write corpus: a few dozen INSERTs, UPDATEs, DELETEs and upserts over every kind of table, in
 * the order they run. Keys come from the seeded data, so that most statements find rows to change.
 */
final class WriteCorpus {
  private static final long SEED = 4_242L;

  private static final String CUSTOMER_COLUMNS =
      "(id, name, email, code, country, region_id, score, balance, rating, born, created)";
  private static final String ORDER_COLUMNS =
      "(id, customer_id, amount, quantity, status, note, weight, ordered_at, ship_date)";
  private static final String EVENT_COLUMNS = "(id, region, kind, happened, value, tag)";

  private final List<CorpusWrite> writes = new ArrayList<>();
  private final CorpusValues values = new CorpusValues(SEED);
  private final TableRows orders;

  private WriteCorpus(TableRows orders) {
    this.orders = orders;
  }

  /**
   * @param loaded the rows loaded before the corpus runs
   */
  static List<CorpusWrite> build(List<TableRows> loaded) {
    TableRows orders =
        loaded.stream().filter(t -> t.table().equals("orders")).findFirst().orElseThrow();
    WriteCorpus corpus = new WriteCorpus(orders);
    corpus.inserts();
    corpus.writesByKey();
    corpus.scatteredWrites();
    corpus.broadcastAndUnlistedWrites();
    corpus.upserts();
    return List.copyOf(corpus.writes);
  }

  private void add(Category category, String sql, Object... parameters) {
    writes.add(CorpusWrite.of(category, sql, parameters));
  }

  private void inserts() {
    add(
        INSERT,
        "INSERT INTO customers "
            + CUSTOMER_COLUMNS
            + " VALUES (10001, 'new a', NULL, 'N1', 'DE',"
            + " 5, NULL, 12.50, 0.125, '1990-05-05', '2024-01-01 10:00:00')");
    add(
        INSERT,
        "INSERT INTO customers " + CUSTOMER_COLUMNS + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        10_002L,
        "New B ",
        "straße@new.de",
        "n2",
        "JP",
        null,
        -5,
        new BigDecimal("-0.01"),
        null,
        LocalDate.of(2001, 2, 3),
        "2024-01-01 10:00:01");
    add(
        INSERT,
        "INSERT INTO orders "
            + ORDER_COLUMNS
            + " VALUES (20001, 10001, 99.99, 2, 'new', 'gift',"
            + " 1.5, '2024-01-02 11:00:00', NULL)");
    add(
        INSERT,
        "INSERT INTO events "
            + EVENT_COLUMNS
            + " VALUES (5001, 'ca', 'view', '2024-02-02', 7, NULL)");
    add(
        INSERT,
        "INSERT INTO events "
            + EVENT_COLUMNS
            + " VALUES (5002, 'IT', 'click', '2024-02-03', 8, 'x')");
    add(
        INSERT,
        "INSERT INTO payments (id, customer_id, amount, paid_on, method)"
            + " VALUES (4500, 17, 10.00, '2024-03-03', 'cash')");
    add(
        INSERT,
        "INSERT INTO visits (id, customer_id, page, seconds, visited_at)"
            + " VALUES (2001, 10001, '/new', 5, '2024-03-03 00:00:00')");
    // A duplicate key: both must fail with the same error.
    add(
        INSERT,
        "INSERT INTO customers "
            + CUSTOMER_COLUMNS
            + " VALUES (1, 'dup', NULL, 'D', 'US',"
            + " NULL, NULL, 0, NULL, NULL, '2024-01-01 00:00:00')");
    add(
        INSERT,
        "INSERT IGNORE INTO customers "
            + CUSTOMER_COLUMNS
            + " VALUES (2, 'dup', NULL, 'D', 'US',"
            + " NULL, NULL, 0, NULL, NULL, '2024-01-01 00:00:00')");
    add(
        INSERT_ONE_GROUP,
        "INSERT INTO orders "
            + ORDER_COLUMNS
            + " VALUES"
            + " (20002, 10001, 1.00, NULL, 'NEW', NULL, NULL, '2024-01-03 00:00:00', NULL),"
            + " (20003, 10001, 2.00, 1, 'paid', 'straße', 0.5, '2024-01-04 00:00:00', '2024-01-05')");
    add(
        INSERT_SPANNING,
        "INSERT INTO customers "
            + CUSTOMER_COLUMNS
            + " VALUES"
            + " (10003, 'c', NULL, 'x', 'US', 1, 1, 1, 1, NULL, '2024-01-01 00:00:00'),"
            + " (10004, 'C', NULL, 'y', 'US', 2, 2, 2, 2, NULL, '2024-01-01 00:00:00'),"
            + " (10005, 'c ', NULL, 'z', 'US', 3, 3, 3, 3, NULL, '2024-01-01 00:00:00'),"
            + " (10006, 'ç', NULL, 'w', 'US', 4, 4, 4, 4, NULL, '2024-01-01 00:00:00')");
  }

  private void writesByKey() {
    for (int i = 0; i < 3; i++) {
      add(
          WRITE_BY_KEY,
          "UPDATE customers SET balance = balance + 100.25, score = NULL WHERE id = "
              + values.customerId());
    }
    for (int i = 0; i < 2; i++) {
      add(
          WRITE_BY_KEY,
          "UPDATE orders SET status = 'shipped', ship_date = '2024-05-05' WHERE customer_id = "
              + values.customerId());
      add(WRITE_BY_KEY, "DELETE FROM orders WHERE customer_id = " + values.customerId());
    }
    add(WRITE_BY_KEY, "DELETE FROM customers WHERE id = " + values.customerId());
    add(WRITE_BY_KEY, "UPDATE events SET value = value + 1 WHERE region = 'fr'");
    add(WRITE_BY_KEY, "DELETE FROM payments WHERE id BETWEEN 2000 AND 2100");
    add(
        WRITE_BY_KEY,
        "UPDATE customers SET name = 'renamed' WHERE id IN (" + values.customerIds(3) + ")");
    add(WRITE_BY_KEY, "UPDATE customers SET rating = ? WHERE id = ?", 2.75, values.customerId());
    add(WRITE_BY_KEY, "DELETE FROM visits WHERE customer_id = ?", values.customerId());
    long from = values.customerId();
    add(
        KEY_CHANGE,
        "UPDATE orders SET customer_id = %d WHERE customer_id = %d"
            .formatted(values.customerId(), from));
    add(KEY_CHANGE, "UPDATE customers SET id = id + 100000 WHERE id = " + values.customerId());
  }

  private void scatteredWrites() {
    add(WRITE_SCATTERED, "UPDATE orders SET quantity = quantity + 1 WHERE amount > 990");
    add(WRITE_SCATTERED, "UPDATE customers SET email = NULL WHERE email = 'strasse@x.de'");
    add(WRITE_SCATTERED, "DELETE FROM orders WHERE status = 'void' AND amount < 50");
    add(WRITE_SCATTERED, "UPDATE customers SET score = 0 WHERE score IS NULL AND country = 'AT'");
    add(WRITE_SCATTERED, "DELETE FROM events WHERE kind = 'Click' AND value < 10");
    add(WRITE_SCATTERED, "UPDATE visits SET seconds = seconds * 2 WHERE seconds < 100");
    add(WRITE_SCATTERED, "UPDATE orders SET note = 'none' WHERE amount < 0");
    // Rows found but none changed: the count depends on CLIENT_FOUND_ROWS, which both drivers set.
    add(
        WRITE_SCATTERED,
        "UPDATE customers SET balance = balance WHERE country = 'GB' AND score > 900");
    add(
        WRITE_SCATTERED,
        "UPDATE orders SET weight = ? WHERE status = ? AND amount > ?",
        0.25,
        "paid",
        new BigDecimal("900"));
    add(
        WRITE_ORDERED,
        "UPDATE orders SET quantity = 0 WHERE amount > 900 ORDER BY amount DESC, id LIMIT 5");
    add(WRITE_ORDERED, "DELETE FROM visits WHERE seconds > 3000 ORDER BY id LIMIT 3");
  }

  private void broadcastAndUnlistedWrites() {
    add(WRITE_BROADCAST, "UPDATE regions SET population = population + 1 WHERE id < 20");
    add(WRITE_BROADCAST, "DELETE FROM regions WHERE id = 200");
    add(
        WRITE_BROADCAST,
        "INSERT INTO regions (id, code, name, population) VALUES (201, 'ZZ', 'Zed', 1)");
    add(
        WRITE_BROADCAST,
        "INSERT INTO regions (id, code, name, population) VALUES (202, 'ZY', 'Zy', NULL),"
            + " (203, 'ZX', 'Zx', 3)");
    add(WRITE_BROADCAST, "UPDATE regions SET name = ? WHERE code = ?", "Renamed", "de");
    add(WRITE_DEFAULT_GROUP, "UPDATE notes SET body = 'changed' WHERE body = 'strasse'");
    add(WRITE_DEFAULT_GROUP, "DELETE FROM notes WHERE id > 190");
    add(
        WRITE_DEFAULT_GROUP,
        "INSERT INTO notes (id, customer_id, body) VALUES (201, 5, 'new'), (202, 6, 'straße')");
  }

  private void upserts() {
    add(
        UPSERT,
        "REPLACE INTO customers (id, name, code, country, balance, created) VALUES ("
            + values.customerId()
            + ", 'replaced', 'R', 'FR', 1.00, '2024-06-06 06:06:06')");
    add(
        UPSERT,
        "REPLACE INTO customers (id, name, code, country, balance, created)"
            + " VALUES (10010, 'fresh', 'F', 'FR', 2.00, '2024-06-06 06:06:06')");
    add(
        UPSERT,
        "INSERT INTO customers (id, name, code, country, balance, created) VALUES ("
            + values.customerId()
            + ", 'ignored', 'I', 'US', 3.00, '2024-06-06 06:06:06')"
            + " ON DUPLICATE KEY UPDATE score = 77, balance = VALUES(balance)");
    int order = 1 + values.below(SeededRows.ORDERS);
    Object customer = orders.rows().get(order - 1)[1];
    add(
        UPSERT,
        "INSERT INTO orders (id, customer_id, amount, status, ordered_at) VALUES (%d, %s, 5.00,"
                .formatted(order, customer)
            + " 'new', '2024-06-06 06:06:06') ON DUPLICATE KEY UPDATE amount = amount + 1");
    add(
        UPSERT,
        "INSERT INTO regions (id, code, name) VALUES (3, 'QQ', 'ignored')"
            + " ON DUPLICATE KEY UPDATE population = 3");
    add(
        UPSERT,
        "REPLACE INTO regions (id, code, name, population) VALUES (4, ?, 'Replaced', 9)",
        SeededRows.REGION_CODES.get(3));
  }
}
