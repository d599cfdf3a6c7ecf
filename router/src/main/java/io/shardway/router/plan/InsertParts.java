package io.shardway.router.plan;

import io.shardway.router.shard.KeyGenerator;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.statement.upsert.UpsertType;

/**
 * What decides where an INSERT or REPLACE goes, read from JSqlParser's syntax tree: the same
 * reading for planning the statement and for splitting it.
 *
 * @param verb {@code INSERT} or {@code REPLACE}
 * @param columns the column list, or null when the statement has none
 * @param select the VALUES or the SELECT, or null for the SET form
 * @param sets the assignments of the SET form, or null
 * @param duplicateSets the assignments of ON DUPLICATE KEY UPDATE, or null
 * @param rowAlias the alias of {@code VALUES … AS new}, or null
 */
record InsertParts(
    String verb,
    Table table,
    ExpressionList<Column> columns,
    Select select,
    List<UpdateSet> sets,
    List<UpdateSet> duplicateSets,
    Alias rowAlias) {

  /**
   * @throws Refusal for the syntax of other databases: RETURNING, OUTPUT, ON CONFLICT
   */
  static InsertParts of(Insert insert) {
    boolean postgres =
        insert.getReturningClause() != null
            || insert.getOutputClause() != null
            || insert.getConflictAction() != null;
    if (postgres) {
      throw new Refusal("this INSERT syntax in a statement that uses sharded tables");
    }
    return new InsertParts(
        "INSERT",
        insert.getTable(),
        insert.getColumns(),
        insert.getSelect(),
        insert.getSetUpdateSets(),
        insert.getDuplicateUpdateSets(),
        rowAlias(insert));
  }

  /** JSqlParser keeps the alias of {@code VALUES … AS new} with the VALUES, that of SET apart. */
  private static Alias rowAlias(Insert insert) {
    return insert.getSelect() instanceof Values values ? values.getAlias() : insert.getRowAlias();
  }

  /**
   * @throws Refusal for an UPSERT other than MySQL's REPLACE
   */
  static InsertParts of(Upsert upsert) {
    UpsertType type = upsert.getUpsertType();
    if (type != UpsertType.REPLACE && type != UpsertType.REPLACE_SET) {
      throw new Refusal(type + " in a statement that uses sharded tables");
    }
    return new InsertParts(
        "REPLACE",
        upsert.getTable(),
        upsert.getColumns(),
        upsert.getSelect(),
        upsert.getUpdateSets(),
        upsert.getDuplicateUpdateSets(),
        null);
  }

  /**
   * @throws Refusal if {@code statement} is no INSERT or REPLACE
   */
  static InsertParts of(Statement statement) {
    if (statement instanceof Insert insert) {
      return of(insert);
    }
    if (statement instanceof Upsert upsert) {
      return of(upsert);
    }
    throw new Refusal("splitting a statement other than INSERT or REPLACE over shard groups");
  }

  /** {@code an INSERT} or {@code a REPLACE}, for messages. */
  String statement() {
    return (verb.equals("INSERT") ? "an " : "a ") + verb;
  }

  /** {@code an INSERT into users}, for messages. */
  String into(TableName name) {
    return statement() + " into " + name;
  }

  /** How reasons name the statement when Shardway generates its keys. */
  String generatingPhrase(TableName name) {
    return into(name) + " whose shard keys Shardway generates";
  }

  /** How reasons name the statement when its rows go to several groups. */
  String spreadPhrase(TableName name) {
    return "a multi-row " + verb + " into " + name + " whose rows go to several shard groups";
  }

  /** Whether it inserts the rows of a SELECT (or TABLE), not of VALUES or SET. */
  boolean selecting() {
    return select != null && !(select instanceof Values);
  }

  /** The number of rows it inserts from VALUES or SET. */
  int rowCount() {
    return sets != null ? 1 : rows().size();
  }

  /** The rows of {@code VALUES}; empty for an INSERT … SET or … SELECT. */
  List<List<Expression>> rows() {
    if (!(select instanceof Values values)) {
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
        throw new Refusal(statement() + " with the row " + row);
      }
    }
    return rows;
  }

  /**
   * @throws Refusal if ON DUPLICATE KEY UPDATE assigns the shard key, which would move a row to
   *     another shard
   */
  void checkKeyKept(String key, String into) {
    if (duplicateSets == null) {
      return;
    }
    for (UpdateSet set : duplicateSets) {
      for (Column column : set.getColumns()) {
        if (SqlNames.of(column.getColumnName()).equals(key)) {
          throw new Refusal(into + " … ON DUPLICATE KEY UPDATE that changes the shard key " + key);
        }
      }
    }
  }

  /**
   * The expression written to the shard key, one per row; null when the statement leaves the key
   * column out.
   *
   * @throws Refusal for VALUES without a column list, which must name the key (the router cannot
   *     see the table's columns), and for rows whose length is not the column list's
   */
  List<Expression> keyValues(String key, String into) {
    if (columns == null && sets != null) {
      for (UpdateSet set : sets) {
        for (int i = 0; i < set.getColumns().size(); i++) {
          if (SqlNames.of(set.getColumns().get(i).getColumnName()).equals(key)) {
            return List.of(set.getValues().get(i));
          }
        }
      }
      return null;
    }
    if (columns == null) {
      throw new Refusal(into + " without a column list, which must name the shard key " + key);
    }
    List<List<Expression>> rows = rows();
    for (List<Expression> row : rows) {
      if (row.size() != columns.size()) {
        throw new Refusal(into + " with a row of " + row.size() + " values for its columns");
      }
    }
    int index = columnIndex(key);
    return index < 0 ? null : rows.stream().map(row -> row.get(index)).toList();
  }

  /** The place of {@code column} in the column list, or -1 (MySQL refuses one listed twice). */
  private int columnIndex(String column) {
    int index = -1;
    for (int i = 0; i < columns.size(); i++) {
      if (SqlNames.of(columns.get(i).getColumnName()).equals(column)) {
        index = i;
      }
    }
    return index;
  }

  /**
   * @throws Refusal if Shardway cannot add generated shard keys to the rows: too many for one
   *     reservation, or a row alias that names the columns, to which the key would have to be added
   */
  void checkKeysCanBeGenerated(TableName name) {
    if (rowAlias != null && rowAlias.getAliasColumns() != null) {
      throw new Refusal("a row alias with column names in " + generatingPhrase(name));
    }
    if (rowCount() > KeyGenerator.MAX_RESERVATION) {
      throw new Refusal(
          "more than " + KeyGenerator.MAX_RESERVATION + " rows in " + generatingPhrase(name));
    }
  }
}
