package io.shardway.router.plan;

import io.shardway.router.plan.Route.Scatter;
import io.shardway.router.plan.Route.Single;
import io.shardway.router.plan.TableLayout.Unsharded;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;

/**
 * Plans CREATE, ALTER, DROP and TRUNCATE TABLE and CREATE INDEX: on every group of the table, since
 * each holds a part or a copy of it. A statement on several tables needs them to have the same
 * groups; a table the DDL refers to (LIKE, REFERENCES) must be in each of them.
 */
final class DdlAnalysis {

  private DdlAnalysis() {}

  /** Whether {@link #plan} handles {@code statement}'s kind. */
  static boolean handles(Statement statement) {
    return statement instanceof CreateTable
        || statement instanceof Alter
        || statement instanceof Drop
        || statement instanceof Truncate
        || statement instanceof CreateIndex;
  }

  static RoutePlan plan(Statement statement, SelectAnalysis selects, int params) {
    Footprint footprint = selects.footprint();
    if (statement instanceof CreateTable create && create.getSelect() != null) {
      return createSelect(create, selects, params);
    }
    List<TableRef> tables = new ArrayList<>();
    if (statement instanceof CreateTable create) {
      TableRef table = table(footprint, create.getTable());
      tables.add(table);
      if (create.getLikeTable() != null) {
        requireIn(table, table(footprint, create.getLikeTable()));
      }
      if (create.getIndexes() != null) {
        for (Index index : create.getIndexes()) {
          if (index instanceof ForeignKeyIndex foreignKey) {
            requireIn(table, table(footprint, foreignKey.getTable()));
          }
        }
      }
    } else if (statement instanceof Alter alter) {
      TableRef table = table(footprint, alter.getTable());
      tables.add(table);
      for (AlterExpression expression : alter.getAlterExpressions()) {
        if (expression.getOperation() == AlterOperation.RENAME_TABLE
            && !(table.layout() instanceof Unsharded)) {
          throw new Refusal(
              "renaming "
                  + table.name()
                  + ", which the configuration names; rename it there and on the backends");
        }
      }
    } else if (statement instanceof Drop drop) {
      tables.addAll(dropped(drop, footprint));
    } else if (statement instanceof Truncate truncate) {
      List<Table> truncated =
          truncate.getTables() == null || truncate.getTables().isEmpty()
              ? List.of(truncate.getTable())
              : truncate.getTables();
      truncated.forEach(table -> tables.add(table(footprint, table)));
    } else {
      tables.add(table(footprint, ((CreateIndex) statement).getTable()));
    }
    return new FixedPlan(route(tables), params);
  }

  /** CREATE TABLE … SELECT: fills a table of one group, which must hold the rows it reads. */
  private static RoutePlan createSelect(CreateTable create, SelectAnalysis selects, int params) {
    TableRef table = table(selects.footprint(), create.getTable());
    if (!(table.layout() instanceof Unsharded)) {
      throw new Refusal("CREATE TABLE … SELECT of " + table.describe());
    }
    selects.nested(create.getSelect(), "a CREATE TABLE … SELECT");
    return selects.footprint().plan(Merge.SUM_AFFECTED_ROWS, params);
  }

  private static List<TableRef> dropped(Drop drop, Footprint footprint) {
    if (drop.getType().equalsIgnoreCase("INDEX")) {
      throw new Refusal(
          "DROP INDEX … ON a sharded or broadcast table; ALTER TABLE … DROP INDEX does");
    }
    if (!drop.getType().equalsIgnoreCase("TABLE")) {
      throw new Refusal("DROP " + drop.getType() + " of a sharded or broadcast table");
    }
    List<Table> names = drop.getNames() == null ? List.of(drop.getName()) : drop.getNames();
    return names.stream().map(name -> table(footprint, name)).toList();
  }

  private static TableRef table(Footprint footprint, Table table) {
    TableRef ref = footprint.table(table);
    if (ref == null) {
      throw new Refusal("DDL on " + table);
    }
    return ref;
  }

  /** Checks that {@code other}, which the DDL on {@code table} refers to, is in its groups. */
  private static void requireIn(TableRef table, TableRef other) {
    if (!other.layout().groups().containsAll(table.layout().groups())) {
      throw new Refusal(
          "DDL on "
              + table.describe()
              + " that refers to "
              + other.name()
              + ", which is not in each of its shard groups");
    }
  }

  private static Route route(List<TableRef> tables) {
    List<String> groups = tables.get(0).layout().groups();
    for (TableRef table : tables) {
      if (!new HashSet<>(table.layout().groups()).equals(new HashSet<>(groups))) {
        throw new Refusal(
            "DDL on tables in different shard groups: "
                + tables.get(0).name()
                + " and "
                + table.name());
      }
    }
    return groups.size() == 1
        ? new Single(groups.get(0))
        : new Scatter(groups, Merge.ALL_MUST_SUCCEED);
  }
}
