package io.shardway.router.plan;

import io.shardway.router.plan.TableLayout.Sharded;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;

/**
 * One FROM … WHERE of a statement: a SELECT's, or the tables an UPDATE or DELETE joins. It knows
 * the block's tables, how they are joined, and which of its sharded tables must be read together.
 *
 * <p>Sharded tables are read together when they are co-located and an equality of their shard keys
 * holds for every pair of joined rows (in the WHERE, in any ON, or a USING column): their rows meet
 * only within a shard. Each such set is one {@link ShardedRead}, narrowed by what the conditions
 * every result row satisfies (the WHERE and the ON of inner joins) say about its keys.
 *
 * <p>Its rows may spread over groups only if no result row can lack them: an outer join whose other
 * side is kept without a match would return that row from every group. So a read is anchored when
 * one of its tables is on the kept side of every outer join, or when a condition on its keys holds
 * for every result row.
 */
final class QueryBlock {

  private enum JoinKind {
    INNER,
    LEFT,
    RIGHT,
    FULL
  }

  /** A {@code USING (column)} of the join that added the table at {@code table}. */
  private record Using(int table, String column) {}

  private final SelectAnalysis analysis;
  private final List<TableRef> tables = new ArrayList<>();

  /** The tables, by index, of which every result row has a row. */
  private final BitSet kept = new BitSet();

  /** Conditions every result row satisfies: the WHERE and the ON of inner joins, split at AND. */
  private final List<Expression> filters = new ArrayList<>();

  /** Conditions every pair of joined rows satisfies: the WHERE and every ON, split at AND. */
  private final List<Expression> links = new ArrayList<>();

  private final List<Using> usings = new ArrayList<>();

  /**
   * Walks the FROM (null for none), its joins and the WHERE (null for none), and the subqueries of
   * their conditions.
   */
  QueryBlock(SelectAnalysis analysis, FromItem from, List<Join> joins, Expression where) {
    this.analysis = analysis;
    if (from != null) {
      keep(add(from));
    }
    for (Join join : joins) {
      join(join);
    }
    conjuncts(where, filters);
    conjuncts(where, links);
    analysis.subqueries(where);
  }

  List<TableRef> tables() {
    return tables;
  }

  /** The table of this block that {@code table} (a name or an alias) stands for, or null. */
  TableRef table(Table table) {
    TableName name = SqlNames.of(table);
    int index = qualified(name.schema(), name.name());
    return index < 0 ? null : tables.get(index);
  }

  /**
   * Whether {@code column} may be the shard key of one of the block's tables: a qualified column
   * whose table's key it is, or an unqualified one that any sharded table has as its key.
   */
  boolean mayBeShardKey(Column column) {
    String name = SqlNames.of(column.getColumnName());
    Table qualifier = column.getTable();
    if (qualifier != null && qualifier.getName() != null) {
      TableRef table = table(qualifier);
      if (table != null) {
        return name.equals(table.shardKey());
      }
    }
    return tables.stream().anyMatch(table -> name.equals(table.shardKey()));
  }

  /**
   * Whether {@code expression} is the shard key column of the block's only sharded table: each of
   * its values then lives in one shard.
   */
  boolean isOnlyShardKey(Expression expression) {
    return shardKeyOf(expression) >= 0 && sharded().cardinality() == 1;
  }

  /** The names of the block's sharded tables, for messages: {@code users and orders}. */
  String shardedNames() {
    return names(sharded());
  }

  private BitSet sharded() {
    BitSet sharded = new BitSet();
    for (int i = 0; i < tables.size(); i++) {
      sharded.set(i, tables.get(i).layout() instanceof Sharded);
    }
    return sharded;
  }

  /** The block's sharded reads, each with why it may not spread, as {@code role} says. */
  List<ShardedRead> reads(Role role) {
    Map<Integer, BitSet> sets = readSets();
    List<ShardedRead> reads = new ArrayList<>(sets.size());
    for (BitSet members : sets.values()) {
      KeyFilter filter = KeyFilter.ALL;
      for (Expression condition : filters) {
        filter = KeyFilter.and(filter, KeyConditions.filter(this, condition, members));
      }
      String others =
          String.join(
              " and ",
              sets.values().stream().filter(set -> set != members).map(this::names).toList());
      boolean anchored = members.intersects(kept) || filter != KeyFilter.ALL;
      Sharded layout = (Sharded) tables.get(members.nextSetBit(0)).layout();
      reads.add(
          new ShardedRead(
              layout,
              names(members),
              filter,
              role.spreadRefusal(names(members), others, anchored)));
    }
    return reads;
  }

  /**
   * The index of the table whose shard key {@code expression} is, or -1: a column qualified with
   * the table's alias or name, or unqualified when exactly one sharded table has it as its key. A
   * double-quoted name is no column: MySQL may read it as a string.
   */
  int shardKeyOf(Expression expression) {
    if (!(expression instanceof Column column) || SqlNames.isDoubleQuoted(column.getColumnName())) {
      return -1;
    }
    String name = SqlNames.of(column.getColumnName());
    Table qualifier = column.getTable();
    int index = -1;
    if (qualifier != null && qualifier.getName() != null) {
      if (SqlNames.isDoubleQuoted(qualifier.getName())) {
        return -1;
      }
      TableName table = SqlNames.of(qualifier);
      index = qualified(table.schema(), table.name());
      return index >= 0 && name.equals(tables.get(index).shardKey()) ? index : -1;
    }
    for (int i = 0; i < tables.size(); i++) {
      if (name.equals(tables.get(i).shardKey())) {
        if (index >= 0) {
          return -1;
        }
        index = i;
      }
    }
    return index;
  }

  private void join(Join join) {
    JoinKind kind = kind(join);
    int right = add(join.getRightItem());
    for (Expression on : join.getOnExpressions()) {
      conjuncts(on, links);
      if (kind == JoinKind.INNER) {
        conjuncts(on, filters);
      }
      analysis.subqueries(on);
    }
    if (join.getUsingColumns() != null) {
      for (Column column : join.getUsingColumns()) {
        usings.add(new Using(right, SqlNames.of(column.getColumnName())));
      }
    }
    switch (kind) {
      case INNER -> keep(right);
      case LEFT -> {}
      case RIGHT -> {
        kept.clear();
        keep(right);
      }
      case FULL -> kept.clear();
    }
  }

  private static JoinKind kind(Join join) {
    boolean unusual =
        join.isApply()
            || join.isSemi()
            || join.isAsOf()
            || join.isWindowJoin()
            || join.isFetch()
            || join.isArray()
            || join.isGlobal()
            || join.isAny()
            || join.isAll();
    if (unusual) {
      throw new Refusal("the join " + join + " of a sharded or broadcast table");
    }
    if (join.isFull()) {
      return JoinKind.FULL;
    }
    if (join.isRight()) {
      return JoinKind.RIGHT;
    }
    return join.isLeft() ? JoinKind.LEFT : JoinKind.INNER;
  }

  /** Adds a table of the FROM and returns its index; -1 when it is no table of this block. */
  private int add(FromItem item) {
    if (item instanceof Table table) {
      TableRef ref = analysis.footprint().table(table);
      if (ref == null) {
        return -1;
      }
      tables.add(ref);
      return tables.size() - 1;
    }
    if (item instanceof ParenthesedSelect select) {
      analysis.nested(select, "a derived table");
      return -1;
    }
    throw new Refusal("the FROM item " + item + " in a statement that uses sharded tables");
  }

  private void keep(int table) {
    if (table >= 0) {
      kept.set(table);
    }
  }

  private int qualified(String schema, String name) {
    int index = -1;
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i).isQualifiedBy(schema, name)) {
        if (index >= 0) {
          return -1;
        }
        index = i;
      }
    }
    return index;
  }

  /** Groups the sharded tables into sets read together; keyed by representative, in FROM order. */
  private Map<Integer, BitSet> readSets() {
    int[] parent = new int[tables.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (Expression link : links) {
      if (link instanceof EqualsTo equals) {
        union(
            parent,
            shardKeyOf(equals.getLeftExpression()),
            shardKeyOf(equals.getRightExpression()));
      }
    }
    for (Using using : usings) {
      if (using.table() >= 0 && using.column().equals(tables.get(using.table()).shardKey())) {
        for (int i = 0; i < using.table(); i++) {
          if (using.column().equals(tables.get(i).shardKey())) {
            union(parent, i, using.table());
          }
        }
      }
    }
    Map<Integer, BitSet> sets = new LinkedHashMap<>();
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i).layout() instanceof Sharded) {
        sets.computeIfAbsent(root(parent, i), root -> new BitSet()).set(i);
      }
    }
    return sets;
  }

  /** Joins the sets of two sharded tables, when both are tables and co-located. */
  private void union(int[] parent, int a, int b) {
    if (a < 0 || b < 0) {
      return;
    }
    Object colocation = ((Sharded) tables.get(a).layout()).colocation();
    if (colocation.equals(((Sharded) tables.get(b).layout()).colocation())) {
      parent[root(parent, a)] = root(parent, b);
    }
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }

  private String names(BitSet members) {
    List<String> names = new ArrayList<>();
    for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
      String name = tables.get(i).name().toString();
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return String.join(" and ", names);
  }

  /** Adds the parts of {@code condition} (null for none) that AND joins to {@code parts}. */
  private static void conjuncts(Expression condition, List<Expression> parts) {
    if (condition instanceof AndExpression and) {
      conjuncts(and.getLeftExpression(), parts);
      conjuncts(and.getRightExpression(), parts);
    } else if (condition instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      conjuncts(list.get(0), parts);
    } else if (condition != null) {
      parts.add(condition);
    }
  }
}
