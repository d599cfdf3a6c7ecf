package io.shardway.router.plan;

import static io.shardway.router.plan.AggregateFunction.COUNT;
import static io.shardway.router.plan.AggregateFunction.MAX;
import static io.shardway.router.plan.AggregateFunction.MIN;
import static io.shardway.router.plan.AggregateFunction.SUM;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Tells what in a SELECT makes its result differ from the rows of each shard one after another:
 * what needs the rows of all shards at once (DISTINCT, GROUP BY, HAVING, aggregates, window
 * functions, ORDER BY, LIMIT), and what would happen once per shard (SELECT … INTO, {@code
 * SQL_CALC_FOUND_ROWS}). Until Shardway merges such results, these SELECTs run on one group only.
 *
 * <p>One kind of LIMIT is merged: a SELECT merged by concatenation that ends with {@code LIMIT n},
 * n a number, and has no ORDER BY may return any n rows, so the rows of the groups one after
 * another stop after n (see {@link Route.Scatter#rowLimit}).
 *
 * <p>One kind of aggregate is merged: a select list made only of {@code COUNT(*)}, {@code
 * COUNT(expr)}, {@code SUM(expr)}, {@code MIN(expr)} and {@code MAX(expr)}, without DISTINCT, folds
 * the one row of each shard into the row over all shards (see {@link Merge#AGGREGATE}).
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

  /** The aggregate functions whose values over each shard fold into the value over all shards. */
  private static final Map<String, AggregateFunction> FOLDED =
      Map.of("COUNT", COUNT, "SUM", SUM, "MIN", MIN, "MAX", MAX);

  private ScatterShape() {}

  /**
   * What in {@code select} forbids merging by concatenation or, when its select list is only
   * aggregates that fold (see {@link #aggregates}), by folding; null when nothing does.
   */
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
    if (limited && (rowLimit(select) < 0 || !aggregates(select).isEmpty())) {
      return "LIMIT";
    }
    if (select.getIntoTables() != null || select.getMySqlSelectIntoClause() != null) {
      return "SELECT … INTO";
    }
    return select.getMySqlSqlCalcFoundRows() ? "SQL_CALC_FOUND_ROWS" : null;
  }

  /**
   * The n of {@code select} when it is a SELECT, with no ORDER BY, that ends with {@code LIMIT n}
   * and limits its rows no other way, n being a number (no {@code ?}, no offset); otherwise -1.
   */
  static long rowLimit(Select select) {
    if (!(select instanceof PlainSelect plain)
        || plain.getLimit() == null
        || !(plain.getLimit().getRowCount() instanceof LongValue rowCount)
        || plain.getLimit().getOffset() != null
        || plain.getLimit().getByExpressions() != null
        || plain.getOffset() != null
        || plain.getFetch() != null
        || plain.getLimitBy() != null
        || plain.getTop() != null
        || plain.getFirst() != null
        || plain.getSkip() != null
        || plain.getOrderByElements() != null && !plain.getOrderByElements().isEmpty()) {
      return -1;
    }
    // Anything after the LIMIT (FOR UPDATE, INTO, …) shows in the text's end.
    BigInteger n = rowCount.getBigIntegerValue();
    boolean last = plain.toString().endsWith(" LIMIT " + rowCount);
    return last && n.bitLength() < Long.SIZE ? n.longValue() : -1;
  }

  /**
   * The function of each item of the select list of {@code select}, in order, when the statement's
   * own query block is a SELECT whose every item is an aggregate that folds; otherwise empty.
   */
  static List<AggregateFunction> aggregates(Select select) {
    if (!(select instanceof PlainSelect plain)) {
      return List.of();
    }
    List<AggregateFunction> aggregates = new ArrayList<>();
    for (SelectItem<?> item : plain.getSelectItems()) {
      AggregateFunction aggregate = folded(item.getExpression());
      if (aggregate == null) {
        return List.of();
      }
      aggregates.add(aggregate);
    }
    return aggregates;
  }

  /**
   * What in the select list, outside subqueries, forbids both ways of merging, in words: its first
   * aggregate or window function that is not a whole item that folds, or a mix of aggregates that
   * fold with other items; null when nothing does.
   */
  private static String functionIn(List<SelectItem<?>> items) {
    FunctionFinder finder = new FunctionFinder();
    boolean folds = false;
    boolean others = false;
    for (SelectItem<?> item : items) {
      Expression expression = item.getExpression();
      if (folded(expression) != null) {
        folds = true;
        continue;
      }
      others = true;
      finder.item = expression;
      expression.accept(finder, null);
      if (finder.found != null) {
        return finder.found;
      }
    }
    return folds && others ? "a select list that mixes aggregate functions with other items" : null;
  }

  /**
   * The function of {@code expression} when it is an aggregate that folds: {@code COUNT(*)}, or
   * COUNT, SUM, MIN or MAX of one expression that holds no aggregate or window function, and
   * nothing else (no DISTINCT, ORDER BY, IGNORE NULLS, …); otherwise null.
   */
  private static AggregateFunction folded(Expression expression) {
    if (!(expression instanceof Function function)
        || function.getParameters() == null
        || function.getParameters().size() != 1) {
      return null;
    }
    AggregateFunction aggregate = FOLDED.get(function.getName().toUpperCase(Locale.ROOT));
    Expression argument = function.getParameters().get(0);
    if (aggregate == null || argument instanceof AllColumns && aggregate != COUNT) {
      return null;
    }
    // Any other part of the call (DISTINCT, ORDER BY, KEEP, an attribute, …) shows in its text.
    if (!function.toString().equals(function.getName() + "(" + argument + ")")) {
      return null;
    }
    FunctionFinder finder = new FunctionFinder();
    argument.accept(finder, null);
    return finder.found == null ? aggregate : null;
  }

  private static final class FunctionFinder extends ExpressionVisitorAdapter<Void> {

    private String found;

    /** The select item being visited, or null. */
    private Expression item;

    @Override
    public <S> Void visit(Function function, S context) {
      String name = function.getName().toUpperCase(Locale.ROOT);
      if (found == null && AGGREGATES.contains(name)) {
        found = reason(function, name);
      }
      return super.visit(function, context);
    }

    /**
     * Why {@code function}, an aggregate named {@code name} that does not fold, is merged by
     * neither way.
     */
    private String reason(Function function, String name) {
      if (FOLDED.containsKey(name) && function.isDistinct()) {
        return name + "(DISTINCT …)";
      }
      if (FOLDED.containsKey(name) && function != item) {
        return "the aggregate function " + name + " inside an expression";
      }
      return "the aggregate function " + name;
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
