package io.shardway.router.plan;

import static io.shardway.router.plan.Merge.CONCATENATE;
import static io.shardway.router.plan.Merge.QUERY;
import static io.shardway.router.plan.Routes.all;
import static io.shardway.router.plan.Routes.limited;
import static io.shardway.router.plan.Routes.refused;
import static io.shardway.router.plan.Routes.route;
import static io.shardway.router.plan.Routes.scatter;
import static io.shardway.router.plan.Routes.single;
import static io.shardway.router.plan.RoutingCase.row;
import static io.shardway.router.plan.TestLayouts.ALL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shardway.router.shard.ShardKey;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SelectRoutingTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource({
    "keyConditions",
    "keysNotFound",
    "shapes",
    "aggregates",
    "merged",
    "nestedQueries"
  })
  void routes(RoutingCase row) {
    assertEquals(row.expected(), route(row.sql(), row.params()));
  }

  static Stream<RoutingCase> keyConditions() {
    return Stream.of(
        row("SELECT * FROM users WHERE id = 5", single("s1")),
        row("SELECT * FROM users WHERE 6 = id", single("s2")),
        row("SELECT * FROM users WHERE id = ?", single("s3"), 7),
        row("SELECT * FROM users WHERE name = ? AND id = ?", single("s0"), "x", 8),
        row("SELECT * FROM users WHERE id = '5'", single("s1")),
        row("SELECT * FROM users WHERE id = -3", single("s1")),
        row("SELECT * FROM users WHERE id = 0x06", single("s2")),
        row("SELECT * FROM users WHERE ID = 5", single("s1")),
        row("SELECT * FROM users WHERE `id` = 5", single("s1")),
        row("SELECT * FROM users u WHERE u.id = 5", single("s1")),
        row("SELECT * FROM users AS u WHERE `u`.`id` = 5", single("s1")),
        row("SELECT * FROM users WHERE users.id = 5", single("s1")),
        row("SELECT * FROM appdb.users WHERE id = 5", single("s1")),
        row("SELECT * FROM `appdb`.`users` WHERE appdb.users.id = 5", single("s1")),
        row("SELECT * FROM users WHERE id IN (5, 9, 13)", single("s1")),
        row("SELECT * FROM users WHERE id IN (4, 5)", scatter(CONCATENATE, "s0", "s1")),
        row("SELECT * FROM users WHERE id IN (?, ?, ?)", scatter(CONCATENATE, "s2", "s3"), 2, 3, 6),
        row("SELECT * FROM users WHERE id = 7 OR id = 6", scatter(CONCATENATE, "s2", "s3")),
        row("SELECT * FROM users WHERE (id = 4 OR id = 8) AND name = 'x'", single("s0")),
        row("SELECT * FROM users WHERE id IN (4, 5) AND id = 5", single("s1")),
        row("SELECT * FROM users WHERE (id = 1 AND a = 1) OR (id = 5 AND a = 2)", single("s1")),
        row("SELECT * FROM users WHERE ((id = 6))", single("s2")),
        row(
            "SELECT * FROM products WHERE sku BETWEEN 150 AND 250",
            scatter(CONCATENATE, "s1", "s2")),
        row("SELECT * FROM products WHERE sku BETWEEN ? AND ?", single("s3"), 301, 399),
        row("SELECT * FROM products WHERE sku >= 150 AND sku < 200", single("s1")),
        row("SELECT * FROM products WHERE sku > 250", scatter(CONCATENATE, "s2", "s3")),
        row("SELECT * FROM products WHERE sku <= 99", single("s0")),
        row("SELECT * FROM products WHERE 99 >= sku", single("s0")),
        row("SELECT * FROM products WHERE 250 < sku", scatter(CONCATENATE, "s2", "s3")),
        row(
            "SELECT * FROM products WHERE sku < 100 OR sku = 399",
            scatter(CONCATENATE, "s0", "s3")),
        // No row can match: any one group gives the empty answer.
        row("SELECT * FROM users WHERE id = NULL", single("s0")),
        row("SELECT * FROM users WHERE id = ?", single("s0"), (Object) null),
        row("SELECT * FROM users WHERE id = 4 AND id = 5", single("s0")),
        row("SELECT * FROM products WHERE sku BETWEEN 300 AND 100", single("s0")));
  }

  /** Conditions that do not narrow: the statement reads every shard, which is always correct. */
  static Stream<RoutingCase> keysNotFound() {
    return Stream.of(
        row("SELECT * FROM users", all(CONCATENATE)),
        row("SELECT * FROM users WHERE name = 'x'", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id = 5 OR name = 'x'", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id NOT IN (5)", all(CONCATENATE)),
        row("SELECT * FROM users WHERE NOT id = 5", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id <> 5", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id <=> 5", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id = 5 + 0", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id = other_id", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id IN (5, other_id)", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id IN (SELECT 5)", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id = 'abc'", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id = 5.5", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id = ?", all(CONCATENATE), "abc"),
        row("SELECT * FROM users WHERE \"id\" = 5", all(CONCATENATE)),
        row("SELECT * FROM users WHERE u.id = 5", all(CONCATENATE)),
        row("SELECT * FROM users u WHERE users.id = 5", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id XOR 5", all(CONCATENATE)),
        row("SELECT * FROM products WHERE sku NOT BETWEEN 0 AND 99", all(CONCATENATE)),
        row("SELECT * FROM products WHERE sku > 'abc'", all(CONCATENATE)),
        row("SELECT * FROM products WHERE sku = 500", all(CONCATENATE)));
  }

  /** What a SELECT may do on several groups, and on one. */
  static Stream<RoutingCase> shapes() {
    String several = " in a SELECT that reads users from several shard groups";
    return Stream.of(
        // Merged by the operators of a QueryMerge.
        row("SELECT DISTINCT name FROM users", all(QUERY)),
        row("SELECT name FROM users GROUP BY name", all(QUERY)),
        row("SELECT name FROM users HAVING name > 'a'", all(QUERY)),
        row(
            "SELECT 1 + max(id) FROM users",
            refused("the aggregate function MAX inside an expression" + several)),
        row(
            "SELECT GROUP_CONCAT(name SEPARATOR ',') FROM users",
            refused("the aggregate function GROUP_CONCAT" + several)),
        row(
            "SELECT ROW_NUMBER() OVER (ORDER BY id) FROM users",
            refused("window functions" + several)),
        row("SELECT * FROM users ORDER BY id", all(QUERY)),
        row("SELECT * FROM users LIMIT 2, 3", all(QUERY)),
        row("SELECT * FROM users LIMIT 3 OFFSET 2", all(QUERY)),
        row("SELECT * FROM users ORDER BY id LIMIT 3", all(QUERY)),
        row("SELECT * FROM users LIMIT 18446744073709551615", all(QUERY)),
        // The merge applies a LIMIT, so it must read its numbers in the text.
        row("SELECT * FROM users LIMIT ?", refused("LIMIT with a ? placeholder" + several), 3),
        row(
            "SELECT * FROM users LIMIT ?, ?",
            refused("LIMIT with a ? placeholder" + several),
            0,
            10),
        row("SELECT * FROM users FETCH FIRST 3 ROWS ONLY", refused("this form of LIMIT" + several)),
        row("SELECT * FROM users LIMIT 3 FOR UPDATE", refused("FOR UPDATE with LIMIT" + several)),
        row(
            "SELECT id FROM users UNION ALL SELECT 1 LIMIT 3",
            refused("a UNION that reads users from several shard groups")),
        row(
            "SELECT * FROM (SELECT * FROM users LIMIT 3) AS t",
            refused("a derived table that reads users from several shard groups")),
        row(
            "(SELECT * FROM users LIMIT 3)",
            refused("a SELECT in parentheses that reads users from several shard groups")),
        row("SELECT * FROM users INTO OUTFILE '/tmp/u'", refused("SELECT … INTO" + several)),
        row("SELECT SQL_CALC_FOUND_ROWS * FROM users", refused("SQL_CALC_FOUND_ROWS" + several)),
        row("SELECT @n := id FROM users", refused("user variables" + several)),
        row("SELECT * FROM users WHERE name = @name", refused("user variables" + several)),
        row("SELECT LAST_INSERT_ID(), id FROM users", refused("LAST_INSERT_ID()" + several)),
        // One group answers whole, whatever the shape.
        row("SELECT DISTINCT name FROM users WHERE id = 5 GROUP BY name", single("s1")),
        row("SELECT COUNT(*), MAX(name) FROM users WHERE id IN (5, 9)", single("s1")),
        row("SELECT * FROM users WHERE id = 5 ORDER BY name LIMIT 10", single("s1")),
        row("SELECT * FROM users WHERE id = 5 LIMIT 10", single("s1")),
        row("SELECT * FROM users WHERE id IN (5, 9) LIMIT 2, 3", single("s1")),
        row("SELECT * FROM users WHERE id = ? LIMIT ?", single("s2"), 6, 3),
        row("SELECT COUNT(*) AS orders FROM users WHERE id = 5", single("s1")),
        row("SELECT *, @n := id FROM users WHERE id = 5", single("s1")),
        // What is harmless on several groups.
        row("SELECT id, name, NOW() FROM users", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id IN (4, 5) FOR UPDATE", scatter(CONCATENATE, "s0", "s1")),
        row("SELECT (SELECT COUNT(*) FROM countries) FROM users", all(CONCATENATE)),
        row("SELECT * FROM users WHERE 1 = 0", all(CONCATENATE)),
        // LIMIT n without ORDER BY returns any n rows: the groups' rows, cut after n.
        row("SELECT * FROM users LIMIT 10", limited(ALL, 10)),
        row("SELECT 1 FROM users WHERE name = 'x' LIMIT 1", limited(ALL, 1)),
        row("SELECT * FROM users LIMIT 0", limited(ALL, 0)),
        row("select * from users  limit  010", limited(ALL, 10)),
        row("SELECT * FROM users WHERE id IN (4, 5) LIMIT 1", limited(List.of("s0", "s1"), 1)),
        row("SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id LIMIT 5", limited(ALL, 5)));
  }

  /**
   * Aggregates that fold, alone in the select list or not, are merged by the operators of a
   * QueryMerge; the rest is refused.
   */
  static Stream<RoutingCase> aggregates() {
    String several = " in a SELECT that reads users from several shard groups";
    return Stream.of(
        row("SELECT COUNT(*) FROM users", all(QUERY)),
        row(
            "SELECT count(*) AS n, COUNT(name) c, SUM(n), Min(name) AS 'm', MAX(id) FROM users",
            all(QUERY)),
        row(
            "SELECT SUM(n * 2), COUNT(1) FROM users WHERE id IN (4, 5)",
            scatter(QUERY, "s0", "s1")),
        row("SELECT MAX(n) FROM users WHERE id IN (?, ?)", scatter(QUERY, "s2", "s3"), 6, 7),
        row("SELECT MIN(IFNULL(n, 0)) FROM users WHERE name = 'x'", all(QUERY)),
        row("SELECT COUNT(*) FROM users u JOIN orders o ON o.user_id = u.id", all(QUERY)),
        row(
            "SELECT SUM(o.n) FROM users u JOIN countries c ON c.code = u.country"
                + " LEFT JOIN orders o ON o.user_id = u.id",
            all(QUERY)),
        row("SELECT COUNT(*) FROM users WHERE country IN (SELECT code FROM countries)", all(QUERY)),
        row("SELECT COUNT(*) FROM users FOR UPDATE", all(QUERY)),
        // One group answers whole, whatever the aggregates.
        row("SELECT COUNT(*) FROM users WHERE id = 5", single("s1")),
        row("SELECT AVG(n), COUNT(DISTINCT name) FROM users WHERE id IN (5, 9)", single("s1")),
        row("SELECT COUNT(*) + 1, name FROM users WHERE id = 6 GROUP BY name", single("s2")),
        // Aggregates that do not fold, or not alone.
        row("SELECT AVG(n) FROM users", all(QUERY)),
        row("SELECT COUNT(*), STD(n) FROM users", refused("the aggregate function STD" + several)),
        row("SELECT COUNT(DISTINCT name) FROM users", all(QUERY)),
        row(
            "SELECT COUNT(DISTINCT name), COUNT(*) FROM users",
            refused("COUNT(DISTINCT …) with other aggregate functions" + several)),
        row("SELECT SUM(DISTINCT n) FROM users", refused("SUM(DISTINCT …)" + several)),
        row(
            "SELECT COUNT(*) + 1 FROM users",
            refused("the aggregate function COUNT inside an expression" + several)),
        row(
            "SELECT (MIN(id)) FROM users",
            refused("the aggregate function MIN inside an expression" + several)),
        row("SELECT name, COUNT(*) FROM users", all(QUERY)),
        row("SELECT COUNT(*), 1 FROM users WHERE id IN (4, 5)", scatter(QUERY, "s0", "s1")),
        row("SELECT COUNT(*) OVER () FROM users", refused("window functions" + several)),
        row("SELECT COUNT(*) FROM users GROUP BY name", all(QUERY)),
        row("SELECT COUNT(*) FROM users HAVING COUNT(*) > 1", all(QUERY)),
        row("SELECT MAX(id) FROM users ORDER BY 1", all(QUERY)),
        row("SELECT COUNT(*) FROM users LIMIT 1", all(QUERY)),
        row("SELECT MAX(id) FROM users WHERE id IN (4, 5) LIMIT 0", scatter(QUERY, "s0", "s1")),
        row(
            "SELECT DISTINCT COUNT(*) FROM users",
            refused("DISTINCT with GROUP BY or aggregate functions" + several)),
        row("SELECT SUM(n) FROM users LIMIT ?", refused("LIMIT with a ? placeholder" + several), 1),
        row("SELECT COUNT(*) FROM users INTO OUTFILE '/tmp/n'", refused("SELECT … INTO" + several)),
        row("SELECT MAX(@n := id) FROM users", refused("user variables" + several)),
        row(
            "SELECT COUNT(*) FROM users WHERE id IN (SELECT user_id FROM orders)",
            refused("a subquery that reads orders from several shard groups")),
        row(
            "SELECT COUNT(*) FROM countries c LEFT JOIN users u ON u.country = c.code",
            refused("an outer join that can return rows without users, across shard groups")),
        row(
            "SELECT SUM(n) FROM (SELECT * FROM users) AS t",
            refused("a derived table that reads users from several shard groups")));
  }

  /**
   * What the operators of a QueryMerge merge across groups, and what they cannot merge exactly: the
   * reason names the first such thing.
   */
  static Stream<RoutingCase> merged() {
    String several = " in a SELECT that reads users from several shard groups";
    return Stream.of(
        row("SELECT id, name FROM users ORDER BY name DESC, 2 LIMIT 5, 10", all(QUERY)),
        row(
            "SELECT name AS n FROM users WHERE id IN (4, 5) ORDER BY n",
            scatter(QUERY, "s0", "s1")),
        row("SELECT * FROM users ORDER BY LOWER(name)", all(QUERY)),
        row("SELECT id FROM users WHERE name = ? ORDER BY id LIMIT 3", all(QUERY), "x"),
        row(
            "SELECT name, COUNT(*) n FROM users GROUP BY name HAVING n > 1 ORDER BY n DESC",
            all(QUERY)),
        row("SELECT region, AVG(n), MIN(name) FROM users GROUP BY 1 ORDER BY 1 DESC", all(QUERY)),
        row("SELECT COUNT(*) FROM users GROUP BY region ORDER BY MAX(name) LIMIT 2", all(QUERY)),
        row("SELECT COUNT(DISTINCT id), SUM(n) FROM users", all(QUERY)),
        row("SELECT DISTINCT name, region FROM users ORDER BY region DESC LIMIT 2", all(QUERY)),
        row("SELECT id FROM users ORDER BY id FOR UPDATE", all(QUERY)),
        row("SELECT id FROM users ORDER BY RAND()", refused("ORDER BY RAND()" + several)),
        row("SELECT UUID() u, id FROM users ORDER BY u", refused("ORDER BY UUID()" + several)),
        row(
            "SELECT id FROM users ORDER BY (SELECT MAX(code) FROM countries)",
            refused("a subquery in ORDER BY" + several)),
        row(
            "SELECT name, COUNT(*) FROM users GROUP BY name WITH ROLLUP",
            refused("WITH ROLLUP" + several)),
        row(
            "SELECT SQL_CALC_FOUND_ROWS id FROM users ORDER BY id",
            refused("SQL_CALC_FOUND_ROWS" + several)),
        row(
            "SELECT id FROM users ORDER BY id INTO OUTFILE '/tmp/u'",
            refused("SELECT … INTO" + several)),
        row(
            "SELECT id FROM users ORDER BY id LIMIT 3 FOR UPDATE",
            refused("FOR UPDATE with LIMIT" + several)),
        row(
            "SELECT id, name FROM users ORDER BY 3",
            refused("ORDER BY position 3, which the select list does not have" + several)),
        row(
            "SELECT *, name FROM users ORDER BY 2",
            refused("ORDER BY position 2 of a select list with *" + several)),
        row(
            "SELECT id AS k, name AS k FROM users ORDER BY k",
            refused("ORDER BY the alias k of several select items" + several)),
        row(
            "SELECT n * 2 AS d FROM users ORDER BY d + 1",
            refused("ORDER BY on an expression that uses the select alias d" + several)),
        row(
            "SELECT id FROM users ORDER BY id DESC NULLS LAST",
            refused("NULLS FIRST and NULLS LAST" + several)),
        row("SELECT DISTINCT * FROM users", refused("DISTINCT with *" + several)),
        row(
            "SELECT DISTINCT name FROM users ORDER BY id",
            refused("DISTINCT with ORDER BY id, which it does not select" + several)),
        row(
            "SELECT DISTINCT name FROM users GROUP BY name",
            refused("DISTINCT with GROUP BY or aggregate functions" + several)),
        row(
            "SELECT LOWER(name) AS l, COUNT(*) FROM users GROUP BY l",
            refused("GROUP BY the select alias l (name the expression instead)" + several)),
        row(
            "SELECT name, GROUP_CONCAT(id) FROM users GROUP BY name",
            refused("the aggregate function GROUP_CONCAT" + several)),
        row(
            "SELECT name, BIT_OR(n) FROM users GROUP BY name",
            refused("the aggregate function BIT_OR" + several)),
        row(
            "SELECT name FROM users GROUP BY name ORDER BY COUNT(*) + 1",
            refused("the aggregate function COUNT inside an expression" + several)),
        row(
            "SELECT name, RANK() OVER (ORDER BY n) FROM users ORDER BY name",
            refused("window functions" + several)),
        row(
            "SELECT name FROM users GROUP BY name HAVING name IS NOT NULL",
            refused(
                "HAVING conditions other than comparisons with a number joined by AND and OR"
                    + several)),
        row(
            "SELECT name FROM users GROUP BY name HAVING MAX(n) > MIN(n)",
            refused(
                "HAVING conditions other than comparisons with a number joined by AND and OR"
                    + several)),
        row(
            "SELECT name FROM users GROUP BY name HAVING n > 1",
            refused("HAVING on n, which is neither an aggregate nor grouped" + several)),
        row(
            "SELECT name FROM users GROUP BY name HAVING 1 > 0",
            refused(
                "HAVING on an expression, which is neither an aggregate nor grouped" + several)),
        row(
            "SELECT *, COUNT(*) FROM users GROUP BY region",
            refused("aggregate functions after * in the select list" + several)),
        row("SELECT COUNT(*), users.* FROM users GROUP BY region", all(QUERY)),
        row(
            "SELECT COUNT(DISTINCT u.id) FROM users u JOIN orders o ON o.user_id = u.id",
            all(QUERY)));
  }

  /** Subqueries, derived tables, common table expressions and UNIONs read in the one group. */
  static Stream<RoutingCase> nestedQueries() {
    return Stream.of(
        row(
            "SELECT * FROM users WHERE id = 5 AND name IN (SELECT name FROM orders WHERE user_id = 9)",
            single("s1")),
        row(
            "SELECT * FROM users WHERE id IN (SELECT user_id FROM orders)",
            refused("a subquery that reads orders from several shard groups")),
        row(
            "SELECT * FROM users WHERE id = 5 AND EXISTS (SELECT 1 FROM orders WHERE user_id = 6)",
            refused(
                "a statement that combines rows of orders in shard group s2"
                    + " with rows of users in shard group s1")),
        row(
            "SELECT * FROM users u WHERE u.id = 5 AND EXISTS"
                + " (SELECT 1 FROM orders o WHERE o.user_id = u.id)",
            refused("a subquery that reads orders from several shard groups")),
        row(
            "SELECT * FROM users WHERE id = 5 AND a > ANY (SELECT a FROM orders)",
            refused("a subquery that reads orders from several shard groups")),
        row(
            "SELECT (SELECT name FROM orders WHERE user_id = 5) FROM users WHERE id = 9",
            single("s1")),
        row(
            "SELECT * FROM users WHERE id IN (4, 5) AND a IN (SELECT a FROM orders WHERE user_id = 4)",
            refused(
                "a statement that combines rows of orders in shard group s0"
                    + " with rows of users in shard groups s0, s1")),
        row("SELECT * FROM (SELECT * FROM users WHERE id = 6) AS t", single("s2")),
        row("SELECT * FROM (SELECT * FROM users WHERE id = ?) t JOIN logs", single("s1"), 5),
        row(
            "SELECT * FROM (SELECT * FROM users) AS t",
            refused("a derived table that reads users from several shard groups")),
        row("WITH u AS (SELECT * FROM users WHERE id = 7) SELECT * FROM u", single("s3")),
        row(
            "WITH u AS (SELECT * FROM users) SELECT * FROM u",
            refused("a common table expression that reads users from several shard groups")),
        row(
            "WITH users AS (SELECT * FROM logs) SELECT * FROM users",
            refused(
                "a statement in which Shardway cannot find every use of the sharded table users")),
        row(
            "SELECT id FROM users WHERE id = 5 UNION SELECT user_id FROM orders WHERE user_id = 9",
            single("s1")),
        row(
            "SELECT id FROM users WHERE id = 5 UNION ALL SELECT id FROM users WHERE id = 6",
            refused(
                "a statement that combines rows of users in shard group s1"
                    + " with rows of users in shard group s2")),
        row(
            "SELECT id FROM users UNION SELECT 1",
            refused("a UNION that reads users from several shard groups")),
        row(
            "(SELECT id FROM users) ORDER BY id",
            refused("a SELECT in parentheses that reads users from several shard groups")),
        row("(SELECT id FROM users WHERE id = 4)", single("s0")));
  }

  @Test
  void bindsOnePlanToManyParameterValues() {
    RoutePlan plan = TestLayouts.ROUTER.plan("SELECT * FROM users WHERE id = ? AND name = ?");

    assertEquals(2, plan.parameterCount());
    assertEquals(single("s1"), plan.bind(Arrays.asList(ShardKey.ofLong(5), null)));
    assertEquals(single("s2"), plan.bind(List.of(ShardKey.ofLong(6), ShardKey.of("x", true))));
    assertEquals(single("s0"), plan.bind(Arrays.asList(null, ShardKey.ofLong(6))));
    assertEquals(all(CONCATENATE), plan.bind(List.of(ShardKey.of("x", true), ShardKey.ofLong(6))));
  }

  @Test
  void parametersCountInTextOrderAcrossClauses() {
    RoutePlan plan =
        TestLayouts.ROUTER.plan(
            "SELECT ?, (SELECT ? FROM countries) FROM users WHERE name = ? AND id = ? LIMIT ?");

    assertEquals(5, plan.parameterCount());
    List<ShardKey> params =
        List.of(
            ShardKey.ofLong(1),
            ShardKey.ofLong(2),
            ShardKey.ofLong(3),
            ShardKey.ofLong(7),
            ShardKey.ofLong(5));
    assertEquals(single("s3"), plan.bind(params));
  }

  @Test
  void readsBroadcastTablesInOneGroupTheyAllHave() {
    assertEquals(single("s0"), route("SELECT * FROM countries"));
    assertEquals(single("s0"), route("SELECT * FROM countries c JOIN currencies x ON x.c = c.c"));
    assertEquals(single("s1"), route("SELECT * FROM currencies JOIN logs"));
    assertEquals(single("s2"), route("SELECT * FROM countries JOIN other.t"));
    assertEquals(
        refused(
            "a statement that reads the broadcast table currencies in shard group s2,"
                + " which holds no copy of it"),
        route("SELECT * FROM currencies JOIN other.t"));
  }
}
