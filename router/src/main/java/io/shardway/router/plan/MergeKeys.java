package io.shardway.router.plan;

import io.shardway.router.plan.QueryMerge.Column;
import io.shardway.router.plan.QueryMerge.Fold;
import io.shardway.router.plan.QueryMerge.Key;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;

/**
 * The keys a merged SELECT's rows are compared by and the aggregates they fold, each placed in the
 * shards' columns: in the client's column of a select item where its place is known, in a column
 * added for the merge otherwise, with the added columns each needs beside it (the weights of what
 * may be a string, the SUM and COUNT of an AVG).
 */
final class MergeKeys {

  private final SelectItems items;
  private final AddedColumns added;
  private final Map<Column, Fold> folds = new LinkedHashMap<>();
  private Expression countedExpression;
  private Key counted;
  private boolean otherAggregates;

  MergeKeys(SelectItems items, AddedColumns added) {
    this.items = items;
    this.added = added;
  }

  /**
   * The key over item {@code item} of the select list, or for -1 over {@code expression}, which
   * then stands for no item and is added as a column of its own.
   *
   * @param clause where the key comes from, for reasons: {@code ORDER BY}
   * @throws Refusal if the shards cannot evaluate the key's columns
   */
  Key key(int item, Expression expression, boolean descending, String clause) {
    if (item < 0) {
      items.checkNoAlias(expression, clause);
    }
    Expression evaluated = item >= 0 ? items.expression(item) : expression;
    return added.stringKey(column(item, evaluated, clause), evaluated, descending, clause);
  }

  /**
   * The ascending key of the aggregate {@code call}, item {@code item} of the select list or -1 for
   * none, whose folds are registered now: a COUNT or SUM adds up, an AVG divides its added SUM by
   * its added COUNT, a MIN or MAX keeps the least or greatest value with its weights. A {@code
   * COUNT(DISTINCT x)} whose values the merge counts adds the key of x, as {@link #counted}.
   *
   * @throws Refusal if the shards cannot evaluate the aggregate's columns, or if it is a {@code
   *     COUNT(DISTINCT x)} the merge counts beside another aggregate
   */
  Key aggregate(AggregateCall call, int item, String clause) {
    Column value = column(item, call.function(), clause);
    countDistinct(call);
    if (call.kind().isNumber()) {
      Expression argument = call.argument();
      folds.putIfAbsent(
          value,
          switch (call.kind()) {
            case SUM -> new Fold.Sum(value);
            case AVG ->
                new Fold.Avg(
                    value,
                    added.add(new Function("SUM", argument), clause),
                    added.add(new Function("COUNT", argument), clause));
            default -> new Fold.Count(value);
          });
      return new Key(value, null, null, false);
    }
    Key key = added.stringKey(value, call.function(), false, clause);
    for (Column part : List.of(value, key.weight(), key.spaceWeight())) {
      folds.putIfAbsent(
          part,
          call.kind() == AggregateCall.Kind.MIN
              ? new Fold.Min(part, key)
              : new Fold.Max(part, key));
    }
    return key;
  }

  /**
   * The key of x, for the statement's {@code COUNT(DISTINCT x)} whose distinct values the merge
   * counts; null without one.
   */
  Key counted() {
    return counted;
  }

  /** The x of {@link #counted}, which the shards group their rows by; null without one. */
  Expression countedExpression() {
    return countedExpression;
  }

  /**
   * Registers the key of a counted x. The shards then group by x, so another aggregate would be
   * computed over the wrong rows: none is merged beside it, nor a second x.
   */
  private void countDistinct(AggregateCall call) {
    if (call.kind() != AggregateCall.Kind.COUNT_DISTINCT_VALUES) {
      otherAggregates = true;
    } else if (counted == null) {
      if (call.argument() instanceof LongValue) {
        // GROUP BY 1 and ORDER BY 1, which the shards would run, name a column.
        throw new Refusal("COUNT(DISTINCT …) of an integer");
      }
      countedExpression = call.argument();
      counted = key(-1, countedExpression, false, "COUNT(DISTINCT …)");
    } else if (!countedExpression.toString().equals(call.argument().toString())) {
      throw new Refusal("COUNT(DISTINCT …) of two expressions");
    }
    if (counted != null && otherAggregates) {
      throw new Refusal("COUNT(DISTINCT …) with other aggregate functions");
    }
  }

  /** The folds registered, each column's once, in order. */
  List<Fold> folds() {
    return List.copyOf(folds.values());
  }

  private Column column(int item, Expression evaluated, String clause) {
    int column = items.column(item);
    return column >= 0 ? Column.client(column) : added.add(evaluated, clause);
  }
}
