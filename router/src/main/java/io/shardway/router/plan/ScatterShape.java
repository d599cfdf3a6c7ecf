package io.shardway.router.plan;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Tells what in a SELECT makes its result differ from the rows of each shard one after another:
 * what needs the rows of all shards at once (DISTINCT, GROUP BY, HAVING, aggregates, window
 * functions, ORDER BY, LIMIT), and what would happen once per shard (SELECT … INTO, {@code
 * SQL_CALC_FOUND_ROWS}). Until Shardway merges such results, these SELECTs run on one group only.
 */
final class ScatterShape {

  /** MySQL's aggregate functions; without GROUP BY, each folds a whole shard into one row. */
  private static final Set<String> AGGREGATES =
      Set.of(
          "AVG",
          "BIT_AND",
          "BIT_OR",
          "BIT_XOR",
          "COUNT",
          "GROUP_CONCAT",
          "JSON_ARRAYAGG",
          "JSON_OBJECTAGG",
          "MAX",
          "MIN",
          "STD",
          "STDDEV",
          "STDDEV_POP",
          "STDDEV_SAMP",
          "SUM",
          "VAR_POP",
          "VAR_SAMP",
          "VARIANCE");

  private ScatterShape() {}

  /** What in {@code select} forbids merging by concatenation, or null when nothing does. */
  static String blocker(PlainSelect select) {
    if (select.getDistinct() != null) {
      return "DISTINCT";
    }
    if (select.getGroupBy() != null) {
      return "GROUP BY";
    }
    if (select.getHaving() != null) {
      return "HAVING";
    }
    String function = functionIn(select.getSelectItems());
    if (function != null) {
      return function;
    }
    if (select.getOrderByElements() != null && !select.getOrderByElements().isEmpty()) {
      return "ORDER BY";
    }
    boolean limited =
        select.getLimit() != null
            || select.getOffset() != null
            || select.getFetch() != null
            || select.getLimitBy() != null
            || select.getTop() != null
            || select.getFirst() != null
            || select.getSkip() != null;
    if (limited) {
      return "LIMIT";
    }
    if (select.getIntoTables() != null || select.getMySqlSelectIntoClause() != null) {
      return "SELECT … INTO";
    }
    return select.getMySqlSqlCalcFoundRows() ? "SQL_CALC_FOUND_ROWS" : null;
  }

  /** The first aggregate or window function of the select list, outside subqueries, in words. */
  private static String functionIn(List<SelectItem<?>> items) {
    FunctionFinder finder = new FunctionFinder();
    for (SelectItem<?> item : items) {
      item.getExpression().accept(finder, null);
      if (finder.found != null) {
        return finder.found;
      }
    }
    return null;
  }

  private static final class FunctionFinder extends ExpressionVisitorAdapter<Void> {

    private String found;

    @Override
    public <S> Void visit(Function function, S context) {
      String name = function.getName().toUpperCase(Locale.ROOT);
      if (found == null && AGGREGATES.contains(name)) {
        found = "the aggregate function " + name;
      }
      return super.visit(function, context);
    }

    @Override
    public <S> Void visit(MySQLGroupConcat groupConcat, S context) {
      found = found == null ? "the aggregate function GROUP_CONCAT" : found;
      return null;
    }

    @Override
    public <S> Void visit(JsonAggregateFunction function, S context) {
      found = found == null ? "JSON aggregate functions" : found;
      return null;
    }

    @Override
    public <S> Void visit(AnalyticExpression window, S context) {
      found = found == null ? "window functions" : found;
      return null;
    }

    /** A subquery's aggregates fold the subquery's rows, which one group holds whole. */
    @Override
    public <S> Void visit(Select select, S context) {
      return null;
    }
  }
}
