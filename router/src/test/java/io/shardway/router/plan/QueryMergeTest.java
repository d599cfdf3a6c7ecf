package io.shardway.router.plan;

import static io.shardway.router.plan.QueryMerge.Column.added;
import static io.shardway.router.plan.QueryMerge.Column.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.router.merge.Having.Comparison;
import io.shardway.router.merge.UnsupportedMergeException;
import io.shardway.router.plan.QueryMerge.Condition;
import io.shardway.router.plan.QueryMerge.Fold;
import io.shardway.router.plan.QueryMerge.Grouping;
import io.shardway.router.plan.QueryMerge.Key;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link ShardRouter#queryMerge} makes of a statement: the groups' statement and the merge.
 */
class QueryMergeTest {

  /** The weights a key over {@code x} adds: {@code WEIGHT_STRING(x)} and its space's weight. */
  private static String weights(String x, int first) {
    return "WEIGHT_STRING("
        + x
        + ") AS __shardway_"
        + first
        + ", IF(CONCAT(LEFT("
        + x
        + ", 0), 'a') = CONCAT(LEFT("
        + x
        + ", 0), 'a '), WEIGHT_STRING(CONCAT(LEFT("
        + x
        + ", 0), ' ')), '') AS __shardway_"
        + (first + 1);
  }

  private static QueryMerge merge(String sql) {
    return TestLayouts.ROUTER.queryMerge(sql);
  }

  private static String refusal(String sql) {
    return assertThrows(UnsupportedMergeException.class, () -> merge(sql)).getMessage();
  }

  @Test
  void orderByRunsOnTheGroupsWithTheLimitThroughItsOffset() {
    QueryMerge merge = merge("SELECT id, name FROM users ORDER BY name DESC LIMIT 5, 10");

    assertEquals(
        "SELECT id, name, " + weights("name", 1) + " FROM users ORDER BY name DESC LIMIT 15",
        merge.shardStatement());
    assertEquals(2, merge.addedColumns());
    assertEquals(List.of(new Key(client(1), added(0), added(1), true)), merge.shardOrder());
    assertNull(merge.grouping());
    assertEquals(5, merge.offset());
    assertEquals(10, merge.count());
  }

  @Test
  void keysTheSelectListLacksAreAddedAfterTheStar() {
    QueryMerge merge = merge("SELECT *, name FROM users ORDER BY name, id");

    assertEquals(
        "SELECT *, name, name AS __shardway_1, "
            + weights("name", 2)
            + ", id AS __shardway_4, "
            + weights("id", 5)
            + " FROM users ORDER BY name, id",
        merge.shardStatement());
    assertEquals(
        List.of(
            new Key(added(0), added(1), added(2), false),
            new Key(added(3), added(4), added(5), false)),
        merge.shardOrder());
    assertFalse(merge.limited());
  }

  @Test
  void aliasesNameTheirItemsAsMySqlReadsOrderBy() {
    QueryMerge merge = merge("SELECT name AS id, id AS name FROM users ORDER BY id");

    assertEquals(List.of(new Key(client(0), added(0), added(1), false)), merge.shardOrder());
    assertTrue(merge.shardStatement().contains(weights("name", 1)), merge.shardStatement());
  }

  @Test
  void placeholdersStayWhereTheClientPutThem() {
    String sql = "SELECT id, name FROM users WHERE name <> ? AND n > ? ORDER BY id LIMIT 5";

    assertEquals(
        "SELECT id, name, "
            + weights("id", 1)
            + " FROM users WHERE name <> ? AND n > ? ORDER BY id LIMIT 5",
        merge(sql).shardStatement());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT id FROM users ORDER BY FIELD(name, ?, 'b') | a ? placeholder in ORDER BY",
        "SELECT DISTINCT ?, name FROM users | a ? placeholder in DISTINCT",
        "SELECT name FROM users GROUP BY name HAVING COUNT(*) > ? | HAVING with a ? placeholder",
        "SELECT COUNT(*) FROM users HAVING COUNT(*) > 'x' | HAVING comparing with 'x'",
        "SELECT COUNT(*) FROM users HAVING COUNT(*) > 1e3 | HAVING comparing with 1e3",
        "SELECT id FROM users ORDER BY id LIMIT ? | LIMIT with a ? placeholder"
      })
  void refusesWhatTheMergeCannotReadInTheText(String sql, String reason) {
    assertEquals(reason + " in a SELECT that reads users from several shard groups", refusal(sql));
  }

  @Test
  void groupsSortByTheirKeysAndTheMergeSortsByAggregates() {
    QueryMerge merge =
        merge(
            "SELECT name, COUNT(*) AS n FROM users WHERE id > 3 GROUP BY name HAVING n > 1"
                + " ORDER BY n DESC LIMIT 3");

    assertEquals(
        "SELECT name, COUNT(*) AS n, "
            + weights("name", 1)
            + " FROM users WHERE id > 3 GROUP BY name ORDER BY name",
        merge.shardStatement());
    assertEquals(List.of(new Key(client(0), added(0), added(1), false)), merge.shardOrder());
    assertEquals(new Grouping(true, List.of(new Fold.Count(client(1)))), merge.grouping());
    assertEquals(
        new Condition.Compare(client(1), Comparison.GREATER, BigDecimal.ONE), merge.having());
    assertEquals(List.of(new Key(client(1), null, null, true)), merge.finalOrder());
    assertEquals(3, merge.count());
  }

  @Test
  void groupsSortByTheClientsKeysWhenItOrdersByGroupKeysOnly() {
    QueryMerge merge =
        merge("SELECT region, name, COUNT(*) FROM users GROUP BY region, name ORDER BY 2 DESC");

    assertEquals(
        "SELECT region, name, COUNT(*), "
            + weights("region", 1)
            + ", "
            + weights("name", 3)
            + " FROM users GROUP BY region, name ORDER BY 2 DESC, region",
        merge.shardStatement());
    assertEquals(
        List.of(
            new Key(client(1), added(2), added(3), true),
            new Key(client(0), added(0), added(1), false)),
        merge.shardOrder());
    assertEquals(List.of(), merge.finalOrder());
  }

  @Test
  void averagesAndHavingAddTheAggregatesTheyNeed() {
    QueryMerge merge =
        merge("SELECT region, AVG(n) FROM users GROUP BY region HAVING SUM(n) >= -2.50");

    assertEquals(
        "SELECT region, AVG(n), "
            + weights("region", 1)
            + ", SUM(n) AS __shardway_3, COUNT(n) AS __shardway_4 FROM users GROUP BY region"
            + " ORDER BY region",
        merge.shardStatement());
    assertEquals(
        List.of(new Fold.Avg(client(1), added(2), added(3)), new Fold.Sum(added(2))),
        merge.grouping().folds());
    assertEquals(
        new Condition.Compare(added(2), Comparison.GREATER_OR_EQUAL, new BigDecimal("-2.50")),
        merge.having());
  }

  @Test
  void havingJoinsComparisonsAndReadsNumbersOnEitherSide() {
    QueryMerge merge =
        merge(
            "SELECT name FROM users GROUP BY name HAVING 2 < COUNT(*) AND (MAX(n) = 1 OR name <> 0)");

    Condition.Compare count =
        new Condition.Compare(added(2), Comparison.GREATER, BigDecimal.valueOf(2));
    Condition.Compare max = new Condition.Compare(added(3), Comparison.EQUAL, BigDecimal.ONE);
    Condition.Compare name =
        new Condition.Compare(client(0), Comparison.NOT_EQUAL, BigDecimal.ZERO);
    assertEquals(
        new Condition.All(List.of(count, new Condition.Any(List.of(max, name)))), merge.having());
  }

  @Test
  void minAndMaxFoldTheirWeightsWithThem() {
    QueryMerge merge = merge("SELECT MIN(name) FROM users");

    Key byValue = new Key(client(0), added(0), added(1), false);
    assertEquals(
        new Grouping(
            false,
            List.of(
                new Fold.Min(client(0), byValue),
                new Fold.Min(added(0), byValue),
                new Fold.Min(added(1), byValue))),
        merge.grouping());
    assertEquals(
        "SELECT MIN(name), " + weights("MIN(name)", 1) + " FROM users", merge.shardStatement());
  }

  @Test
  void countsDistinctShardKeysByAddingTheGroupsCounts() {
    QueryMerge merge = merge("SELECT COUNT(DISTINCT id) FROM users");

    assertEquals("SELECT COUNT(DISTINCT id) FROM users", merge.shardStatement());
    assertEquals(new Grouping(false, List.of(new Fold.Count(client(0)))), merge.grouping());
  }

  @Test
  void countsDistinctValuesOnceEachAfterTheGroupsGroupByThem() {
    QueryMerge merge = merge("SELECT COUNT(DISTINCT name) FROM users WHERE id > 3 ORDER BY 1");

    Key name = new Key(added(0), added(1), added(2), false);
    assertEquals(
        "SELECT COUNT(DISTINCT name), name AS __shardway_1, "
            + weights("name", 2)
            + " FROM users WHERE id > 3 GROUP BY name ORDER BY name",
        merge.shardStatement());
    assertEquals(List.of(name), merge.shardOrder());
    assertEquals(new Grouping(false, List.of(new Fold.Count(client(0))), name), merge.grouping());
    assertFalse(merge.limited());
  }

  @Test
  void countsDistinctValuesPerGroupWithHavingOrderAndLimitInTheMerge() {
    QueryMerge merge =
        merge(
            "SELECT region, COUNT(DISTINCT name) AS n FROM users GROUP BY region"
                + " HAVING n > 1 ORDER BY n DESC LIMIT 5");

    Key region = new Key(client(0), added(0), added(1), false);
    Key name = new Key(added(2), added(3), added(4), false);
    assertEquals(
        "SELECT region, COUNT(DISTINCT name) AS n, "
            + weights("region", 1)
            + ", name AS __shardway_3, "
            + weights("name", 4)
            + " FROM users GROUP BY region, name ORDER BY region, name",
        merge.shardStatement());
    assertEquals(List.of(region, name), merge.shardOrder());
    assertEquals(new Grouping(true, List.of(new Fold.Count(client(1))), name), merge.grouping());
    assertEquals(
        new Condition.Compare(client(1), Comparison.GREATER, BigDecimal.ONE), merge.having());
    assertEquals(List.of(new Key(client(1), null, null, true)), merge.finalOrder());
    assertEquals(5, merge.count());
  }

  @Test
  void countsDistinctValuesInTheGroupsOrderAfterTheClientsKeys() {
    QueryMerge merge =
        merge(
            "SELECT region, COUNT(DISTINCT LOWER(name)) FROM users GROUP BY region"
                + " HAVING COUNT(DISTINCT LOWER(name)) < 3 ORDER BY region DESC");

    assertEquals(
        "SELECT region, COUNT(DISTINCT LOWER(name)), "
            + weights("region", 1)
            + ", LOWER(name) AS __shardway_3, "
            + weights("LOWER(name)", 4)
            + " FROM users GROUP BY region, LOWER(name) ORDER BY region DESC, LOWER(name)",
        merge.shardStatement());
    assertEquals(
        List.of(
            new Key(client(0), added(0), added(1), true),
            new Key(added(2), added(3), added(4), false)),
        merge.shardOrder());
    assertTrue(merge.finalOrder().isEmpty());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT COUNT(DISTINCT name), COUNT(*) FROM users"
            + " | COUNT(DISTINCT …) with other aggregate functions",
        "SELECT SUM(id), COUNT(DISTINCT name) FROM users"
            + " | COUNT(DISTINCT …) with other aggregate functions",
        "SELECT region, COUNT(DISTINCT name) FROM users GROUP BY region HAVING MAX(id) > 1"
            + " | COUNT(DISTINCT …) with other aggregate functions",
        "SELECT region, COUNT(DISTINCT name) FROM users GROUP BY region ORDER BY COUNT(id)"
            + " | COUNT(DISTINCT …) with other aggregate functions",
        "SELECT COUNT(DISTINCT name), COUNT(DISTINCT id) FROM users"
            + " | COUNT(DISTINCT …) with other aggregate functions",
        "SELECT COUNT(DISTINCT name), COUNT(DISTINCT region) FROM users"
            + " | COUNT(DISTINCT …) of two expressions",
        "SELECT region AS name, COUNT(DISTINCT name) FROM users GROUP BY region"
            + " | COUNT(DISTINCT …) on an expression that uses the select alias name",
        "SELECT COUNT(DISTINCT name, region) FROM users | COUNT(DISTINCT …)",
        "SELECT COUNT(DISTINCT 1) FROM users | COUNT(DISTINCT …) of an integer",
        "SELECT SUM(DISTINCT id) FROM users | SUM(DISTINCT …)",
        "SELECT COUNT(DISTINCT RAND()) FROM users | COUNT(DISTINCT …) RAND()",
      })
  void refusesCountDistinctValuesItCannotCountAlone(String sql, String reason) {
    assertEquals(reason + " in a SELECT that reads users from several shard groups", refusal(sql));
  }

  @Test
  void distinctSortsByEveryColumnAndLimitsOnlyInTheMerge() {
    QueryMerge merge =
        merge("SELECT DISTINCT name, region FROM users ORDER BY region DESC LIMIT 2");

    assertEquals(
        "SELECT DISTINCT name, region, "
            + weights("region", 1)
            + ", "
            + weights("name", 3)
            + " FROM users ORDER BY region DESC, 1",
        merge.shardStatement());
    assertTrue(merge.distinct());
    assertEquals(
        List.of(
            new Key(client(1), added(0), added(1), true),
            new Key(client(0), added(2), added(3), false)),
        merge.shardOrder());
    assertEquals(2, merge.count());
  }

  @Test
  void limitOfAllRowsIsNoLimit() {
    QueryMerge merge = merge("SELECT id FROM users ORDER BY id LIMIT 5, 18446744073709551615");

    assertFalse(merge.shardStatement().contains("LIMIT"), merge.shardStatement());
    assertEquals(5, merge.offset());
    assertEquals(Long.MAX_VALUE, merge.count());
  }

  @Test
  void columnsArePlacedOnceTheResultShowsHowManyThereAre() {
    assertEquals(2, client(2).position(7, 3));
    assertEquals(5, added(1).position(7, 3));
    assertThrows(IllegalArgumentException.class, () -> client(4).position(7, 3));
    assertThrows(IllegalArgumentException.class, () -> added(3).position(7, 3));
  }
}
