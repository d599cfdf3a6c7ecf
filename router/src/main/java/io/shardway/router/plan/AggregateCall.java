package io.shardway.router.plan;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.select.AllColumns;

/**
 * A call of an aggregate function whose values over each shard fold into its value over all shards:
 * {@code COUNT(*)}, or COUNT, SUM, MIN, MAX or AVG of one expression without aggregate or window
 * functions, written with nothing else (no DISTINCT, ORDER BY, IGNORE NULLS, …); and {@code
 * COUNT(DISTINCT key)} of a shard key whose every value lives in one shard, so that the shards'
 * distinct counts add up; and {@code COUNT(DISTINCT x)} of any other one expression, whose distinct
 * values the shards send for the merge to count once each (see {@link QueryMerge.Grouping}).
 *
 * @param function the call, as the statement writes it
 */
record AggregateCall(Kind kind, Function function) {

  enum Kind {
    COUNT,
    COUNT_DISTINCT,
    /** {@code COUNT(DISTINCT x)} of an x whose values may live in several shards. */
    COUNT_DISTINCT_VALUES,
    SUM,
    MIN,
    MAX,
    AVG;

    /** Whether the aggregate's value is a number whatever its argument, never a string. */
    boolean isNumber() {
      return this != MIN && this != MAX;
    }
  }

  private static final Map<String, Kind> KINDS =
      Map.of(
          "COUNT", Kind.COUNT,
          "SUM", Kind.SUM,
          "MIN", Kind.MIN,
          "MAX", Kind.MAX,
          "AVG", Kind.AVG);

  /** The expression aggregated; {@code *} for {@code COUNT(*)}. */
  Expression argument() {
    return function.getParameters().get(0);
  }

  /**
   * The call {@code expression} is, or null when it is no such call.
   *
   * @param isShardKey whether an expression is a shard key column whose values each live in one
   *     shard of the statement's rows
   */
  static AggregateCall of(Expression expression, Predicate<Expression> isShardKey) {
    if (!(expression instanceof Function function)
        || function.getParameters() == null
        || function.getParameters().size() != 1) {
      return null;
    }
    Kind kind = KINDS.get(function.getName().toUpperCase(Locale.ROOT));
    Expression argument = function.getParameters().get(0);
    if (kind == null
        || argument instanceof AllColumns && kind != Kind.COUNT
        || AggregateFinder.contains(argument)) {
      return null;
    }
    // Any other part of the call (ORDER BY, KEEP, an attribute, …) shows in its text.
    String distinct = function.isDistinct() ? "DISTINCT " : "";
    if (!function.toString().equals(function.getName() + "(" + distinct + argument + ")")) {
      return null;
    }
    if (function.isDistinct()) {
      if (kind != Kind.COUNT) {
        return null;
      }
      return new AggregateCall(
          isShardKey.test(argument) ? Kind.COUNT_DISTINCT : Kind.COUNT_DISTINCT_VALUES, function);
    }
    return new AggregateCall(kind, function);
  }
}
