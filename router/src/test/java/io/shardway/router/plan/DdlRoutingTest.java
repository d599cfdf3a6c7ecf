package io.shardway.router.plan;

import static io.shardway.router.plan.Merge.ALL_MUST_SUCCEED;
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

class DdlRoutingTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource({"ddl", "describe"})
  void routes(RoutingCase row) {
    assertEquals(row.expected(), route(row.sql()));
  }

  static Stream<RoutingCase> ddl() {
    return Stream.of(
        row("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(40))", all(ALL_MUST_SUCCEED)),
        row(
            "CREATE TABLE IF NOT EXISTS appdb.pairs (a INT)",
            scatter(ALL_MUST_SUCCEED, "s2", "s3")),
        row("CREATE TABLE countries (code CHAR(2))", all(ALL_MUST_SUCCEED)),
        row("CREATE TABLE logs (uid INT)", single("s1")),
        row("ALTER TABLE users ADD COLUMN age INT", all(ALL_MUST_SUCCEED)),
        row("ALTER TABLE currencies ADD INDEX i (code)", scatter(ALL_MUST_SUCCEED, "s0", "s1")),
        row("ALTER TABLE logs ADD COLUMN n INT", single("s1")),
        row("DROP TABLE users", all(ALL_MUST_SUCCEED)),
        row("DROP TABLE IF EXISTS users, orders, countries", all(ALL_MUST_SUCCEED)),
        row("TRUNCATE TABLE orders", all(ALL_MUST_SUCCEED)),
        row("TRUNCATE logs", single("s1")),
        row("CREATE INDEX by_name ON users (name)", all(ALL_MUST_SUCCEED)),
        row(
            "CREATE UNIQUE INDEX by_code ON currencies (code)",
            scatter(ALL_MUST_SUCCEED, "s0", "s1")),
        row(
            "CREATE TABLE orders (id INT, user_id INT, FOREIGN KEY (user_id) REFERENCES users (id))",
            all(ALL_MUST_SUCCEED)),
        row("CREATE TABLE orders LIKE users", all(ALL_MUST_SUCCEED)),
        row("CREATE TABLE copy_of_users LIKE users", single("s0")),
        row(
            "CREATE TABLE users LIKE template",
            refused(
                "DDL on the sharded table users that refers to template,"
                    + " which is not in each of its shard groups")),
        row(
            "CREATE TABLE orders (id INT, cur CHAR(3), FOREIGN KEY (cur) REFERENCES currencies (code))",
            refused(
                "DDL on the sharded table orders that refers to currencies,"
                    + " which is not in each of its shard groups")),
        row("CREATE TABLE old_logs AS SELECT * FROM users WHERE id = 4", single("s0")),
        row(
            "CREATE TABLE old_logs AS SELECT * FROM users",
            refused("a CREATE TABLE … SELECT that reads users from several shard groups")),
        row(
            "CREATE TABLE users AS SELECT * FROM old_users",
            refused("CREATE TABLE … SELECT of the sharded table users")),
        row(
            "DROP TABLE users, logs",
            refused("DDL on tables in different shard groups: users and logs")),
        row(
            "ALTER TABLE users RENAME TO people",
            refused(
                "renaming users, which the configuration names; rename it there and on the"
                    + " backends")),
        row(
            "DROP INDEX by_name ON users",
            refused("DROP INDEX … ON a sharded or broadcast table; ALTER TABLE … DROP INDEX does")),
        row("DROP VIEW users", refused("DROP VIEW of a sharded or broadcast table")),
        row(
            "RENAME TABLE users TO people",
            refused("RENAME statements that use the sharded table users")));
  }

  /** Every group of a table holds its definition. */
  static Stream<RoutingCase> describe() {
    return Stream.of(
        row("DESCRIBE users", single("s0")),
        row("DESC pairs", single("s2")),
        row("DESCRIBE logs", single("s1")),
        row(
            "EXPLAIN SELECT * FROM users",
            refused("EXPLAIN statements that use the sharded table users")),
        row("SHOW COLUMNS FROM users", single("s0")),
        row("SHOW FULL FIELDS FROM logs LIKE 'a%'", single("s1")),
        row("show index from pairs", single("s2")),
        row("SHOW KEYS IN logs WHERE Non_unique = 0", single("s1")),
        row("SHOW CREATE TABLE `logs`", single("s1")),
        row("SHOW CREATE VIEW users", refused("SHOW statements that use the sharded table users")),
        row("SHOW TABLE STATUS", single("s0")));
  }
}
