package io.shardway.router.plan;

import io.shardway.router.plan.InsertSplit.Part;
import io.shardway.router.plan.TableLayout.Sharded;
import io.shardway.router.shard.KeyGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an INSERT or REPLACE … VALUES into one statement per group that its rows go to (see {@link
 * ShardRouter#splitInsert}).
 *
 * <p>Splitting keeps the statement's meaning because MySQL computes each row from its own values: a
 * value may name a column, but only of the same row, and ON DUPLICATE KEY UPDATE sees only the row
 * that collides, which has the same key and so the same shard. What carries from one row to the
 * next lives in the connection (user variables, {@code LAST_INSERT_ID()}, sequences), and a
 * statement that uses it is not split (see {@link SessionFeatures#spreadBlocker}).
 */
final class InsertSplitter {

  private InsertSplitter() {}

  /**
   * @throws Refusal when the statement cannot be split exactly
   */
  static InsertSplit split(StatementText text, Layouts layouts, KeyGenerator keys) {
    String blocker = SessionFeatures.spreadBlocker(Planner.classify(text));
    InsertParts parts = InsertParts.of(Planner.parse(text));
    TableName table = SqlNames.of(parts.table());
    String into = parts.into(table);
    if (!(layouts.layout(table.schema(), table.name()) instanceof Sharded sharded)) {
      throw new Refusal("splitting " + into + ", which is no sharded table, over shard groups");
    }
    ShardedRead read = InsertAnalysis.rows(parts, table, sharded, blocker);
    boolean generating = read.targeting() instanceof GeneratedKeys;
    if (text.parameterCount() > 0) {
      String phrase = generating ? parts.generatingPhrase(table) : parts.spreadPhrase(table);
      throw new Refusal("? placeholders in " + phrase);
    }
    InsertText insert = InsertText.of(text, parts, into);
    int rowCount = parts.rowCount();
    long firstKey = generating ? keys.reserve(rowCount) : 0;
    RowKeys rowKeys =
        generating ? RowKeys.consecutive(firstKey, rowCount, into) : (RowKeys) read.targeting();
    Map<String, List<Integer>> rowsByGroup = rowsByGroup(rowKeys, sharded, rowCount);
    if (rowsByGroup.size() > 1 && read.spreadRefusal() != null) {
      throw new Refusal(read.spreadRefusal());
    }
    String keyColumn = generating ? sharded.shardKey() : null;
    List<Part> split = new ArrayList<>(rowsByGroup.size());
    rowsByGroup.forEach(
        (group, rows) ->
            split.add(new Part(group, insert.part(rows, keyColumn, firstKey), rows.size())));
    return new InsertSplit(split, firstKey, generating ? rowCount : 0);
  }

  /** The indexes of the rows of each group, in the order of each group's first row. */
  private static Map<String, List<Integer>> rowsByGroup(
      RowKeys rowKeys, Sharded sharded, int rowCount) {
    Map<String, List<Integer>> rowsByGroup = new LinkedHashMap<>();
    for (int row = 0; row < rowCount; row++) {
      String group = sharded.groups().get(rowKeys.shardOf(row, sharded.algorithm(), List.of()));
      rowsByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
    }
    return rowsByGroup;
  }
}
