package io.shardway.router.plan;

import io.shardway.router.StatementInfo;
import io.shardway.router.plan.TableLayout.Broadcast;
import io.shardway.router.plan.TableLayout.Sharded;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.statement.upsert.UpsertType;

/**
 * Plans INSERT and REPLACE. Into a sharded table, each row goes to the shard of its key, which must
 * be a literal or a {@code ?} in the column list (or the SET list); all rows must go to one group,
 * since Shardway does not yet split a statement. Into a broadcast table, the statement writes every
 * copy; into an unsharded one, its group, which must hold whatever the statement reads.
 */
final class InsertAnalysis {

  /**
   * What decides where an INSERT or REPLACE goes.
   *
   * @param verb {@code INSERT} or {@code REPLACE}
   */
  private record Parts(
      String verb,
      Table table,
      ExpressionList<Column> columns,
      Select select,
      List<UpdateSet> sets,
      List<UpdateSet> duplicateSets) {

    /** {@code an INSERT} or {@code a REPLACE}, for messages. */
    String statement() {
      return (verb.equals("INSERT") ? "an " : "a ") + verb;
    }
  }

  private InsertAnalysis() {}

  static RoutePlan plan(Insert insert, SelectAnalysis selects, StatementInfo info, int params) {
    boolean postgres =
        insert.getReturningClause() != null
            || insert.getOutputClause() != null
            || insert.getConflictAction() != null;
    if (postgres) {
      throw new Refusal("this INSERT syntax in a statement that uses sharded tables");
    }
    selects.withItems(insert.getWithItemsList());
    Parts parts =
        new Parts(
            "INSERT",
            insert.getTable(),
            insert.getColumns(),
            insert.getSelect(),
            insert.getSetUpdateSets(),
            insert.getDuplicateUpdateSets());
    return plan(parts, selects, info, params);
  }

  static RoutePlan plan(Upsert upsert, SelectAnalysis selects, StatementInfo info, int params) {
    UpsertType type = upsert.getUpsertType();
    if (type != UpsertType.REPLACE && type != UpsertType.REPLACE_SET) {
      throw new Refusal(type + " in a statement that uses sharded tables");
    }
    Parts parts =
        new Parts(
            "REPLACE",
            upsert.getTable(),
            upsert.getColumns(),
            upsert.getSelect(),
            upsert.getUpdateSets(),
            upsert.getDuplicateUpdateSets());
    return plan(parts, selects, info, params);
  }

  private static RoutePlan plan(
      Parts parts, SelectAnalysis selects, StatementInfo info, int params) {
    Footprint footprint = selects.footprint();
    TableRef target = footprint.table(parts.table());
    if (target == null) {
      throw new Refusal(parts.statement() + " into " + parts.table() + ", which is no table");
    }
    List<List<Expression>> rows = rows(parts);
    rows.forEach(row -> row.forEach(selects::subqueries));
    walkSets(parts.sets(), selects);
    walkSets(parts.duplicateSets(), selects);
    boolean selecting = parts.select() != null && !(parts.select() instanceof Values);
    if (target.layout() instanceof Sharded sharded) {
      if (selecting) {
        throw new Refusal(parts.statement() + " … SELECT into the sharded table " + target.name());
      }
      footprint.read(shardedRows(parts, rows, target, sharded));
    } else if (selecting) {
      selects.nested(parts.select(), parts.statement() + " … SELECT");
    }
    if (target.layout() instanceof Broadcast) {
      return BroadcastWrite.plan(List.of(target), footprint, info, false, params);
    }
    return footprint.plan(Merge.SUM_AFFECTED_ROWS, params);
  }

  private static ShardedRead shardedRows(
      Parts parts, List<List<Expression>> rows, TableRef target, Sharded sharded) {
    String into = parts.statement() + " into " + target.name();
    String key = sharded.shardKey();
    if (parts.duplicateSets() != null) {
      for (UpdateSet set : parts.duplicateSets()) {
        for (Column column : set.getColumns()) {
          if (SqlNames.of(column.getColumnName()).equals(key)) {
            throw new Refusal(
                into + " … ON DUPLICATE KEY UPDATE that changes the shard key " + key);
          }
        }
      }
    }
    List<KeyValue> values = new ArrayList<>(rows.size());
    for (Expression value : keyExpressions(parts, rows, into, key)) {
      KeyValue keyValue = KeyValues.of(value);
      if (keyValue == null) {
        throw new Refusal(into + " whose shard key " + key + " is not a literal or ?: " + value);
      }
      values.add(keyValue);
    }
    return new ShardedRead(
        sharded,
        target.name().toString(),
        new RowKeys(values, into),
        "a multi-row "
            + parts.verb()
            + " into "
            + target.name()
            + " whose rows go to several shard groups");
  }

  /** The expression written to the shard key, one per row. */
  private static List<Expression> keyExpressions(
      Parts parts, List<List<Expression>> rows, String into, String key) {
    if (parts.columns() == null && parts.sets() != null) {
      for (UpdateSet set : parts.sets()) {
        for (int i = 0; i < set.getColumns().size(); i++) {
          if (SqlNames.of(set.getColumns().get(i).getColumnName()).equals(key)) {
            return List.of(set.getValues().get(i));
          }
        }
      }
      throw new Refusal(into + " without its shard key column " + key);
    }
    if (parts.columns() == null) {
      throw new Refusal(into + " without a column list, which must name the shard key " + key);
    }
    int index = -1;
    for (int i = 0; i < parts.columns().size(); i++) {
      if (SqlNames.of(parts.columns().get(i).getColumnName()).equals(key)) {
        index = i;
      }
    }
    if (index < 0) {
      throw new Refusal(into + " without its shard key column " + key);
    }
    List<Expression> values = new ArrayList<>(rows.size());
    for (List<Expression> row : rows) {
      if (row.size() != parts.columns().size()) {
        throw new Refusal(into + " with a row of " + row.size() + " values for its columns");
      }
      values.add(row.get(index));
    }
    return values;
  }

  /** The rows of {@code VALUES}; empty for an INSERT … SET or … SELECT. */
  private static List<List<Expression>> rows(Parts parts) {
    if (!(parts.select() instanceof Values values)) {
      return List.of();
    }
    ExpressionList<?> list = values.getExpressions();
    if (list instanceof ParenthesedExpressionList<?>) {
      return List.of(
          List.<Expression>copyOf(list)); // JSqlParser's form of one row: VALUES (1, 'a')
    }
    List<List<Expression>> rows = new ArrayList<>(list.size());
    for (Expression row : list) {
      if (row instanceof ParenthesedExpressionList<?> parenthesed) {
        rows.add(List.<Expression>copyOf(parenthesed));
      } else if (row instanceof Function function
          && function.getName().equalsIgnoreCase("ROW")
          && function.getParameters() != null) {
        rows.add(List.<Expression>copyOf(function.getParameters()));
      } else {
        throw new Refusal(parts.statement() + " with the row " + row);
      }
    }
    return rows;
  }

  private static void walkSets(List<UpdateSet> sets, SelectAnalysis selects) {
    if (sets != null) {
      for (UpdateSet set : sets) {
        selects.subqueries(set.getValues());
      }
    }
  }
}
