package io.shardway.router.plan;

import static io.shardway.router.plan.Routes.keys;
import static io.shardway.router.plan.RoutingCase.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.shardway.router.lex.SqlLexer;
import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;
import io.shardway.router.shard.ShardKey;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Planning through {@link PlanCache} routes every text as planning the text itself does: for the
 * statements of the other routing tests, for statements with every kind of literal, and for texts
 * that share their shape with one planned before.
 */
class DigestRoutingTest {

  /** Shared by all cases, so that texts of one shape meet the plan of another. */
  private static final PlanCache CACHE = new PlanCache(TestLayouts.ROUTER, 10_000);

  private static final String[] NUMBERS = {"0", "4", "5", "6", "7", "99", "150", "250", "399"};
  private static final String[] STRINGS = {"'5'", "'abc'", "'7 '", "'it''s'", "'6\\''"};
  private static final int VARIANTS = 8;

  static Stream<RoutingCase> corpus() {
    return Stream.of(
            SelectRoutingTest.keyConditions(),
            SelectRoutingTest.keysNotFound(),
            SelectRoutingTest.shapes(),
            SelectRoutingTest.aggregates(),
            SelectRoutingTest.merged(),
            SelectRoutingTest.nestedQueries(),
            JoinRoutingTest.colocated(),
            JoinRoutingTest.notColocated(),
            JoinRoutingTest.broadcast(),
            JoinRoutingTest.unsharded(),
            JoinRoutingTest.outerJoins(),
            WriteRoutingTest.inserts(),
            WriteRoutingTest.generatedKeys(),
            WriteRoutingTest.updates(),
            WriteRoutingTest.deletes(),
            WriteRoutingTest.broadcastWrites(),
            WriteRoutingTest.unshardedWrites(),
            DdlRoutingTest.ddl(),
            DdlRoutingTest.describe(),
            TextRoutingTest.withoutDistributedNames(),
            TextRoutingTest.comments(),
            TextRoutingTest.literals(),
            TextRoutingTest.unanalysable(),
            literalForms())
        .flatMap(rows -> rows);
  }

  /** Literals in every form and place the digest treats apart; the route is the text's own. */
  static Stream<RoutingCase> literalForms() {
    return Stream.of(
            "SELECT * FROM users WHERE id = -5",
            "SELECT * FROM users WHERE id = - 5",
            "SELECT * FROM users WHERE id=-5",
            "SELECT * FROM users WHERE id = +6",
            "SELECT * FROM users WHERE id = - -5",
            "SELECT * FROM users WHERE id = -'5'",
            "SELECT * FROM users WHERE id = -0x05",
            "SELECT * FROM users WHERE -5 = id",
            "SELECT * FROM users WHERE id IN (-5, +6, 7)",
            "SELECT * FROM users WHERE id = k -5",
            "SELECT * FROM users WHERE id = 5 - 1",
            "SELECT * FROM users WHERE id = 0b101",
            "SELECT * FROM users WHERE id = B'110'",
            "SELECT * FROM users WHERE id = 0B101",
            "SELECT * FROM users WHERE id = x'07'",
            "SELECT * FROM users WHERE id = 0X07",
            "SELECT * FROM users WHERE id = X'0G'",
            "SELECT * FROM users WHERE id = 1e999999999999",
            "SELECT * FROM users WHERE id = 5.0",
            "SELECT * FROM users WHERE id = .5e1",
            "SELECT * FROM products WHERE sku = 18446744073709551616",
            "SELECT * FROM users WHERE id = _utf8mb4'6'",
            "SELECT * FROM users WHERE id = _utf8mb4 '6'",
            "SELECT * FROM users WHERE id = _binary'6'",
            "SELECT * FROM users WHERE id = _binary X'06'",
            "SELECT * FROM users WHERE id = n'7'",
            "SELECT * FROM users WHERE id = e'7'",
            "SELECT * FROM users WHERE id = '5' '6'",
            "SELECT * FROM users WHERE id = '5' /* c */ '6'",
            "SELECT * FROM users WHERE id = _utf8mb4'5' '6'",
            "SELECT * FROM users WHERE id = \"5\"",
            "SELECT * FROM users WHERE name = 'a\\' OR id = 6' AND id = 5",
            "SELECT * FROM users WHERE name = 'it''s' AND id = 7",
            "SELECT * FROM users WHERE name = 'a\\\\' AND id = 7",
            "SELECT * FROM users WHERE `id` = 5 AND `we``ird` = 'x'",
            "SELECT * FROM users WHERE id = TRUE OR id = FALSE",
            "SELECT * FROM users WHERE id = 5 ORDER BY 1",
            "SELECT * FROM users WHERE id IN (4, 5) ORDER BY 1, 2",
            "SELECT id, COUNT(*) FROM users WHERE id IN (4, 8) GROUP BY 1, 2 WITH ROLLUP",
            "SELECT * FROM users WHERE id = 5 LIMIT 10",
            "SELECT * FROM users WHERE id = 5 LIMIT 10, 20",
            "SELECT * FROM users WHERE id = 5 LIMIT 10 OFFSET 20",
            "SELECT * FROM users WHERE id = 5 AND d > NOW() - INTERVAL 1 DAY",
            "SELECT * FROM users WHERE id = 5 AND d > DATE '2024-01-01'",
            "SELECT * FROM users WHERE id = TIMESTAMP '2024-01-01 00:00:00'",
            "SELECT CAST(n AS DECIMAL(10, 2)) FROM users WHERE id = 6",
            "SELECT CONVERT(n, CHAR(10)) FROM users WHERE id = 6",
            "SELECT n->'$.a', n->>'$.b' FROM users WHERE id = 6",
            "SELECT * FROM users WHERE id = 6 AND name LIKE 'a!%' ESCAPE '!'",
            "SELECT GROUP_CONCAT(name SEPARATOR ', ') FROM users WHERE id = 6",
            "SELECT SUM(n) OVER (ORDER BY n ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM users"
                + " WHERE id = 6",
            "SELECT * FROM users WHERE id = 6 AND MATCH (name) AGAINST ('x' IN BOOLEAN MODE)",
            "SELECT 'a' AS 'b', 1 'c' FROM users WHERE id = 6",
            "SELECT * FROM users WHERE id = CASE WHEN n = 1 THEN 5 ELSE 6 END",
            "SELECT * FROM users WHERE id = 5 XOR id = 6",
            "SELECT * FROM users WHERE NOT id = 5 AND id = 6",
            "SELECT * FROM users WHERE id = 5 AND n DIV 2 = 1 AND n MOD 3 = 1",
            "SELECT DISTINCT 1, id FROM users WHERE id = 5",
            "SELECT * FROM users WHERE id = 5 /*M!100500 OR id = 6 */",
            "SELECT /*! STRAIGHT_JOIN */ * FROM users WHERE id = 5",
            "SELECT * FROM users WHERE id = 5 /*!50700 OR id = 6 */ AND n = 1",
            "SELECT * FROM users WHERE id = 5 /*! OR id = 6",
            "-- shardway:replica\nSELECT * FROM users WHERE id = 5",
            "SELECT * FROM users WHERE id = 5 # shardway:nocache\n AND n = 'x'",
            "SELECT * FROM users WHERE id = 5 /* shardway:cache ttl=30s */ AND n = 'x'",
            "INSERT INTO users (id, name) VALUES (-5, 'a')",
            "INSERT INTO users (id, name) VALUES (DEFAULT, 'a')",
            "INSERT INTO users (id, n) VALUES (5, 'a' 'b')",
            "INSERT INTO users SET id = _utf8mb4'6', name = 'x'",
            "INSERT INTO users (id, n) VALUES (5, 1) ON DUPLICATE KEY UPDATE n = 2, m = 3",
            "UPDATE users SET n = n + 1 WHERE id = 5",
            "UPDATE users SET n = -1 WHERE id IN (4, 8) LIMIT 1",
            "DELETE FROM users WHERE id = 0x05",
            "DELETE FROM users WHERE id = 5 ORDER BY n LIMIT 3",
            "SELECT * FROM users WHERE name = 'unterminated",
            "SELECT * FROM users WHERE id = 5; SELECT 2",
            "CREATE TABLE users (id INT(11) DEFAULT 0, n VARCHAR(20) COMMENT 'x') AUTO_INCREMENT=5",
            "ALTER TABLE users ADD COLUMN m INT DEFAULT 5",
            "SELECT * FROM t WHERE a = 'users' AND b = 5",
            "SELECT * FROM users t5 WHERE t5.id = 5 AND t5.5c = 1")
        .map(sql -> row(sql, TestLayouts.ROUTER.plan(sql).bind(List.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void routesAsTheTextItself(RoutingCase row) {
    List<ShardKey> params = keys(row.params());
    assertEquals(
        TestLayouts.ROUTER.plan(row.sql()).bind(params), CACHE.plan(row.sql()).bind(params));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void routesOtherLiteralsOfTheSameShapeAsTheirText(RoutingCase row) {
    List<ShardKey> params = keys(row.params());
    Random random = new Random(row.sql().hashCode());
    for (int i = 0; i < VARIANTS; i++) {
      String sql = withOtherLiterals(row.sql(), random);
      assertEquals(TestLayouts.ROUTER.plan(sql).bind(params), CACHE.plan(sql).bind(params), sql);
    }
  }

  @Test
  void plansEachShapeOnce() {
    PlanCache cache = new PlanCache(TestLayouts.ROUTER, 100);
    DigestPlan first = (DigestPlan) cache.plan("SELECT * FROM users WHERE id = 5 AND n = 'a'");
    DigestPlan second = (DigestPlan) cache.plan("SELECT * FROM users WHERE id = 6 AND n = 'b'");

    assertSame(first.shape(), second.shape());
    assertEquals(Routes.single("s1"), first.bind(List.of()));
    assertEquals(Routes.single("s2"), second.bind(List.of()));
  }

  @Test
  void preparedStatementsKeepTheirPlanWithItsLiterals() {
    RoutePlan plan = CACHE.plan("SELECT * FROM users WHERE id IN (?, 9) AND n = 'x' AND m = ?");

    assertEquals(2, plan.parameterCount());
    assertEquals(Routes.single("s1"), plan.bind(keys(5, "y")));
    assertEquals(Routes.scatter(Merge.CONCATENATE, "s1", "s2"), plan.bind(keys(6, null)));
  }

  @Test
  void mergesAggregatesOfTheShapeByQuery() {
    RoutePlan plan = CACHE.plan("SELECT COUNT(*), SUM(n + 1) AS s FROM users WHERE id IN (4, ?)");

    assertInstanceOf(DigestPlan.class, plan);
    assertEquals(Routes.scatter(Merge.QUERY, "s0", "s1"), plan.bind(keys(5)));
    assertEquals(Routes.single("s0"), plan.bind(keys(8)));
  }

  @Test
  void carriesTheRowLimitOfTheText() {
    RoutePlan plan = CACHE.plan("SELECT * FROM users WHERE name = 'x' AND id IN (4, ?) LIMIT 7");

    assertInstanceOf(DigestPlan.class, plan);
    assertEquals(Routes.limited(List.of("s0", "s1"), 7), plan.bind(keys(5)));
    assertEquals(Routes.single("s0"), plan.bind(keys(8)));
    assertEquals(
        Routes.limited(TestLayouts.ALL, 8),
        CACHE.plan("SELECT * FROM users WHERE name = 'y' LIMIT 8").bind(List.of()));
  }

  @Test
  void refusalsBeforeBindingAreTheTextsOwn() {
    String sql = "INSERT INTO users (id) VALUES (2 + 3)";

    Route route = CACHE.plan(sql).bind(List.of());

    assertInstanceOf(Route.Refused.class, route);
    assertEquals(TestLayouts.ROUTER.plan(sql).bind(List.of()), route);
  }

  /** {@code sql} with each number and single-quoted string replaced by one picked at random. */
  private static String withOtherLiterals(String sql, Random random) {
    StringBuilder text = new StringBuilder();
    int end = 0;
    for (Token token : SqlLexer.tokenize(sql)) {
      String replacement =
          token.type() == TokenType.NUMBER
              ? NUMBERS[random.nextInt(NUMBERS.length)]
              : token.type() == TokenType.STRING && token.text().startsWith("'")
                  ? STRINGS[random.nextInt(STRINGS.length)]
                  : null;
      if (replacement != null) {
        text.append(sql, end, token.start()).append(replacement);
        end = token.end();
      }
    }
    return text.append(sql, end, sql.length()).toString();
  }
}
