package io.shardway.server.it;

import static io.shardway.server.it.Category.AGGREGATE_EXPRESSION;
import static io.shardway.server.it.Category.AVG;
import static io.shardway.server.it.Category.COUNT_DISTINCT;
import static io.shardway.server.it.Category.DISTINCT;
import static io.shardway.server.it.Category.GROUP_BY;
import static io.shardway.server.it.Category.GROUP_CONCAT;
import static io.shardway.server.it.Category.HAVING;
import static io.shardway.server.it.Category.ORDER_BY;
import static io.shardway.server.it.Category.ORDER_BY_AGGREGATE;
import static io.shardway.server.it.Category.ORDER_BY_LIMIT;
import static io.shardway.server.it.Category.SUBQUERY;
import static io.shardway.server.it.Category.UNION;
import static io.shardway.server.it.Category.WINDOW;

/**
 * Reads whose rows from several groups must be merged: sorted, grouped, de-duplicated, averaged, or
 * combined with rows of other groups. Where a query shows a value of a group or a DISTINCT under a
 * _ci collation, it shows one that does not depend on which row of the group came first (the group
 * key hidden, or its binary MIN), since MariaDB itself picks any.
 */
final class MergeQueries extends QueryFamily {
  MergeQueries(ReadCorpus corpus, CorpusValues values) {
    super(corpus, values);
  }

  @Override
  void addAll() {
    orderBy();
    orderByWithLimit();
    groupBy();
    distinct();
    averages();
    combinations();
  }

  private void orderBy() {
    corpus.times(
        2,
        () ->
            sorted(
                "SELECT id, name FROM customers WHERE country = '"
                    + values.country()
                    + "' ORDER BY name, id"));
    sorted("SELECT id, name FROM customers WHERE country = 'DE' ORDER BY name DESC, id DESC");
    sorted("SELECT id, email FROM customers WHERE score > 900 ORDER BY email, id");
    sorted("SELECT id, email FROM customers WHERE score > 900 ORDER BY email DESC, id");
    sorted("SELECT id, code FROM customers WHERE score < -900 ORDER BY code, id");
    sorted("SELECT id, score FROM customers WHERE country = 'FR' ORDER BY score DESC, id");
    sorted(
        "SELECT id, rating, born FROM customers WHERE country = 'JP' ORDER BY rating, born DESC, id");
    sorted("SELECT id, balance FROM customers WHERE country = 'KR' ORDER BY balance DESC, id");
    sorted("SELECT id, created FROM customers WHERE country = 'AT' ORDER BY created, id");
    sorted(
        "SELECT id, status, ordered_at FROM orders WHERE amount > 980"
            + " ORDER BY status, ordered_at DESC, id");
    sorted("SELECT id, note FROM orders WHERE amount > 950 ORDER BY note, id");
    sorted("SELECT id, balance * 2 AS b2 FROM customers WHERE score > 950 ORDER BY b2, id");
    sorted("SELECT id FROM customers WHERE score > 950 ORDER BY name, id");
    sorted("SELECT id, name FROM customers WHERE score > 950 ORDER BY 2, 1");
    sorted("SELECT id, region, kind FROM events WHERE value = 0 ORDER BY region, kind, id");
    sorted("SELECT id, paid_on FROM payments WHERE amount > 4900 ORDER BY paid_on DESC, id");
    sorted("SELECT id, page FROM visits WHERE seconds < 60 ORDER BY page, id");
    sorted(
        "SELECT c.id, o.amount FROM customers c JOIN orders o ON o.customer_id = c.id"
            + " WHERE o.amount > 990 ORDER BY o.amount, o.id");
    sorted("SELECT id, name FROM customers WHERE score > 980 ORDER BY LOWER(name), id");
    sorted(
        "SELECT id, name FROM customers WHERE score > 980 ORDER BY name COLLATE utf8mb4_bin, id");
    sorted("SELECT id, UPPER(name) AS u FROM customers WHERE score > 980 ORDER BY u, id");
    sorted("SELECT id, name FROM customers WHERE country = ? ORDER BY name, id", values.country());
    // ORDER BY that leaves ties: any order of the tied rows is right.
    corpus.unordered(
        ORDER_BY, "SELECT id, name FROM customers WHERE country = 'CA' ORDER BY country");
  }

  private void sorted(String sql, Object... parameters) {
    corpus.ordered(ORDER_BY, sql, parameters);
  }

  private void orderByWithLimit() {
    top("SELECT id, amount FROM orders ORDER BY amount DESC, id LIMIT 20");
    top("SELECT id, name FROM customers ORDER BY name, id LIMIT 25");
    top("SELECT id, name FROM customers ORDER BY name DESC, id LIMIT 10");
    top("SELECT id, email FROM customers ORDER BY email, id LIMIT 10 OFFSET 450");
    top("SELECT id, created FROM customers ORDER BY created DESC, id LIMIT 5 OFFSET 5");
    top("SELECT id, amount FROM orders ORDER BY amount, id LIMIT 10, 5");
    top("SELECT id FROM events ORDER BY happened, id LIMIT 3");
    top("SELECT id, rating FROM customers ORDER BY rating, id LIMIT 8");
    top("SELECT id, amount FROM payments WHERE id > 1500 ORDER BY amount DESC, id LIMIT 7");
    top(
        "SELECT c.id, o.id, o.amount FROM customers c JOIN orders o ON o.customer_id = c.id"
            + " ORDER BY o.amount DESC, o.id LIMIT 10");
    top("SELECT id, amount FROM orders WHERE status = ? ORDER BY amount DESC, id LIMIT 5", "paid");
  }

  private void top(String sql, Object... parameters) {
    corpus.ordered(ORDER_BY_LIMIT, sql, parameters);
  }

  private void groupBy() {
    corpus.eachUnordered(
        GROUP_BY,
        "SELECT country, COUNT(*), SUM(balance), MIN(score), MAX(score) FROM customers"
            + " GROUP BY country",
        "SELECT COUNT(*), SUM(amount) FROM orders GROUP BY status",
        "SELECT MIN(status COLLATE utf8mb4_bin) AS spelling, COUNT(*) FROM orders"
            + " GROUP BY status",
        "SELECT region_id, COUNT(*) FROM customers GROUP BY region_id",
        "SELECT customer_id, COUNT(*), SUM(amount), MIN(ordered_at), MAX(ordered_at)"
            + " FROM orders GROUP BY customer_id",
        "SELECT YEAR(born) AS y, COUNT(*) FROM customers GROUP BY y",
        "SELECT code, COUNT(*) FROM customers GROUP BY code",
        "SELECT UPPER(region), kind, COUNT(*), SUM(value) FROM events"
            + " GROUP BY UPPER(region), kind",
        "SELECT quantity, SUM(weight) FROM orders GROUP BY quantity",
        "SELECT c.country, COUNT(o.id), SUM(o.amount) FROM customers c"
            + " JOIN orders o ON o.customer_id = c.id GROUP BY c.country",
        "SELECT COUNT(*) FROM customers GROUP BY name",
        "SELECT COUNT(*) FROM customers GROUP BY email");
    corpus.unordered(
        GROUP_BY, "SELECT country, COUNT(*) FROM customers WHERE score > ? GROUP BY country", 500);
    corpus.ordered(
        GROUP_BY, "SELECT country, COUNT(*) FROM customers GROUP BY country ORDER BY country");
    corpus.ordered(
        GROUP_BY,
        "SELECT DATE(ordered_at) AS d, COUNT(*) FROM orders WHERE ordered_at < '2020-02-01'"
            + " GROUP BY d ORDER BY d");

    corpus.eachUnordered(
        HAVING,
        "SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id HAVING n > 9",
        "SELECT customer_id, SUM(amount) FROM orders GROUP BY customer_id"
            + " HAVING SUM(amount) > 7000",
        "SELECT country, COUNT(*) FROM customers GROUP BY country HAVING MIN(balance) < -9990",
        "SELECT region_id, AVG(score) FROM customers GROUP BY region_id HAVING COUNT(*) > 30");

    for (String sql :
        new String[] {
          "SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id"
              + " ORDER BY total DESC, customer_id LIMIT 10",
          "SELECT country, COUNT(*) AS n FROM customers GROUP BY country ORDER BY n DESC, country",
          "SELECT region_id, MAX(balance) FROM customers GROUP BY region_id ORDER BY 2, 1",
          "SELECT kind, COUNT(*) FROM events GROUP BY kind ORDER BY COUNT(*) DESC, kind"
        }) {
      corpus.ordered(ORDER_BY_AGGREGATE, sql);
    }
  }

  private void distinct() {
    corpus.eachUnordered(
        DISTINCT,
        "SELECT DISTINCT country FROM customers",
        "SELECT DISTINCT region_id FROM customers WHERE score > 500",
        "SELECT DISTINCT code FROM customers WHERE score > 900",
        "SELECT DISTINCT customer_id FROM orders WHERE amount > 990",
        "SELECT DISTINCT quantity, YEAR(ordered_at) FROM orders",
        "SELECT DISTINCT kind FROM events",
        "SELECT DISTINCT c.country, r.code FROM customers c JOIN regions r ON r.id = c.region_id"
            + " WHERE c.score > 800");
    corpus.eachUnordered(
        COUNT_DISTINCT,
        "SELECT COUNT(DISTINCT name) FROM customers",
        "SELECT COUNT(DISTINCT email) FROM customers",
        "SELECT COUNT(DISTINCT code) FROM customers",
        "SELECT COUNT(DISTINCT customer_id) FROM orders",
        "SELECT COUNT(DISTINCT region, kind) FROM events",
        "SELECT country, COUNT(DISTINCT region_id) FROM customers GROUP BY country");
  }

  private void averages() {
    corpus.eachUnordered(
        AVG,
        "SELECT AVG(amount) FROM orders",
        "SELECT AVG(score), AVG(rating), AVG(balance) FROM customers",
        "SELECT AVG(amount), COUNT(*) FROM orders WHERE status = 'paid'",
        "SELECT country, AVG(balance) FROM customers GROUP BY country",
        "SELECT AVG(value) FROM events WHERE region IN ('US', 'DE')",
        "SELECT AVG(quantity) FROM orders WHERE id < 0");
    corpus.unordered(AVG, "SELECT AVG(amount) FROM orders WHERE amount > ?", 900);
    corpus.eachUnordered(
        AGGREGATE_EXPRESSION,
        "SELECT SUM(balance) + 1, COUNT(*) * 2 FROM customers",
        "SELECT MAX(amount) - MIN(amount) FROM orders",
        "SELECT SUM(amount) / COUNT(*) FROM orders");
  }

  private void combinations() {
    corpus.eachUnordered(
        SUBQUERY,
        "SELECT id FROM customers WHERE id IN"
            + " (SELECT customer_id FROM orders WHERE amount > 999)",
        "SELECT id, balance FROM customers WHERE balance > (SELECT AVG(balance) FROM customers)"
            + " AND score > 990",
        "SELECT COUNT(*) FROM (SELECT customer_id FROM orders GROUP BY customer_id) t",
        "SELECT t.country, t.n FROM (SELECT country, COUNT(*) AS n FROM customers"
            + " GROUP BY country) t WHERE t.n > 400",
        "SELECT c.id FROM customers c WHERE NOT EXISTS"
            + " (SELECT 1 FROM orders o WHERE o.customer_id = c.id)",
        "SELECT c.id, (SELECT r.name FROM regions r WHERE r.id = c.region_id) AS region"
            + " FROM customers c WHERE c.score > 995",
        "SELECT id FROM orders WHERE customer_id ="
            + " (SELECT MIN(id) FROM customers WHERE score = 1000)",
        "WITH big AS (SELECT id, customer_id FROM orders WHERE amount > 995) SELECT * FROM big",
        "SELECT id FROM events WHERE region IN"
            + " (SELECT code FROM regions WHERE population > 40000000)");

    long one = values.customerId();
    corpus.eachUnordered(
        UNION,
        "SELECT id FROM customers WHERE id = %d UNION SELECT id FROM customers WHERE id = %d"
            .formatted(one, values.customerId()),
        "SELECT id FROM customers WHERE id = %d UNION ALL SELECT id FROM customers WHERE id = %d"
            .formatted(one, one),
        "SELECT code FROM regions WHERE id < 5 UNION SELECT UPPER(region) FROM events"
            + " WHERE value = 100",
        "SELECT customer_id FROM orders WHERE amount > 999 UNION"
            + " SELECT customer_id FROM payments WHERE amount > 4999",
        "SELECT id, 'c' FROM customers WHERE score = 1000 UNION ALL"
            + " SELECT id, 'o' FROM orders WHERE amount > 999.9");

    corpus.eachUnordered(
        WINDOW,
        "SELECT id, country, RANK() OVER (PARTITION BY country ORDER BY balance DESC, id)"
            + " FROM customers WHERE score > 900",
        "SELECT id, customer_id, ROW_NUMBER() OVER (PARTITION BY customer_id"
            + " ORDER BY ordered_at, id) FROM orders WHERE amount > 950",
        "SELECT id, SUM(amount) OVER () FROM orders WHERE amount > 990",
        "SELECT id, COUNT(*) OVER (PARTITION BY region) FROM events WHERE value = 50");

    corpus.eachUnordered(
        GROUP_CONCAT,
        "SELECT GROUP_CONCAT(id ORDER BY id) FROM customers WHERE score = 1000",
        "SELECT country, GROUP_CONCAT(id ORDER BY id SEPARATOR ';') FROM customers"
            + " WHERE score > 990 GROUP BY country",
        "SELECT customer_id, GROUP_CONCAT(DISTINCT quantity ORDER BY quantity) FROM orders"
            + " WHERE amount > 995 GROUP BY customer_id");
  }
}
