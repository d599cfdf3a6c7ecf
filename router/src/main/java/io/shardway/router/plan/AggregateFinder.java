package io.shardway.router.plan;

import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Finds the first aggregate or window function in an expression, outside its subqueries, and says
 * in words why it keeps the expression from being merged across shard groups. A subquery's
 * aggregates fold the subquery's rows, which one group holds whole, so they do not count.
 */
final class AggregateFinder extends ExpressionVisitorAdapter<Void> {

  /** MySQL's aggregate functions. */
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

  private final Expression whole;
  private final Set<String> folding;
  private String found;

  private AggregateFinder(Expression whole, Set<String> folding) {
    this.whole = whole;
    this.folding = folding;
  }

  /**
   * Why the first aggregate or window function of {@code expression} cannot be merged; null when it
   * has none.
   *
   * @param folding the names (upper case) of the aggregates a merge folds when one makes up {@code
   *     expression} whole: those found anyway were written otherwise ({@code COUNT(DISTINCT …)}) or
   *     inside an expression
   */
  static String find(Expression expression, Set<String> folding) {
    AggregateFinder finder = new AggregateFinder(expression, folding);
    expression.accept(finder, null);
    return finder.found;
  }

  /** Whether {@code expression} holds an aggregate or window function outside subqueries. */
  static boolean contains(Expression expression) {
    return find(expression, Set.of()) != null;
  }

  @Override
  public <S> Void visit(Function function, S context) {
    String name = function.getName().toUpperCase(Locale.ROOT);
    if (found == null && AGGREGATES.contains(name)) {
      found = reason(function, name);
    }
    return super.visit(function, context);
  }

  private String reason(Function function, String name) {
    if (folding.contains(name) && function.isDistinct()) {
      return name + "(DISTINCT …)";
    }
    if (folding.contains(name) && function != whole) {
      return "the aggregate function " + name + " inside an expression";
    }
    return "the aggregate function " + name;
  }

  @Override
  public <S> Void visit(MySQLGroupConcat groupConcat, S context) {
    return found("the aggregate function GROUP_CONCAT");
  }

  @Override
  public <S> Void visit(JsonAggregateFunction function, S context) {
    return found("JSON aggregate functions");
  }

  @Override
  public <S> Void visit(AnalyticExpression window, S context) {
    return found("window functions");
  }

  /** Keeps the first reason found; the visit goes no deeper. */
  private Void found(String reason) {
    found = found == null ? reason : found;
    return null;
  }

  @Override
  public <S> Void visit(Select select, S context) {
    return null;
  }
}
