package io.shardway.router.plan;

/**
 * What the sharded rows of one query block may do: spread over several groups, whose results are
 * then merged, or come from one group only.
 *
 * @param main whether the block is the statement's own: the SELECT, or what an UPDATE or DELETE
 *     changes. Only its rows may spread; nested blocks (subqueries, derived tables, UNION parts)
 *     must find their rows in the one group the statement runs on.
 * @param phrase how to name the block in a reason, with {@code %s} for its tables: {@code a SELECT
 *     that reads %s from several shard groups}
 * @param blocker for the main block, what in the statement forbids spreading ({@code ORDER BY});
 *     null when nothing does
 */
record Role(boolean main, String phrase, String blocker) {

  /** A nested block: a subquery, a derived table, a UNION part; {@code what} names it. */
  static Role nested(String what) {
    return new Role(false, what + " that reads %s from several shard groups", null);
  }

  /** This role, with {@code other} as its blocker if it has none yet. */
  Role blockedBy(String other) {
    return blocker != null || other == null ? this : new Role(main, phrase, other);
  }

  /**
   * Why rows of {@code tables} must come from one group, or null when they may spread.
   *
   * @param tables the tables of one sharded read of this block
   * @param otherReads the tables of the block's other sharded reads; empty when there is none
   * @param anchored whether every result row has a row of {@code tables}, so that no row can come
   *     from more than one group
   */
  String spreadRefusal(String tables, String otherReads, boolean anchored) {
    if (!main) {
      return phrase.formatted(tables);
    }
    if (!otherReads.isEmpty()) {
      return "a join of "
          + tables
          + " with "
          + otherReads
          + " that is not on equal shard keys, across shard groups";
    }
    if (!anchored) {
      return "an outer join that can return rows without " + tables + ", across shard groups";
    }
    return blocker == null ? null : blocker + " in " + phrase.formatted(tables);
  }
}
