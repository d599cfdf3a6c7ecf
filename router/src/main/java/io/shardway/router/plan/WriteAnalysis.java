package io.shardway.router.plan;

import io.shardway.router.StatementInfo;
import io.shardway.router.plan.TableLayout.Broadcast;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Plans UPDATE and DELETE, single- and multi-table. Their tables form one query block: its shard
 * key conditions pick the groups, and on several groups each changes the rows it holds, so the
 * affected rows add up. ORDER BY and LIMIT pick rows among all of them, which no group can do
 * alone; and an UPDATE may not move a row to another shard by changing its key. A statement that
 * changes a broadcast table must leave its copies equal (see {@link BroadcastWrite}).
 */
final class WriteAnalysis {

  private WriteAnalysis() {}

  static RoutePlan update(Update update, SelectAnalysis selects, StatementInfo info, int params) {
    boolean unusual =
        update.getFromItem() != null
            || update.getOutputClause() != null
            || update.getReturningClause() != null
            || update.isUseSelect();
    if (unusual) {
      throw new Refusal("this UPDATE syntax in a statement that uses sharded tables");
    }
    selects.withItems(update.getWithItemsList());
    List<Join> joins = new ArrayList<>();
    if (update.getStartJoins() != null) {
      joins.addAll(update.getStartJoins());
    }
    if (update.getJoins() != null) {
      joins.addAll(update.getJoins());
    }
    QueryBlock block = selects.block(update.getTable(), joins, update.getWhere());
    Set<TableRef> written = new LinkedHashSet<>();
    for (UpdateSet set : update.getUpdateSets()) {
      for (Column column : set.getColumns()) {
        if (block.mayBeShardKey(column)) {
          throw new Refusal(
              "an UPDATE that changes the shard key "
                  + column
                  + ", which would move rows between shards");
        }
        TableRef table =
            column.getTable() == null || column.getTable().getName() == null
                ? null
                : block.table(column.getTable());
        if (table != null) {
          written.add(table);
        } else {
          written.addAll(block.tables());
        }
      }
      selects.subqueries(set.getValues());
    }
    return plan(
        "an UPDATE of %s on several shard groups",
        block,
        written,
        update.getOrderByElements(),
        update.getLimit() != null,
        selects,
        info,
        params);
  }

  static RoutePlan delete(Delete delete, SelectAnalysis selects, StatementInfo info, int params) {
    boolean unusual =
        (delete.getUsingList() != null && !delete.getUsingList().isEmpty())
            || delete.getOutputClause() != null
            || delete.getReturningClause() != null;
    if (unusual) {
      throw new Refusal("this DELETE syntax in a statement that uses sharded tables");
    }
    selects.withItems(delete.getWithItemsList());
    QueryBlock block = selects.block(delete.getTable(), delete.getJoins(), delete.getWhere());
    Set<TableRef> written = new LinkedHashSet<>();
    if (delete.getTables() != null && !delete.getTables().isEmpty()) {
      for (Table target : delete.getTables()) {
        TableRef table = block.table(target);
        if (table == null) {
          throw new Refusal("a DELETE from " + target + ", which is not in its FROM");
        }
        selects.footprint().reference(target);
        written.add(table);
      }
    } else if (!block.tables().isEmpty()) {
      written.add(block.tables().get(0));
    }
    return plan(
        "a DELETE from %s on several shard groups",
        block,
        written,
        delete.getOrderByElements(),
        delete.getLimit() != null,
        selects,
        info,
        params);
  }

  private static RoutePlan plan(
      String phrase,
      QueryBlock block,
      Set<TableRef> written,
      List<OrderByElement> orderBy,
      boolean limited,
      SelectAnalysis selects,
      StatementInfo info,
      int params) {
    boolean ordered = orderBy != null && !orderBy.isEmpty();
    if (ordered) {
      orderBy.forEach(element -> selects.subqueries(element.getExpression()));
    }
    List<TableRef> broadcast =
        written.stream().filter(table -> table.layout() instanceof Broadcast).toList();
    if (!broadcast.isEmpty()) {
      return BroadcastWrite.plan(broadcast, selects.footprint(), info, limited, params);
    }
    String blocker = ordered || limited ? "ORDER BY or LIMIT" : null;
    selects.read(block, new Role(true, phrase, blocker));
    return selects.footprint().plan(Merge.SUM_AFFECTED_ROWS, params);
  }
}
