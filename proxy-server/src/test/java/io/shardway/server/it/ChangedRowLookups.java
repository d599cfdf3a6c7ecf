package io.shardway.server.it;

import io.shardway.server.it.DifferentialSchema.Placement;
import io.shardway.server.it.DifferentialSchema.Table;
import io.shardway.server.it.Outcome.Rows;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks up, by shard key, every row of a sharded table that the writes created or changed, through
 * Shardway and on the reference. Comparing whole tables cannot tell a row on the wrong group (an
 * INSERT routed wrong, an UPDATE that moved a key without moving the row) from one on the right
 * group; a lookup by key, which Shardway sends to the key's group only, can.
 */
final class ChangedRowLookups {
  private ChangedRowLookups() {}

  /** A point query for each shard key that a row of {@code after} but not of {@code before} has. */
  static List<CorpusQuery> queries(Map<Table, Rows> before, Map<Table, Rows> after) {
    List<CorpusQuery> queries = new ArrayList<>();
    for (Table table : DifferentialSchema.TABLES) {
      if (table.placement() == Placement.SHARDED) {
        String sql = "SELECT * FROM " + table.name() + " WHERE " + table.shardKey() + " = ?";
        for (String key : changedKeys(table, before.get(table), after.get(table))) {
          queries.add(CorpusQuery.unordered(Category.POINT, sql, parameter(key)));
        }
      }
    }
    return queries;
  }

  /** A key bound as the type of its column, integer or string. */
  private static Object parameter(String key) {
    return key.matches("-?\\d+") ? (Object) Long.valueOf(key) : key;
  }

  private static Set<String> changedKeys(Table table, Rows before, Rows after) {
    int key =
        after.columns().stream().map(Outcome.Column::label).toList().indexOf(table.shardKey());
    Set<List<String>> old = new HashSet<>(before.values());
    Set<String> keys = new LinkedHashSet<>();
    for (List<String> row : after.values()) {
      if (!old.contains(row)) {
        keys.add(row.get(key));
      }
    }
    return keys;
  }
}
