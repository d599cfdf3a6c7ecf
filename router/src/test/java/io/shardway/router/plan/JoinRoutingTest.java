package io.shardway.router.plan;

import static io.shardway.router.plan.Merge.CONCATENATE;
import static io.shardway.router.plan.Merge.QUERY;
import static io.shardway.router.plan.Routes.all;
import static io.shardway.router.plan.Routes.refused;
import static io.shardway.router.plan.Routes.route;
import static io.shardway.router.plan.Routes.scatter;
import static io.shardway.router.plan.Routes.single;
import static io.shardway.router.plan.RoutingCase.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JoinRoutingTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource({"colocated", "notColocated", "broadcast", "unsharded", "outerJoins"})
  void routes(RoutingCase row) {
    assertEquals(row.expected(), route(row.sql()));
  }

  /** users and orders share their shards: joined on their keys, a condition on either routes. */
  static Stream<RoutingCase> colocated() {
    return Stream.of(
        row("SELECT * FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id = 6", single("s2")),
        row(
            "SELECT * FROM users u JOIN orders o ON o.user_id = u.id WHERE o.user_id = 6",
            single("s2")),
        row(
            "SELECT * FROM users u JOIN orders o ON u.id = o.user_id AND o.user_id = 7",
            single("s3")),
        row("SELECT * FROM users u, orders o WHERE u.id = o.user_id AND u.id = 5", single("s1")),
        row("SELECT * FROM users JOIN orders ON user_id = id WHERE id = 5", single("s1")),
        row(
            "SELECT * FROM users JOIN orders ON orders.user_id = users.id WHERE users.id IN (4, 5)",
            scatter(CONCATENATE, "s0", "s1")),
        row("SELECT * FROM users u JOIN orders o ON o.user_id = u.id", all(CONCATENATE)),
        row(
            "SELECT * FROM users a JOIN users b ON a.id = b.id JOIN orders o ON o.user_id = b.id"
                + " WHERE a.id = 7",
            single("s3")),
        row("SELECT * FROM orders JOIN orders x USING (user_id) WHERE x.user_id = 4", single("s0")),
        row(
            "SELECT * FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id = 5 OR o.user_id = 6",
            scatter(CONCATENATE, "s1", "s2")),
        row("SELECT * FROM users u JOIN orders o ON o.user_id = u.id ORDER BY u.id", all(QUERY)),
        row(
            "SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id ORDER BY RAND()",
            refused(
                "ORDER BY RAND() in a SELECT that reads users and orders from several shard groups")));
  }

  /** Tables not joined on co-located keys: each must be pinned to the same one group. */
  static Stream<RoutingCase> notColocated() {
    String notOnKeys = " that is not on equal shard keys, across shard groups";
    return Stream.of(
        row(
            "SELECT * FROM users u JOIN orders o ON o.other = u.id",
            refused("a join of users with orders" + notOnKeys)),
        row(
            "SELECT * FROM users u JOIN orders o ON o.user_id = u.id OR o.user_id = 1",
            refused("a join of users with orders" + notOnKeys)),
        row(
            "SELECT * FROM users u JOIN products p ON p.sku = u.id",
            refused("a join of users with products" + notOnKeys)),
        row(
            "SELECT * FROM users u JOIN products p ON p.sku = u.id WHERE u.id = 4",
            refused("a join of products with users" + notOnKeys)),
        row(
            "SELECT * FROM users u JOIN products p ON p.sku = u.id WHERE u.id = 4 AND p.sku = 4",
            single("s0")),
        row("SELECT * FROM users u, orders o WHERE u.id = 5 AND o.user_id = 9", single("s1")),
        row(
            "SELECT * FROM users u, orders o WHERE u.id = 5 AND o.user_id = 6",
            refused(
                "a statement that combines rows of users in shard group s1"
                    + " with rows of orders in shard group s2")),
        row(
            "SELECT * FROM users u JOIN pairs p ON p.a = u.id WHERE u.id = 6 AND p.a = 8",
            single("s2")));
  }

  /** Broadcast tables join with anything, where they have a copy in each group read. */
  static Stream<RoutingCase> broadcast() {
    return Stream.of(
        row("SELECT * FROM users u JOIN countries c ON c.code = u.country", all(CONCATENATE)),
        row(
            "SELECT * FROM countries c JOIN users u ON c.code = u.country WHERE u.id = 6",
            single("s2")),
        row(
            "SELECT * FROM users u WHERE u.country IN (SELECT code FROM countries)",
            all(CONCATENATE)),
        row(
            "SELECT * FROM users u JOIN currencies c ON c.code = u.cur WHERE u.id = 5",
            single("s1")),
        row(
            "SELECT * FROM users u JOIN currencies c ON c.code = u.cur",
            refused(
                "a statement that reads the broadcast table currencies in shard groups s2, s3,"
                    + " which holds no copy of it")),
        row(
            "SELECT * FROM users u JOIN currencies c ON c.code = u.cur WHERE u.id = 7",
            refused(
                "a statement that reads the broadcast table currencies in shard group s3,"
                    + " which holds no copy of it")));
  }

  /** An unsharded table pins the statement to its group, which must hold the sharded rows. */
  static Stream<RoutingCase> unsharded() {
    return Stream.of(
        row("SELECT * FROM users u JOIN logs l ON l.uid = u.id WHERE u.id = 5", single("s1")),
        row(
            "SELECT * FROM users u JOIN logs l ON l.uid = u.id WHERE u.id = 6",
            refused(
                "a statement that combines the table logs of shard group s1"
                    + " with rows in shard group s2")),
        row(
            "SELECT * FROM users u JOIN logs l ON l.uid = u.id",
            refused(
                "a statement that combines the table logs of shard group s1"
                    + " with rows in shard groups s0, s1, s2, s3")),
        row("SELECT * FROM users u, prefs s WHERE u.id = 4", single("s0")),
        row(
            "SELECT * FROM users u, prefs s WHERE u.id = 5",
            refused(
                "a statement that combines the table prefs of shard group s0"
                    + " with rows in shard group s1")),
        row("SELECT * FROM users u JOIN other.t WHERE u.id = 6", single("s2")),
        row(
            "SELECT * FROM logs JOIN other.t",
            refused(
                "a statement that combines the table other.t of shard group s2"
                    + " with rows in shard group s1")));
  }

  /**
   * On several groups, a row of an outer join must hold a sharded row, or every group would return
   * it; with one group, outer joins are the server's.
   */
  static Stream<RoutingCase> outerJoins() {
    String lonely = "an outer join that can return rows without users, across shard groups";
    return Stream.of(
        row("SELECT * FROM users u LEFT JOIN countries c ON c.code = u.country", all(CONCATENATE)),
        row("SELECT * FROM users u LEFT JOIN orders o ON o.user_id = u.id", all(CONCATENATE)),
        row("SELECT * FROM countries c LEFT JOIN users u ON u.country = c.code", refused(lonely)),
        row("SELECT * FROM users u RIGHT JOIN countries c ON u.country = c.code", refused(lonely)),
        row("SELECT * FROM countries c RIGHT JOIN users u ON u.country = c.code", all(CONCATENATE)),
        row(
            "SELECT * FROM countries c LEFT JOIN users u ON u.country = c.code WHERE u.id IN (4, 5)",
            scatter(CONCATENATE, "s0", "s1")),
        row(
            "SELECT * FROM countries c LEFT JOIN users u ON u.country = c.code AND u.id = 5",
            refused(lonely)),
        row(
            "SELECT * FROM countries c LEFT JOIN users u ON u.country = c.code WHERE u.id = 5",
            single("s1")),
        row(
            "SELECT * FROM countries c JOIN users u ON u.country = c.code"
                + " LEFT JOIN orders o ON o.user_id = u.id",
            all(CONCATENATE)));
  }
}
