package io.shardway.router.plan;

import static io.shardway.router.plan.AggregateFunction.COUNT;
import static io.shardway.router.plan.AggregateFunction.MAX;
import static io.shardway.router.plan.AggregateFunction.MIN;
import static io.shardway.router.plan.AggregateFunction.SUM;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Tells what in a SELECT makes its result differ from the rows of each shard one after another:
 * what needs the rows of all shards at once (DISTINCT, GROUP BY, HAVING, aggregates, window
 * functions, ORDER BY, LIMIT), and what would happen once per shard (SELECT … INTO, {@code
 * SQL_CALC_FOUND_ROWS}). A SELECT without any of it, or with one of the two shapes below, is merged
 * by the proxy itself, as it always was; any other goes to {@link QueryMergeAnalysis}, which merges
 * it with the operators of a {@link QueryMerge} or says why it cannot (see {@link SelectMerge}).
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

  /** The names of the aggregate functions whose values over each shard fold into one value. */
  private static final Set<String> FOLDED = Set.of("COUNT", "SUM", "MIN", "MAX");

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
        select.getLimit() != null || select.getOffset() != null || LimitClause.hasOtherForm(select);
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
        || LimitClause.hasOtherForm(plain)
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
    boolean folds = false;
    boolean others = false;
    for (SelectItem<?> item : items) {
      Expression expression = item.getExpression();
      if (folded(expression) != null) {
        folds = true;
        continue;
      }
      others = true;
      String found = AggregateFinder.find(expression, FOLDED);
      if (found != null) {
        return found;
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
    AggregateCall call = AggregateCall.of(expression, key -> false);
    if (call == null) {
      return null;
    }
    return switch (call.kind()) {
      case COUNT -> COUNT;
      case SUM -> SUM;
      case MIN -> MIN;
      case MAX -> MAX;
      default -> null;
    };
  }
}
