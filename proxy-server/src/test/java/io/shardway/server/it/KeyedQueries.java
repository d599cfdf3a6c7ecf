package io.shardway.server.it;

import static io.shardway.server.it.Category.IN_LIST;
import static io.shardway.server.it.Category.POINT;
import static io.shardway.server.it.Category.RANGE;
import static io.shardway.server.it.Category.SINGLE_GROUP;

import java.math.BigDecimal;
import java.util.function.LongSupplier;

/**
 * Reads that their shard keys send to one group or a few: points, IN lists, ranges, and statements
 * of any shape on one group (a pinned key, the broadcast table, the unlisted table).
 */
final class KeyedQueries extends QueryFamily {
  KeyedQueries(ReadCorpus corpus, CorpusValues values) {
    super(corpus, values);
  }

  @Override
  void addAll() {
    points();
    inLists();
    ranges();
    oneCustomer();
    oneGroupOfOtherTables();
  }

  private void points() {
    corpus.times(8, () -> point("SELECT * FROM customers WHERE id = " + values.customerId()));
    corpus.times(
        6,
        () ->
            point(
                "SELECT id, amount, quantity, status, note, weight, ordered_at, ship_date"
                    + " FROM orders WHERE customer_id = "
                    + values.customerId()));
    for (String region : new String[] {"US", "us", "de ", "GB", "it"}) {
      point("SELECT id, region, kind, value, tag FROM events WHERE region = '" + region + "'");
    }
    corpus.times(4, () -> point("SELECT * FROM payments WHERE id = " + values.paymentId()));
    corpus.times(4, () -> point("SELECT * FROM visits WHERE customer_id = " + values.customerId()));
    point("SELECT name, balance FROM customers WHERE id = '" + values.customerId() + "'");
    point("SELECT id, name FROM customers WHERE " + values.customerId() + " = id");
    point("SELECT * FROM customers WHERE id = 0");
    point("SELECT * FROM customers WHERE id = -7");
    corpus.times(4, () -> point("SELECT * FROM customers WHERE id = ?", values.customerId()));
    corpus.times(
        3, () -> point("SELECT id, amount FROM orders WHERE customer_id = ?", values.customerId()));
    point("SELECT * FROM events WHERE region = ?", "fr");
    point("SELECT * FROM events WHERE region = ?", "JP");
    corpus.times(2, () -> point("SELECT * FROM payments WHERE id = ?", values.paymentId()));
  }

  private void point(String sql, Object... parameters) {
    corpus.unordered(POINT, sql, parameters);
  }

  private void inLists() {
    corpus.times(
        6,
        () ->
            corpus.unordered(
                IN_LIST,
                "SELECT id, name, email, balance FROM customers WHERE id IN ("
                    + values.customerIds(5)
                    + ")"));
    corpus.times(
        4,
        () ->
            corpus.unordered(
                IN_LIST,
                "SELECT id, customer_id, amount FROM orders WHERE customer_id IN ("
                    + values.customerIds(3)
                    + ")"));
    corpus.times(
        3,
        () ->
            corpus.unordered(
                IN_LIST,
                "SELECT id, name FROM customers WHERE id = %d OR id = %d OR id = %d"
                    .formatted(values.customerId(), values.customerId(), values.customerId())));
    corpus.unordered(
        IN_LIST, "SELECT id, region, kind FROM events WHERE region IN ('US', 'fr', 'JP')");
    corpus.unordered(IN_LIST, "SELECT id, region, kind FROM events WHERE region IN ('GB', 'it')");
    corpus.times(
        2,
        () ->
            corpus.unordered(
                IN_LIST,
                "SELECT * FROM payments WHERE id IN (%d, %d, %d, %d)"
                    .formatted(
                        values.paymentId(),
                        values.paymentId(),
                        values.paymentId(),
                        values.paymentId())));
    corpus.times(
        3,
        () ->
            corpus.unordered(
                IN_LIST,
                "SELECT id, name FROM customers WHERE id IN (?, ?, ?)",
                values.customerId(),
                values.customerId(),
                values.customerId()));
  }

  private void ranges() {
    between(4, "SELECT id, customer_id, amount, paid_on FROM payments", values::paymentId, 150);
    corpus.unordered(RANGE, "SELECT id, amount FROM payments WHERE id < 400");
    corpus.unordered(RANGE, "SELECT id, amount FROM payments WHERE id >= 3700");
    corpus.unordered(RANGE, "SELECT id, method FROM payments WHERE id > 900 AND id < 1100");
    corpus.unordered(RANGE, "SELECT id FROM payments WHERE id < 100 OR id > 3950");
    between(3, "SELECT id, name, balance FROM customers", values::customerId, 40);
    corpus.times(
        3,
        () -> {
          String day = values.day().toString();
          corpus.unordered(
              RANGE,
              "SELECT id, customer_id, ordered_at FROM orders WHERE ordered_at >= '%s'"
                      .formatted(day)
                  + " AND ordered_at < '%s' + INTERVAL 3 DAY".formatted(day));
        });
    corpus.unordered(
        RANGE,
        "SELECT id, name, born FROM customers WHERE born BETWEEN '1960-01-01' AND '1960-12-31'");
    corpus.unordered(RANGE, "SELECT id FROM customers WHERE balance BETWEEN -100 AND 100");
    corpus.unordered(
        RANGE, "SELECT id, amount FROM payments WHERE id BETWEEN ? AND ?", 1_900L, 2_100L);
    corpus.unordered(
        RANGE,
        "SELECT id FROM orders WHERE amount BETWEEN ? AND ?",
        new BigDecimal("500.00"),
        new BigDecimal("505.50"));
  }

  /** {@code count} times {@code select} WHERE id BETWEEN a seeded id and {@code width} more. */
  private void between(int count, String select, LongSupplier from, long width) {
    corpus.times(
        count,
        () -> {
          long first = from.getAsLong();
          corpus.unordered(
              RANGE, select + " WHERE id BETWEEN %d AND %d".formatted(first, first + width));
        });
  }

  /** Statements of any shape on the orders of one customer: one group answers them all. */
  private void oneCustomer() {
    corpus.times(
        3,
        () -> {
          long id = values.customerId();
          String mine = "FROM orders WHERE customer_id = " + id;
          single("SELECT id, amount " + mine + " ORDER BY amount DESC, id");
          single(
              "SELECT quantity, COUNT(*), SUM(amount), AVG(weight) "
                  + mine
                  + " GROUP BY quantity ORDER BY quantity");
          corpus.unordered(SINGLE_GROUP, "SELECT DISTINCT quantity " + mine);
          single("SELECT AVG(amount), COUNT(DISTINCT status), MIN(ship_date) " + mine);
          corpus.unordered(
              SINGLE_GROUP, "SELECT id, ROW_NUMBER() OVER (ORDER BY ordered_at, id) AS n " + mine);
          single("SELECT GROUP_CONCAT(id ORDER BY id) " + mine);
          single("SELECT id " + mine + " ORDER BY id LIMIT 2 OFFSET 1");
          corpus.unordered(
              SINGLE_GROUP,
              "SELECT id, amount "
                  + mine
                  + " AND amount > (SELECT AVG(amount) FROM orders WHERE customer_id = "
                  + id
                  + ")");
          single(
              "SELECT c.name, COUNT(o.id) FROM customers c LEFT JOIN orders o"
                  + " ON o.customer_id = c.id WHERE c.id = "
                  + id
                  + " GROUP BY c.id, c.name");
        });
    single(
        "SELECT id, amount FROM orders WHERE customer_id = ? ORDER BY amount DESC, id LIMIT 3",
        values.customerId());
  }

  private void oneGroupOfOtherTables() {
    single(
        "SELECT kind, COUNT(*), SUM(value) FROM events WHERE region = 'DE' GROUP BY kind ORDER BY kind");
    single("SELECT id, value FROM events WHERE region = 'jp' ORDER BY value DESC, id LIMIT 5");
    single("SELECT COUNT(DISTINCT kind), AVG(value), MIN(tag) FROM events WHERE region = 'KR'");
    single(
        "SELECT COUNT(*), SUM(amount) FROM payments WHERE id >= 2000 AND id < 3000"
            + " GROUP BY method ORDER BY method");
    single("SELECT id, amount FROM payments WHERE id < 1000 ORDER BY amount DESC, id LIMIT 10");
    single("SELECT * FROM regions ORDER BY name, id LIMIT 15");
    single(
        "SELECT LEFT(code, 1) AS initial, COUNT(*), SUM(population), AVG(population) FROM regions"
            + " GROUP BY initial HAVING COUNT(*) > 3 ORDER BY initial");
    corpus.unordered(SINGLE_GROUP, "SELECT DISTINCT LEFT(code, 1) FROM regions");
    corpus.unordered(
        SINGLE_GROUP, "SELECT code, RANK() OVER (ORDER BY population DESC) FROM regions");
    corpus.unordered(SINGLE_GROUP, "SELECT * FROM regions");
    single("SELECT COUNT(*), MIN(id) FROM notes GROUP BY body ORDER BY body");
    single("SELECT id, body FROM notes ORDER BY body, id LIMIT 20 OFFSET 5");
    corpus.unordered(
        SINGLE_GROUP, "SELECT n.id, r.code FROM notes n JOIN regions r ON r.id = n.id");
    corpus.unordered(
        SINGLE_GROUP,
        "SELECT customer_id, COUNT(*) FROM notes GROUP BY customer_id HAVING COUNT(*) > 1");
  }

  private void single(String sql, Object... parameters) {
    corpus.ordered(SINGLE_GROUP, sql, parameters);
  }
}
