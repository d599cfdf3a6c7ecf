package io.shardway.router.plan;

import java.util.BitSet;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/**
 * Reads what a condition says about the shard keys of one sharded read: {@code key = v}, {@code key
 * IN (v, …)}, {@code key BETWEEN a AND b}, {@code <}, {@code <=}, {@code >}, {@code >=}, the value
 * on either side, combined with AND and OR, where each value is a literal or a {@code ?}. Anything
 * else is {@link KeyFilter#ALL}.
 */
final class KeyConditions {

  private KeyConditions() {}

  /**
   * @param members the indexes, in {@code block}, of the tables of the read
   */
  static KeyFilter filter(QueryBlock block, Expression condition, BitSet members) {
    if (condition instanceof AndExpression and) {
      return KeyFilter.and(
          filter(block, and.getLeftExpression(), members),
          filter(block, and.getRightExpression(), members));
    }
    if (condition instanceof OrExpression or) {
      return KeyFilter.or(
          filter(block, or.getLeftExpression(), members),
          filter(block, or.getRightExpression(), members));
    }
    if (condition instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      return filter(block, list.get(0), members);
    }
    Comparison comparison = new Comparison(block, members);
    if (condition instanceof EqualsTo equals) {
      return comparison.point(equals.getLeftExpression(), equals.getRightExpression());
    }
    if (condition instanceof InExpression in && !in.isNot()) {
      return comparison.in(in.getLeftExpression(), in.getRightExpression());
    }
    if (condition instanceof Between between
        && !between.isNot()
        && !between.isUsingSymmetric()
        && comparison.isKey(between.getLeftExpression())) {
      return comparison.range(
          between.getBetweenExpressionStart(), true, between.getBetweenExpressionEnd(), true);
    }
    if (condition instanceof GreaterThan greater) {
      return comparison.below(greater.getRightExpression(), greater.getLeftExpression(), false);
    }
    if (condition instanceof GreaterThanEquals greater) {
      return comparison.below(greater.getRightExpression(), greater.getLeftExpression(), true);
    }
    if (condition instanceof MinorThan less) {
      return comparison.below(less.getLeftExpression(), less.getRightExpression(), false);
    }
    if (condition instanceof MinorThanEquals less) {
      return comparison.below(less.getLeftExpression(), less.getRightExpression(), true);
    }
    return KeyFilter.ALL;
  }

  /** Comparisons of a key of the read's tables with values. */
  private record Comparison(QueryBlock block, BitSet members) {

    boolean isKey(Expression expression) {
      int table = block.shardKeyOf(expression);
      return table >= 0 && members.get(table);
    }

    /** {@code left = right}, the key on either side. */
    KeyFilter point(Expression left, Expression right) {
      Expression value = isKey(left) ? right : isKey(right) ? left : null;
      KeyValue key = value == null ? null : KeyValues.of(value);
      return key == null ? KeyFilter.ALL : new KeyFilter.Point(key);
    }

    /** {@code left IN (values)}. */
    KeyFilter in(Expression left, Expression values) {
      if (!isKey(left) || !(values instanceof ExpressionList<?> list) || list.isEmpty()) {
        return KeyFilter.ALL;
      }
      KeyFilter filter = null;
      for (Expression element : list) {
        KeyValue key = KeyValues.of(element);
        if (key == null) {
          return KeyFilter.ALL;
        }
        KeyFilter point = new KeyFilter.Point(key);
        filter = filter == null ? point : KeyFilter.or(filter, point);
      }
      return filter;
    }

    /** {@code key BETWEEN lower AND upper}, or one side of it when the other is null. */
    KeyFilter range(
        Expression lower, boolean lowerInclusive, Expression upper, boolean upperInclusive) {
      KeyValue low = lower == null ? null : KeyValues.of(lower);
      KeyValue high = upper == null ? null : KeyValues.of(upper);
      if ((lower != null && low == null) || (upper != null && high == null)) {
        return KeyFilter.ALL;
      }
      return new KeyFilter.Range(low, lowerInclusive, high, upperInclusive);
    }

    /** {@code smaller < larger} (or {@code <=}), the key on either side. */
    KeyFilter below(Expression smaller, Expression larger, boolean inclusive) {
      if (isKey(smaller)) {
        return range(null, false, larger, inclusive);
      }
      return isKey(larger) ? range(smaller, inclusive, null, false) : KeyFilter.ALL;
    }
  }
}
