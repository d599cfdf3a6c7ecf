package io.shardway.router.plan;

import static io.shardway.router.plan.Merge.ALL_MUST_SUCCEED;
import static io.shardway.router.plan.Merge.SPLIT_INSERT;
import static io.shardway.router.plan.Merge.SUM_AFFECTED_ROWS;
import static io.shardway.router.plan.Routes.all;
import static io.shardway.router.plan.Routes.refused;
import static io.shardway.router.plan.Routes.route;
import static io.shardway.router.plan.Routes.scatter;
import static io.shardway.router.plan.Routes.single;
import static io.shardway.router.plan.RoutingCase.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shardway.router.shard.ShardKey;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WriteRoutingTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource({
    "inserts",
    "generatedKeys",
    "updates",
    "deletes",
    "broadcastWrites",
    "unshardedWrites"
  })
  void routes(RoutingCase row) {
    assertEquals(row.expected(), route(row.sql(), row.params()));
  }

  static Stream<RoutingCase> inserts() {
    return Stream.of(
        row("INSERT INTO users (id, name) VALUES (5, 'a')", single("s1")),
        row("INSERT INTO users (name, ID) VALUES ('a', 6)", single("s2")),
        row("INSERT INTO users (id, name) VALUES (?, ?)", single("s3"), 7, "a"),
        row("INSERT INTO users (id, name) VALUES (5, 'a'), (9, 'b'), (?, 'c')", single("s1"), 13),
        row("INSERT INTO users (id) VALUES ROW(4), ROW(8)", single("s0")),
        row("INSERT INTO users (id) VALUE ('6')", single("s2")),
        row("INSERT INTO users SET name = 'a', id = 5", single("s1")),
        row("INSERT IGNORE INTO appdb.users (`id`) VALUES (4)", single("s0")),
        row("REPLACE INTO users (id, name) VALUES (7, 'a')", single("s3")),
        row("REPLACE users SET id = ?", single("s2"), 6),
        row(
            "INSERT INTO users (id, n) VALUES (5, 1) ON DUPLICATE KEY UPDATE n = n + 1",
            single("s1")),
        row(
            "INSERT INTO users (id, n) VALUES (5, 1) AS new ON DUPLICATE KEY UPDATE n = new.n",
            single("s1")),
        row(
            "INSERT INTO users (id, n) VALUES (5, (SELECT MAX(n) FROM orders WHERE user_id = 9))",
            single("s1")),
        row(
            "INSERT INTO users (id, n) VALUES (5, 'a'), (6, 'b')",
            scatter(SPLIT_INSERT, "s1", "s2")),
        row("INSERT INTO users (id) VALUES (?), (?)", scatter(SPLIT_INSERT, "s0", "s1"), 4, 5),
        row("REPLACE INTO users (id) VALUES (7), (4)", scatter(SPLIT_INSERT, "s0", "s3")),
        row(
            "INSERT INTO users (id, n) VALUES (4, 1), (5, 2) ON DUPLICATE KEY UPDATE n = n + 1",
            scatter(SPLIT_INSERT, "s0", "s1")),
        row(
            "INSERT INTO users (id, c) VALUES (4, (SELECT MIN(code) FROM countries)), (5, 'x')",
            scatter(SPLIT_INSERT, "s0", "s1")),
        row("INSERT INTO users (id, n) VALUES (4, @x), (8, 1)", single("s0")),
        row(
            "INSERT INTO users (id, n) VALUES (4, @x), (5, 1)",
            refused(
                "user variables in a multi-row INSERT into users whose rows go to several shard"
                    + " groups")),
        row(
            "INSERT INTO users (id, n) VALUES (4, LAST_INSERT_ID()), (5, 1)",
            refused(
                "LAST_INSERT_ID() in a multi-row INSERT into users whose rows go to several shard"
                    + " groups")),
        row(
            "INSERT INTO users (id, n) VALUES (4, 1), (5, (SELECT MAX(n) FROM logs))",
            refused(
                "a statement that combines the table logs of shard group s1"
                    + " with rows in shard groups s0, s1")),
        row(
            "INSERT INTO users (name) VALUES ('a')",
            refused("an INSERT into users without its shard key column id")),
        row(
            "INSERT INTO users SET name = 'a'",
            refused("an INSERT into users without its shard key column id")),
        row(
            "INSERT INTO users VALUES (5, 'a')",
            refused(
                "an INSERT into users without a column list, which must name the shard key id")),
        row(
            "INSERT INTO users (id) VALUES (2 + 3)",
            refused("an INSERT into users whose shard key id is not a literal or ?: 2 + 3")),
        row(
            "INSERT INTO users (id) VALUES (DEFAULT)",
            refused("an INSERT into users whose shard key id is not a literal or ?: DEFAULT")),
        row(
            "INSERT INTO users (id) VALUES (NULL)",
            refused(
                "an INSERT into users that leaves its shard key NULL, for the server to generate")),
        row(
            "INSERT INTO users (id) VALUES (?)",
            refused(
                "an INSERT into users that leaves its shard key NULL, for the server to generate"),
            (Object) null),
        row(
            "INSERT INTO users (id) VALUES ('abc')",
            refused("an INSERT into users whose shard key no shard takes: not an integer: 'abc'")),
        row(
            "INSERT INTO products (sku) VALUES (?)",
            refused("an INSERT into products whose shard key no shard takes: no shard holds 400"),
            400),
        row(
            "INSERT INTO users (id, n) VALUES (5, 1) ON DUPLICATE KEY UPDATE id = 6",
            refused(
                "an INSERT into users … ON DUPLICATE KEY UPDATE that changes the shard key id")),
        row(
            "REPLACE INTO users (id) VALUES (NULL)",
            refused(
                "a REPLACE into users that leaves its shard key NULL, for the server to generate")),
        row(
            "INSERT INTO users (id) SELECT id FROM logs",
            refused("an INSERT … SELECT into the sharded table users")),
        row(
            "INSERT INTO users (id, n) VALUES (5, (SELECT MAX(n) FROM orders))",
            refused("a subquery that reads orders from several shard groups")));
  }

  /** Rows without the key, into a table with a key generator: split, to get their keys. */
  static Stream<RoutingCase> generatedKeys() {
    String generated = " in an INSERT into events whose shard keys Shardway generates";
    return Stream.of(
        row("INSERT INTO events (name) VALUES ('a')", all(SPLIT_INSERT)),
        row("INSERT INTO events (name) VALUES ('a'), ('b')", all(SPLIT_INSERT)),
        row("INSERT INTO events SET name = 'a'", all(SPLIT_INSERT)),
        row("REPLACE INTO events (name) VALUES ('a')", all(SPLIT_INSERT)),
        row("INSERT INTO events (name) VALUES (@x)", all(SPLIT_INSERT)),
        row("INSERT INTO notes (name) VALUES ('a'), ('b')", scatter(SPLIT_INSERT, "s1")),
        row(
            "INSERT INTO notes (name) VALUES ((SELECT MAX(n) FROM logs))",
            scatter(SPLIT_INSERT, "s1")),
        row("INSERT INTO events (id, name) VALUES (5, 'a')", single("s1")),
        row("INSERT INTO events SET name = 'a', id = 6", single("s2")),
        row(
            "INSERT INTO events VALUES (5, 'a')",
            refused(
                "an INSERT into events without a column list, which must name the shard key id")),
        row(
            "INSERT INTO events (name) VALUES (@x), ('b')",
            refused(
                "user variables in a multi-row INSERT into events whose rows go to several shard"
                    + " groups")),
        row(
            "INSERT INTO events (name) VALUES ('a') AS new(m) ON DUPLICATE KEY UPDATE name = m",
            refused("a row alias with column names" + generated)),
        row(
            "INSERT INTO events SET name = 'a' AS new(m) ON DUPLICATE KEY UPDATE name = m",
            refused("a row alias with column names" + generated)),
        row(
            "INSERT INTO events (name) VALUES ('a') ON DUPLICATE KEY UPDATE id = 5",
            refused(
                "an INSERT into events … ON DUPLICATE KEY UPDATE that changes the shard key id")),
        row(
            "INSERT INTO events (name) SELECT name FROM logs",
            refused("an INSERT … SELECT into the sharded table events")),
        row(
            "INSERT INTO events (name) VALUES ((SELECT MAX(n) FROM logs))",
            refused(
                "a statement that combines the table logs of shard group s1"
                    + " with rows in shard groups s0, s1, s2, s3")));
  }

  static Stream<RoutingCase> updates() {
    String several = " in an UPDATE of users on several shard groups";
    return Stream.of(
        row("UPDATE users SET name = 'x' WHERE id = 5", single("s1")),
        row("UPDATE users u SET u.name = ? WHERE u.id = ?", single("s2"), "x", 6),
        row("UPDATE users SET name = 'x'", all(SUM_AFFECTED_ROWS)),
        row(
            "UPDATE users SET name = 'x' WHERE id IN (4, 5)",
            scatter(SUM_AFFECTED_ROWS, "s0", "s1")),
        row("UPDATE users SET n = n + 1 WHERE id = 5 ORDER BY n LIMIT 1", single("s1")),
        row(
            "UPDATE users u JOIN orders o ON o.user_id = u.id SET o.n = u.n WHERE u.id = 7",
            single("s3")),
        row(
            "UPDATE users u, orders o SET u.n = o.n WHERE o.user_id = u.id",
            all(SUM_AFFECTED_ROWS)),
        row(
            "UPDATE users u JOIN countries c ON c.code = u.country SET u.n = c.n",
            all(SUM_AFFECTED_ROWS)),
        row(
            "UPDATE users SET n = (SELECT n FROM orders WHERE user_id = 9) WHERE id = 5",
            single("s1")),
        row(
            "UPDATE users SET name = 'x' ORDER BY id LIMIT 1",
            refused("ORDER BY or LIMIT" + several)),
        row("UPDATE users SET name = 'x' LIMIT 10", refused("ORDER BY or LIMIT" + several)),
        row("UPDATE users SET name = @x", refused("user variables" + several)),
        row(
            "UPDATE users SET id = 9 WHERE id = 5",
            refused(
                "an UPDATE that changes the shard key id, which would move rows between shards")),
        row(
            "UPDATE users u JOIN orders o ON o.user_id = u.id SET o.user_id = 9 WHERE u.id = 5",
            refused(
                "an UPDATE that changes the shard key o.user_id,"
                    + " which would move rows between shards")),
        row(
            "UPDATE users u JOIN products p ON p.sku = u.id SET u.n = 1",
            refused(
                "a join of users with products that is not on equal shard keys, across shard groups")));
  }

  static Stream<RoutingCase> deletes() {
    String several = " in a DELETE from users on several shard groups";
    return Stream.of(
        row("DELETE FROM users WHERE id = 5", single("s1")),
        row("DELETE FROM users WHERE id = ?", single("s3"), 7),
        row("DELETE FROM users", all(SUM_AFFECTED_ROWS)),
        row("DELETE FROM users WHERE id BETWEEN 4 AND 5", all(SUM_AFFECTED_ROWS)),
        row("DELETE FROM products WHERE sku >= 300", single("s3")),
        row("DELETE FROM users WHERE id = 5 ORDER BY n LIMIT 1", single("s1")),
        row(
            "DELETE u FROM users u JOIN orders o ON o.user_id = u.id WHERE o.user_id = 6",
            single("s2")),
        row("DELETE u, o FROM users u JOIN orders o ON o.user_id = u.id", all(SUM_AFFECTED_ROWS)),
        row(
            "DELETE users, orders FROM users JOIN orders ON orders.user_id = users.id"
                + " WHERE users.id = 5",
            single("s1")),
        row("DELETE appdb.users FROM appdb.users WHERE id = 6", single("s2")),
        row("DELETE FROM users WHERE id > 3 LIMIT 1", refused("ORDER BY or LIMIT" + several)),
        row("DELETE FROM users ORDER BY id", refused("ORDER BY or LIMIT" + several)),
        row(
            "DELETE FROM users WHERE id IN (SELECT user_id FROM orders)",
            refused("a subquery that reads orders from several shard groups")));
  }

  /** The same statement on every copy, which must stay equal. */
  static Stream<RoutingCase> broadcastWrites() {
    String write = " in a write to the broadcast table countries";
    return Stream.of(
        row("INSERT INTO countries (code) VALUES ('x')", all(ALL_MUST_SUCCEED)),
        row("INSERT INTO countries (code) VALUES (?), (?)", all(ALL_MUST_SUCCEED), "a", "b"),
        row(
            "INSERT INTO currencies SELECT * FROM countries",
            scatter(ALL_MUST_SUCCEED, "s0", "s1")),
        row("REPLACE INTO currencies (code) VALUES ('EUR')", scatter(ALL_MUST_SUCCEED, "s0", "s1")),
        row("UPDATE countries SET name = 'x' WHERE code = 'ch'", all(ALL_MUST_SUCCEED)),
        row("DELETE FROM countries WHERE code = 'ch'", all(ALL_MUST_SUCCEED)),
        row(
            "UPDATE countries c JOIN currencies x ON x.code = c.cur SET c.n = x.n",
            refused(
                "a write to the broadcast table countries that reads currencies,"
                    + " which is not copied to each of its groups")),
        row(
            "INSERT INTO countries SELECT * FROM users",
            refused(
                "a write to the broadcast table countries that reads users,"
                    + " which is not copied to each of its groups")),
        row(
            "UPDATE countries c JOIN users u ON u.country = c.code SET c.n = u.n WHERE u.id = 5",
            refused(
                "a write to the broadcast table countries that reads users,"
                    + " which is not copied to each of its groups")),
        row(
            "DELETE FROM countries WHERE code IN (SELECT country FROM logs)",
            refused(
                "a write to the broadcast table countries that reads logs,"
                    + " which is not copied to each of its groups")),
        row(
            "INSERT INTO countries (code, at) VALUES ('x', NOW())",
            refused("non-deterministic functions such as NOW(), RAND() or UUID()" + write)),
        row(
            "UPDATE countries SET id = UUID()",
            refused("non-deterministic functions such as NOW(), RAND() or UUID()" + write)),
        row("UPDATE countries SET n = @x", refused("user variables" + write)),
        row("DELETE FROM countries LIMIT 1", refused("LIMIT" + write)));
  }

  /** A write to an unsharded table runs in its group, which must hold what it reads. */
  static Stream<RoutingCase> unshardedWrites() {
    return Stream.of(
        row("INSERT INTO logs (uid) SELECT id FROM users WHERE id = 5", single("s1")),
        row(
            "INSERT INTO logs (uid) SELECT id FROM users",
            refused("an INSERT … SELECT that reads users from several shard groups")),
        row(
            "INSERT INTO logs (uid) SELECT id FROM users WHERE id = 6",
            refused(
                "a statement that combines the table logs of shard group s1"
                    + " with rows in shard group s2")),
        row(
            "UPDATE logs l JOIN users u ON u.id = l.uid SET l.n = u.n WHERE u.id = 9",
            single("s1")),
        row("DELETE FROM logs WHERE uid IN (SELECT id FROM users WHERE id = 13)", single("s1")),
        row("INSERT INTO logs (a) SELECT code FROM countries", single("s1")),
        row("INSERT INTO other.t (a) VALUES (1)", single("s2")),
        row("UPDATE logs SET n = 1", single("s1")),
        row("DELETE FROM pairs", scatter(SUM_AFFECTED_ROWS, "s2", "s3")));
  }

  @Test
  void bindsEachExecutionsRows() {
    RoutePlan plan = TestLayouts.ROUTER.plan("INSERT INTO users (id, name) VALUES (?, ?), (?, ?)");

    assertEquals(4, plan.parameterCount());
    ShardKey name = ShardKey.of("n", true);
    assertEquals(
        single("s0"), plan.bind(List.of(ShardKey.ofLong(4), name, ShardKey.ofLong(8), name)));
    assertEquals(
        scatter(SPLIT_INSERT, "s0", "s1"),
        plan.bind(List.of(ShardKey.ofLong(4), name, ShardKey.ofLong(5), name)));
  }
}
