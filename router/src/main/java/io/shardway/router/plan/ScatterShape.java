package io.shardway.router.plan;

import java.math.BigInteger;
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
 * SQL_CALC_FOUND_ROWS}). A SELECT without any of it, or with the LIMIT below, is concatenated by
 * the proxy itself; any other goes to {@link QueryMergeAnalysis}, which merges it with the
 * operators of a {@link QueryMerge} or says why it cannot (see {@link SelectMerge}).
 *
 * <p>One kind of LIMIT is merged: a SELECT merged by concatenation that ends with {@code LIMIT n},
 * n a number, and has no ORDER BY may return any n rows, so the rows of the groups one after
 * another stop after n (see {@link Route.Scatter#rowLimit}).
 *
 * <p>A select list made only of {@code COUNT(*)}, {@code COUNT(expr)}, {@code SUM(expr)}, {@code
 * MIN(expr)} and {@code MAX(expr)}, without DISTINCT, is no blocker here, but its rows fold rather
 * than concatenate: {@link QueryMergeAnalysis} merges it (see {@link #onlyAggregates}).
 */
final class ScatterShape {

  /** The names of the aggregate functions whose values over each shard fold into one value. */
  private static final Set<String> FOLDED = Set.of("COUNT", "SUM", "MIN", "MAX");

  private ScatterShape() {}

  /**
   * What in {@code select} forbids merging by concatenation or, when its select list is only
   * aggregates that fold (see {@link #onlyAggregates}), by a plain fold of one row per shard; null
   * when nothing does.
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
    if (limited && (rowLimit(select) < 0 || onlyAggregates(select))) {
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
   * Whether the statement's own query block is a SELECT whose every item is an aggregate that
   * folds.
   */
  static boolean onlyAggregates(Select select) {
    return select instanceof PlainSelect plain
        && plain.getSelectItems().stream().allMatch(item -> folds(item.getExpression()));
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
      if (folds(expression)) {
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
   * Whether {@code expression} is an aggregate that folds: {@code COUNT(*)}, or COUNT, SUM, MIN or
   * MAX of one expression that holds no aggregate or window function, and nothing else (no
   * DISTINCT, ORDER BY, IGNORE NULLS, …).
   */
  private static boolean folds(Expression expression) {
    AggregateCall call = AggregateCall.of(expression, key -> false);
    return call != null
        && switch (call.kind()) {
          case COUNT, SUM, MIN, MAX -> true;
          default -> false;
        };
  }
}
