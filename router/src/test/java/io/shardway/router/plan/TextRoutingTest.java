package io.shardway.router.plan;

import static io.shardway.router.plan.Merge.CONCATENATE;
import static io.shardway.router.plan.Routes.all;
import static io.shardway.router.plan.Routes.refused;
import static io.shardway.router.plan.Routes.route;
import static io.shardway.router.plan.Routes.scatter;
import static io.shardway.router.plan.Routes.single;
import static io.shardway.router.plan.RoutingCase.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.router.shard.ShardKey;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the router makes of the statement text as such: names, comments, literals, syntax. */
class TextRoutingTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource({"withoutDistributedNames", "comments", "literals", "unanalysable"})
  void routes(RoutingCase row) {
    assertEquals(row.expected(), route(row.sql()));
  }

  /** Texts that name no table outside the default group run there, parsed or not. */
  static Stream<RoutingCase> withoutDistributedNames() {
    return Stream.of(
        row("SELECT 1", single("s0")),
        row("SELECT NOW(), @@version", single("s0")),
        row("BEGIN", single("s0")),
        row("SET autocommit = 0", single("s0")),
        row("SELECT * FROM settings WHERE id = 5", single("s0")),
        row("SELECT * FROM t1 JOIN t2 USING (id) ORDER BY id LIMIT 10", single("s0")),
        row("SELECT 'users', `id` FROM t WHERE note = 'FROM users'", single("s0")),
        row("SELECT * FROM t /* users */ -- users", single("s0")),
        row("SELECT u.users FROM t u", single("s0")),
        row("SELECT COUNT(*) AS orders FROM t AS users", single("s0")),
        row("CALL refresh_totals()", single("s0")),
        row("THIS IS NOT SQL AT ALL", single("s0")),
        row("", single("s0")));
  }

  /** JSqlParser sees the tokens MySQL runs: comments go, executable comments stay. */
  static Stream<RoutingCase> comments() {
    return Stream.of(
        row("SELECT * FROM users /* WHERE id = 5 */", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id = 5 -- AND id = 6", single("s1")),
        row("SELECT * FROM users WHERE id = 5 # OR id = 6\n AND id = 9", single("s1")),
        row("SELECT * FROM users WHERE id = 9--1", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id = 5 /*! OR id = 6 */", scatter(CONCATENATE, "s1", "s2")),
        row("SELECT /*+ NO_INDEX_MERGE(users) */ * FROM users WHERE id = 5", single("s1")),
        row("/* shardway:replica */ SELECT * FROM users WHERE id = 4", single("s0")),
        row(
            "SELECT * FROM users WHERE id = 5 /*!50700 OR id = 6 */",
            refused(
                "executable comments with a server version (/*!50700 … */) in a statement that"
                    + " uses the sharded table users")));
  }

  /** Literals as MySQL reads them, with backslash escapes. */
  static Stream<RoutingCase> literals() {
    return Stream.of(
        row("SELECT * FROM users WHERE name = 'a\\' OR id = 6' AND id = 5", single("s1")),
        row("SELECT * FROM users WHERE name = 'it''s' AND id = 5", single("s1")),
        row("SELECT * FROM users WHERE id = _utf8mb4'6'", single("s2")),
        row("SELECT * FROM users WHERE id = N'7'", single("s3")),
        row("SELECT * FROM users WHERE id = b'101'", single("s1")),
        row("SELECT * FROM users WHERE id = 0b110", single("s2")),
        row("SELECT * FROM users WHERE id = X'07'", single("s3")),
        row("SELECT * FROM users WHERE id = \"5\"", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id = TRUE", all(CONCATENATE)),
        row("SELECT * FROM users WHERE id = DATE '2024-01-01'", all(CONCATENATE)));
  }

  static Stream<RoutingCase> unanalysable() {
    return Stream.of(
        row(
            "SELECT * FROM users WHERE id = 5 LOCK IN SHARE MODE",
            refused("a statement that uses the sharded table users and cannot be parsed")),
        row(
            "SELECT * FROM logs WHERE",
            refused("a statement that uses the table logs of shard group s1 and cannot be parsed")),
        row(
            "SELECT * FROM users WHERE id = 5; SELECT 1",
            refused("several statements in one query when one uses the sharded table users")),
        row(
            "SELECT users FROM stats",
            refused(
                "a statement in which Shardway cannot find every use of the sharded table users")),
        row(
            "SELECT * FROM t users",
            refused(
                "a statement in which Shardway cannot find every use of the sharded table users")),
        row("SELECT * FROM \"users\"", refused("double-quoted names such as \"users\"")),
        row(
            "SELECT * FROM a.appdb.users",
            refused("table names of three parts such as a.appdb.users")),
        row(
            "SELECT * FROM users u STRAIGHT_JOIN (orders o JOIN items i ON i.o = o.id) ON o.u = u.id",
            refused(
                "the FROM item (orders o JOIN items i ON i.o = o.id) in a statement that uses"
                    + " sharded tables")),
        row(
            "SELECT * FROM t WHERE kind = \"users\"",
            refused(
                "a statement in which Shardway cannot find every use of the sharded table users")),
        row(
            "TABLE users",
            refused("the query TABLE users in a statement that uses sharded tables")),
        row(
            "LOAD DATA INFILE 'u.csv' INTO TABLE users",
            refused("a statement that uses the sharded table users and cannot be parsed")),
        row(
            "GRANT SELECT ON users TO app",
            refused("GRANT statements that use the sharded table users")));
  }

  @Test
  void qualifiedNamesAreLookedUpWithTheirSchema() {
    assertEquals(single("s2"), route("SELECT * FROM other.users"));
    assertEquals(single("s2"), route("SELECT * FROM `OTHER`.`Users` WHERE id = 5"));
    assertEquals(single("s1"), route("SELECT * FROM appdb.users WHERE id = 5"));
    assertEquals(single("s0"), route("SELECT * FROM information_schema.tables"));
  }

  @Test
  void bindNeedsOneValuePerPlaceholder() {
    RoutePlan parsed = TestLayouts.ROUTER.plan("SELECT * FROM users WHERE id = ? AND n = ?");
    RoutePlan unparsed = TestLayouts.ROUTER.plan("SELECT ? FROM t");

    assertEquals(2, parsed.parameterCount());
    assertEquals(1, unparsed.parameterCount());
    assertThrows(IllegalArgumentException.class, () -> parsed.bind(List.of(ShardKey.ofLong(1))));
    assertThrows(IllegalArgumentException.class, () -> unparsed.bind(List.of()));
    assertEquals(single("s0"), unparsed.bind(List.of(ShardKey.ofLong(1))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM users WHERE id IN ((SELECT 1)) AND (SELECT COUNT(*) FROM users) > 0",
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM orders) THEN 1 END FROM users",
        "SELECT * FROM users WHERE id = 5 AND a = (SELECT b FROM (SELECT b FROM orders) x)",
        "INSERT INTO users (id) VALUES (1) ON DUPLICATE KEY UPDATE n = (SELECT 1 FROM orders)",
        "UPDATE users SET n = 1 WHERE id = 5 AND EXISTS (SELECT 1 FROM orders)",
        "DELETE FROM users WHERE id = 5 AND n IN (SELECT n FROM orders)",
      })
  void findsShardedTablesInEveryNestedQuery(String sql) {
    Routes.assertRefused(sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT 1", "SELECT LAST_INSERT_ID()", "select @@in_transaction, NOW()"})
  void statementsThatNameNoTable(String sql) {
    assertTrue(TestLayouts.ROUTER.namesNoTable(sql), sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM t",
        "SELECT 1 FROM DUAL WHERE EXISTS (SELECT 1 FROM users)",
        "SELECT (SELECT MAX(id) FROM notes)",
        "UPDATE t SET a = 1",
        "this is not SQL"
      })
  void statementsThatNameATableOrCannotBeRead(String sql) {
    assertFalse(TestLayouts.ROUTER.namesNoTable(sql), sql);
  }
}
