package io.shardway.router.plan;

import io.shardway.router.plan.TableLayout.Broadcast;
import io.shardway.router.plan.TableLayout.Unsharded;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;

/**
 * What one statement reads and writes, gathered while its syntax tree is walked: every use of a
 * table, and the sharded reads whose shard keys decide its groups.
 *
 * <p>It counts the uses of tables outside the default group, so that {@link #checkUses} can compare
 * them with the names the lexer saw: a use that the walk missed, in a construct it does not know,
 * must not go unrouted.
 */
final class Footprint {

  private final Layouts layouts;
  private final TableLayout home;
  private final Set<String> commonTableExpressions = new HashSet<>();
  private final Map<TableName, Integer> uses = new HashMap<>();
  private final List<TableRef> tables = new ArrayList<>();
  private final List<ShardedRead> reads = new ArrayList<>();

  Footprint(Layouts layouts) {
    this.layouts = layouts;
    this.home = new Unsharded(layouts.defaultGroup());
  }

  /**
   * Records a use of {@code table}; null when the name is no table: {@code DUAL}, or a common table
   * expression of the statement.
   */
  TableRef table(Table table) {
    TableName name = SqlNames.of(table);
    boolean noTable =
        name.schema() == null
            && (name.name().equals("dual") || commonTableExpressions.contains(name.name()));
    if (noTable) {
      return null;
    }
    String alias = table.getAlias() == null ? null : SqlNames.of(table.getAlias().getName());
    TableLayout layout = layouts.layout(name.schema(), name.name());
    if (!layout.equals(home)) {
      uses.merge(name, 1, Integer::sum);
    }
    TableRef ref = new TableRef(name, alias, layout);
    tables.add(ref);
    return ref;
  }

  /**
   * Records a name that stands for a table of the FROM, such as the target of {@code DELETE users
   * FROM users JOIN …}: no use of its own, but a name the lexer counted.
   */
  void reference(Table table) {
    TableName name = SqlNames.of(table);
    if (!layouts.layout(name.schema(), name.name()).equals(home)) {
      uses.merge(name, 1, Integer::sum);
    }
  }

  /** Makes {@code name} a common table expression: no table, wherever the statement uses it. */
  void commonTableExpression(String name) {
    commonTableExpressions.add(SqlNames.of(name));
  }

  void read(ShardedRead read) {
    reads.add(read);
  }

  /** Every table use recorded, in the order of the walk. */
  List<TableRef> tables() {
    return tables;
  }

  /**
   * @throws Refusal if the uses recorded differ from those the lexer counted
   */
  void checkUses(StatementText text) {
    if (!uses.equals(text.mentions())) {
      throw new Refusal(
          "a statement in which Shardway cannot find every use of " + text.mentioned());
    }
  }

  /** The plan of a statement that writes or reads where its sharded reads and tables are. */
  KeyedPlan plan(Merge merge, int parameterCount) {
    return plan(merge, -1, parameterCount);
  }

  /**
   * The plan of a SELECT that reads where its sharded reads and tables are.
   *
   * @param rowLimit as {@link Route.Scatter#rowLimit}: for {@link Merge#CONCATENATE}, the n of a
   *     SELECT that ends with {@code LIMIT n}; -1 for none, and for any other merge
   */
  KeyedPlan plan(Merge merge, long rowLimit, int parameterCount) {
    List<TableRef> unsharded = new ArrayList<>();
    List<TableRef> broadcast = new ArrayList<>();
    for (TableRef table : tables) {
      if (table.layout() instanceof Unsharded) {
        unsharded.add(table);
      } else if (table.layout() instanceof Broadcast) {
        broadcast.add(table);
      }
    }
    return new KeyedPlan(
        reads, unsharded, broadcast, merge, rowLimit, layouts.defaultGroup(), parameterCount);
  }
}
