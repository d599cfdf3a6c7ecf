package io.shardway.server.it;

import static io.shardway.server.it.Category.AGGREGATE;
import static io.shardway.server.it.Category.JOIN_BROADCAST;
import static io.shardway.server.it.Category.JOIN_COLOCATED;
import static io.shardway.server.it.Category.JOIN_OTHER;
import static io.shardway.server.it.Category.LIMIT;
import static io.shardway.server.it.Category.LIMIT_OFFSET;
import static io.shardway.server.it.Category.SCATTER;
import static io.shardway.server.it.Category.STRING_MIN_MAX;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Reads without a key that every group answers for its own rows: plain scatters, aggregates folded
 * into one row, LIMIT without ORDER BY, and joins that each group can do alone (co-located tables,
 * broadcast tables), next to joins that no group can.
 */
final class ScatterQueries extends QueryFamily {
  ScatterQueries(ReadCorpus corpus, CorpusValues values) {
    super(corpus, values);
  }

  @Override
  void addAll() {
    scatters();
    aggregates();
    limits();
    joins();
  }

  private void scatters() {
    corpus.times(
        4,
        () ->
            scatter(
                "SELECT id, name, email, code, country FROM customers WHERE country = '"
                    + values.country()
                    + "'"));
    for (String amount : new String[] {"990", "995.5", "999.98"}) {
      scatter("SELECT id, customer_id, amount FROM orders WHERE amount > " + amount);
    }
    // Strings equal under the column's collation but not byte for byte.
    for (String name : new String[] {"a", "A ", "straße", "ANNA", "zoe", "arger", "smile 😀"}) {
      scatter("SELECT id, name FROM customers WHERE name = '" + name + "'");
    }
    scatter("SELECT id, code FROM customers WHERE code = 'abc'");
    scatter("SELECT id, code FROM customers WHERE code IN ('a', 'X1')");
    scatter("SELECT id, email FROM customers WHERE email = 'strasse@x.de'");
    scatter("SELECT id, email FROM customers WHERE email LIKE 'zz%'");
    scatter("SELECT id FROM customers WHERE score IS NULL AND rating IS NULL");
    scatter("SELECT id, rating FROM customers WHERE rating < -990");
    scatter(
        "SELECT id, balance * 2 AS doubled, CONCAT(name, '|', code) AS label,"
            + " DATE_FORMAT(created, '%Y-%m') AS month, score + 0.5 FROM customers WHERE score > 990");
    scatter("SELECT * FROM events WHERE kind = 'click' AND value > 95");
    scatter("SELECT * FROM visits WHERE seconds > 3500");
    scatter("SELECT * FROM payments WHERE method = 'card'");
    scatter("SELECT id, status, note FROM orders WHERE note = 'strasse' AND amount > 900");
    scatter("SELECT id FROM orders WHERE status = 'paid' AND amount > 990");
    scatter("SELECT 1 FROM customers WHERE id < 0");
    scatter("SELECT * FROM customers");
    scatter(
        "SELECT id, name FROM customers WHERE country = ? AND score > ?", values.country(), 900);
    scatter("SELECT id FROM orders WHERE status = ? AND amount > ?", "PAID", new BigDecimal("990"));
    scatter("SELECT id, name FROM customers WHERE name = ?", "A ");
    scatter("SELECT id FROM customers WHERE born < ?", LocalDate.of(1941, 3, 1));
    scatter("SELECT id FROM orders WHERE ordered_at > ?", LocalDateTime.of(2023, 12, 30, 12, 0, 0));
  }

  private void scatter(String sql, Object... parameters) {
    corpus.unordered(SCATTER, sql, parameters);
  }

  private void aggregates() {
    for (String table : new String[] {"customers", "orders", "events", "payments", "visits"}) {
      aggregate("SELECT COUNT(*) FROM " + table);
    }
    corpus.times(
        4,
        () ->
            aggregate(
                "SELECT COUNT(*), SUM(amount), MIN(amount), MAX(amount) FROM orders"
                    + " WHERE status = '"
                    + values.status()
                    + "'"));
    corpus.times(
        3,
        () ->
            aggregate(
                "SELECT COUNT(score), SUM(score), MIN(score), MAX(score) FROM customers"
                    + " WHERE country = '"
                    + values.country()
                    + "'"));
    aggregate("SELECT SUM(rating), MIN(rating), MAX(rating), COUNT(rating) FROM customers");
    aggregate("SELECT SUM(weight), MAX(weight) FROM orders");
    aggregate("SELECT MIN(born), MAX(born), MIN(created), MAX(created) FROM customers");
    aggregate("SELECT MIN(happened), MAX(value) FROM events");
    aggregate("SELECT SUM(amount), MAX(id), COUNT(*) FROM orders WHERE id < 0");
    aggregate("SELECT COUNT(*) AS n, SUM(balance) AS total FROM customers WHERE balance < 0");
    aggregate("SELECT SUM(quantity), COUNT(quantity), COUNT(note) FROM orders");
    aggregate("SELECT MAX(ship_date), MIN(ordered_at) FROM orders");
    aggregate(
        "SELECT COUNT(*), SUM(o.amount) FROM customers c JOIN orders o ON o.customer_id = c.id"
            + " WHERE c.country = 'DE'");
    aggregate(
        "SELECT COUNT(*) FROM events e JOIN regions r ON r.code = e.region"
            + " WHERE r.population > 1000000");
    aggregate(
        "SELECT COUNT(*), SUM(amount) FROM orders WHERE amount > ?", new BigDecimal("750.25"));
    aggregate("SELECT MIN(created), MAX(score) FROM customers WHERE country = ?", values.country());
    // The data gives each MIN and MAX of a _ci column one right spelling.
    corpus.unordered(STRING_MIN_MAX, "SELECT MIN(name), MAX(name) FROM customers");
    corpus.unordered(STRING_MIN_MAX, "SELECT MIN(email), MAX(email) FROM customers");
    corpus.unordered(STRING_MIN_MAX, "SELECT MIN(code), MAX(code) FROM customers");
    corpus.unordered(STRING_MIN_MAX, "SELECT MIN(kind), MAX(kind) FROM events");
  }

  private void aggregate(String sql, Object... parameters) {
    corpus.unordered(AGGREGATE, sql, parameters);
  }

  private void limits() {
    for (int limit : new int[] {0, 1, 10}) {
      corpus.anyRows(LIMIT, "SELECT id, name FROM customers", limit);
    }
    corpus.anyRows(LIMIT, "SELECT id, amount FROM orders WHERE amount > 500", 25);
    corpus.anyRows(LIMIT, "SELECT * FROM events", 7);
    corpus.anyRows(LIMIT, "SELECT id FROM payments WHERE method = 'cash'", 3_000);
    corpus.anyRows(
        LIMIT, "SELECT c.id, o.id FROM customers c JOIN orders o ON o.customer_id = c.id", 15);
    corpus.anyRows(LIMIT_OFFSET, "SELECT id FROM customers", 10, 5);
    corpus.anyRows(LIMIT_OFFSET, "SELECT id, amount FROM orders WHERE amount > 900", 5, 100);
    corpus.anyRows(LIMIT_OFFSET, "SELECT id FROM payments WHERE id < 20", 5, 8);
  }

  private void joins() {
    String customersWithOrders = "FROM customers c JOIN orders o ON o.customer_id = c.id";
    corpus.times(
        3,
        () ->
            colocated(
                "SELECT c.id, c.name, o.id, o.amount "
                    + customersWithOrders
                    + " WHERE c.id = "
                    + values.customerId()));
    colocated("SELECT c.id, o.id, o.amount " + customersWithOrders + " WHERE o.amount > 995");
    colocated(
        "SELECT c.id, c.country, o.status FROM customers c JOIN orders o"
            + " ON c.id = o.customer_id WHERE c.score > 995");
    colocated(
        "SELECT c.id, o.id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id"
            + " WHERE c.score < -990");
    colocated(
        "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id"
            + " WHERE o.customer_id IN ("
            + values.customerIds(3)
            + ")");
    colocated(
        "SELECT c.id, o.id FROM customers c, orders o WHERE o.customer_id = c.id"
            + " AND o.amount > 998");

    broadcast(
        "SELECT c.id, c.name, r.code, r.name FROM customers c JOIN regions r ON r.id = c.region_id"
            + " WHERE c.id IN ("
            + values.customerIds(6)
            + ")");
    broadcast(
        "SELECT c.id, r.name FROM customers c JOIN regions r ON r.id = c.region_id"
            + " WHERE c.score > 990");
    broadcast(
        "SELECT e.id, e.region, r.name FROM events e JOIN regions r ON r.code = e.region"
            + " WHERE e.value = 100");
    broadcast(
        "SELECT o.id, r.code FROM orders o JOIN customers c ON c.id = o.customer_id"
            + " JOIN regions r ON r.id = c.region_id WHERE o.amount > 995");
    broadcast(
        "SELECT c.id, r.code FROM customers c LEFT JOIN regions r ON r.id = c.region_id"
            + " WHERE c.rating > 995");
    broadcast(
        "SELECT p.id, r.name FROM payments p JOIN regions r ON r.id = p.customer_id % 200 + 1"
            + " WHERE p.id BETWEEN 900 AND 1100");
    broadcast(
        "SELECT v.id, r.code FROM visits v JOIN regions r ON r.id = v.seconds"
            + " WHERE v.seconds < 50");

    other(
        "SELECT c.id, v.id FROM customers c JOIN visits v ON v.customer_id = c.id"
            + " WHERE v.seconds > 3590");
    other(
        "SELECT c.id, v.id FROM customers c JOIN visits v ON v.customer_id = c.id WHERE c.id = "
            + values.customerId());
    other(
        "SELECT o.id, p.id FROM orders o JOIN payments p ON p.customer_id = o.customer_id"
            + " WHERE p.id < 20");
    other("SELECT c.id, n.body FROM customers c JOIN notes n ON n.customer_id = c.id");
    other(
        "SELECT a.id, b.id FROM customers a JOIN customers b ON a.region_id = b.region_id"
            + " WHERE a.score = 1000 AND b.score = -1000");
  }

  private void colocated(String sql) {
    corpus.unordered(JOIN_COLOCATED, sql);
  }

  private void broadcast(String sql) {
    corpus.unordered(JOIN_BROADCAST, sql);
  }

  private void other(String sql) {
    corpus.unordered(JOIN_OTHER, sql);
  }
}
