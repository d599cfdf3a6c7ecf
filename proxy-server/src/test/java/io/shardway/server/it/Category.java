package io.shardway.server.it;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of statement in the differential corpora, by what Shardway must do to answer them
 * across shard groups. Each statement is filed under the hardest thing it asks for.
 */
enum Category {
  // Reads
  POINT("key = value"),
  IN_LIST("key IN (...) or ORs of keys"),
  RANGE("ranges and BETWEEN, on the key or not"),
  SCATTER("no key, nothing to merge"),
  AGGREGATE("COUNT/SUM/MIN/MAX without GROUP BY"),
  LIMIT("LIMIT n without ORDER BY"),
  JOIN_COLOCATED("joins of co-located tables on their keys"),
  JOIN_BROADCAST("sharded or unlisted tables joined with broadcast ones"),
  SINGLE_GROUP("any shape on one group: key pinned, broadcast or unlisted tables"),
  /** A result column says its character set, not its collation: Shardway cannot order them. */
  STRING_MIN_MAX("MIN/MAX of text strings, binary collation or not"),
  ORDER_BY("ORDER BY across groups"),
  ORDER_BY_LIMIT("ORDER BY with LIMIT, with or without OFFSET"),
  LIMIT_OFFSET("LIMIT with OFFSET without ORDER BY"),
  GROUP_BY("GROUP BY across groups"),
  HAVING("GROUP BY with HAVING"),
  ORDER_BY_AGGREGATE("ORDER BY over aggregates"),
  DISTINCT("DISTINCT across groups"),
  COUNT_DISTINCT("COUNT(DISTINCT x)"),
  AVG("AVG"),
  AGGREGATE_EXPRESSION("expressions over aggregates"),
  JOIN_OTHER("joins of tables that are not co-located"),
  SUBQUERY("subqueries needing rows of several groups"),
  UNION("UNION and UNION ALL"),
  WINDOW("window functions"),
  GROUP_CONCAT("GROUP_CONCAT across groups"),
  // Writes
  INSERT("single-row INSERT"),
  INSERT_ONE_GROUP("multi-row INSERT whose rows share a group"),
  INSERT_SPANNING("multi-row INSERT across groups"),
  WRITE_BY_KEY("UPDATE/DELETE by key"),
  WRITE_SCATTERED("UPDATE/DELETE without key, affected rows summed"),
  WRITE_BROADCAST("writes to a broadcast table"),
  WRITE_DEFAULT_GROUP("writes to an unlisted table"),
  UPSERT("REPLACE and INSERT ... ON DUPLICATE KEY UPDATE"),
  WRITE_ORDERED("UPDATE/DELETE without key with ORDER BY/LIMIT"),
  KEY_CHANGE("UPDATE that changes the shard key");

  /**
   * The categories Shardway answers today: a refusal of any statement in them fails the suite. Add
   * a category here once Shardway answers it; the suite then keeps it answered.
   */
  static final Set<Category> ANSWERED_TODAY =
      Collections.unmodifiableSet(
          EnumSet.of(
              POINT,
              IN_LIST,
              RANGE,
              SCATTER,
              AGGREGATE,
              LIMIT,
              JOIN_COLOCATED,
              JOIN_BROADCAST,
              SINGLE_GROUP,
              INSERT,
              INSERT_ONE_GROUP,
              WRITE_BY_KEY,
              WRITE_SCATTERED,
              WRITE_BROADCAST,
              WRITE_DEFAULT_GROUP));

  private final String meaning;

  Category(String meaning) {
    this.meaning = meaning;
  }

  String meaning() {
    return meaning;
  }

  boolean answeredToday() {
    return ANSWERED_TODAY.contains(this);
  }
}
