package io.shardway.router.plan;

import io.shardway.router.StatementInfo;
import io.shardway.router.plan.TableLayout.Broadcast;
import io.shardway.router.plan.TableLayout.Sharded;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Plans INSERT and REPLACE. Into a sharded table, each row goes to the shard of its key, which must
 * be a literal or a {@code ?} in the column list (or the SET list); rows that go to several groups
 * are split ({@link Merge#SPLIT_INSERT}). A table with a key generator also takes rows without the
 * key, which get theirs when the statement is split. Into a broadcast table, the statement writes
 * every copy; into an unsharded one, its group, which must hold whatever the statement reads.
 */
final class InsertAnalysis {

  private InsertAnalysis() {}

  static RoutePlan plan(Insert insert, SelectAnalysis selects, StatementInfo info, int params) {
    InsertParts parts = InsertParts.of(insert);
    selects.withItems(insert.getWithItemsList());
    return plan(parts, selects, info, params);
  }

  static RoutePlan plan(Upsert upsert, SelectAnalysis selects, StatementInfo info, int params) {
    return plan(InsertParts.of(upsert), selects, info, params);
  }

  /**
   * Where the rows of an INSERT or REPLACE … VALUES (or … SET) into a sharded table go: by their
   * keys, or anywhere when Shardway generates them. For planning, and again for splitting, so that
   * both read the rows alike.
   *
   * @param blocker what in the statement ties it to one backend connection (see {@link
   *     SessionFeatures#spreadBlocker}), which keeps its rows from spreading; or null
   * @throws Refusal when the rows cannot be placed
   */
  static ShardedRead rows(InsertParts parts, TableName table, Sharded sharded, String blocker) {
    if (parts.selecting()) {
      throw new Refusal(parts.statement() + " … SELECT into the sharded table " + table);
    }
    String into = parts.into(table);
    String key = sharded.shardKey();
    parts.checkKeyKept(key, into);
    List<Expression> keys = parts.keyValues(key, into);
    String spreadRefusal = blocker == null ? null : blocker + " in " + parts.spreadPhrase(table);
    if (keys == null && sharded.generatesKeys()) {
      parts.checkKeysCanBeGenerated(table);
      return new ShardedRead(
          sharded,
          table.toString(),
          new GeneratedKeys(),
          parts.rowCount() > 1 ? spreadRefusal : null);
    }
    if (keys == null) {
      throw new Refusal(into + " without its shard key column " + key);
    }
    List<KeyValue> values = new ArrayList<>(keys.size());
    for (Expression value : keys) {
      KeyValue keyValue = KeyValues.of(value);
      if (keyValue == null) {
        throw new Refusal(into + " whose shard key " + key + " is not a literal or ?: " + value);
      }
      values.add(keyValue);
    }
    return new ShardedRead(sharded, table.toString(), new RowKeys(values, into), spreadRefusal);
  }

  private static RoutePlan plan(
      InsertParts parts, SelectAnalysis selects, StatementInfo info, int params) {
    Footprint footprint = selects.footprint();
    TableRef target = footprint.table(parts.table());
    if (target == null) {
      throw new Refusal(parts.statement() + " into " + parts.table() + ", which is no table");
    }
    parts.rows().forEach(row -> row.forEach(selects::subqueries));
    walkSets(parts.sets(), selects);
    walkSets(parts.duplicateSets(), selects);
    if (target.layout() instanceof Sharded sharded) {
      ShardedRead read = rows(parts, target.name(), sharded, SessionFeatures.spreadBlocker(info));
      footprint.read(read);
      KeyedPlan plan = footprint.plan(Merge.SPLIT_INSERT, params);
      return read.targeting() instanceof GeneratedKeys ? new KeyGeneratingPlan(plan) : plan;
    }
    if (parts.selecting()) {
      selects.nested(parts.select(), parts.statement() + " … SELECT");
    }
    if (target.layout() instanceof Broadcast) {
      return BroadcastWrite.plan(List.of(target), footprint, info, false, params);
    }
    return footprint.plan(Merge.SUM_AFFECTED_ROWS, params);
  }

  private static void walkSets(List<UpdateSet> sets, SelectAnalysis selects) {
    if (sets != null) {
      for (UpdateSet set : sets) {
        selects.subqueries(set.getValues());
      }
    }
  }
}
