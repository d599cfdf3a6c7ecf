package io.shardway.router.plan;

import io.shardway.router.plan.QueryMerge.Column;
import io.shardway.router.plan.QueryMerge.Condition;
import io.shardway.router.plan.QueryMerge.Grouping;
import io.shardway.router.plan.QueryMerge.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * The merge of a SELECT whose rows fold: by GROUP BY, or all into one row when aggregates come
 * without it. The groups sort by the group keys, with the client's keys first when its ORDER BY is
 * over group keys only; an ORDER BY over anything else (an aggregate, a column MySQL lets a grouped
 * query select as it is) sorts the folded rows in the merge. HAVING is tested on the folded rows.
 */
final class GroupedMerge {

  /** A GROUP BY key: the item it stands for (or -1), its expression's text, as written, its key. */
  private record GroupKey(int item, String text, Expression written, Key key) {}

  private final PlainSelect select;
  private final SelectItems items;
  private final MergeKeys keys;
  private final Predicate<Expression> isShardKey;
  private final List<GroupKey> groupKeys = new ArrayList<>();
  private final Condition having;
  private List<Key> shardOrder = List.of();
  private List<OrderByElement> shardOrderBy;
  private List<Key> finalOrder = List.of();

  /**
   * @param isShardKey as for {@link QueryMergeAnalysis}
   * @param literalsUnknown as for {@link QueryMergeAnalysis}
   * @throws Refusal if the groups cannot be merged exactly
   */
  GroupedMerge(
      PlainSelect select,
      SelectItems items,
      MergeKeys keys,
      Predicate<Expression> isShardKey,
      boolean literalsUnknown) {
    this.select = select;
    this.items = items;
    this.keys = keys;
    this.isShardKey = isShardKey;
    GroupByElement groupBy = select.getGroupBy();
    if (groupBy != null) {
      for (Expression written : groupBy.getGroupByExpressionList()) {
        int item = items.groupItem(written);
        Expression evaluated = item >= 0 ? items.expression(item) : written;
        Key key = keys.key(item, written, false, "GROUP BY");
        groupKeys.add(new GroupKey(item, evaluated.toString(), written, key));
      }
    }
    foldItems();
    if (!groupKeys.isEmpty()) {
      orderGroups();
    }
    this.having =
        select.getHaving() == null
            ? null
            : HavingConditions.of(select.getHaving(), this::havingOperand, literalsUnknown);
    if (keys.counted() != null) {
      orderByCounted();
    }
  }

  Grouping grouping() {
    return new Grouping(!groupKeys.isEmpty(), keys.folds(), keys.counted());
  }

  /**
   * What the groups' GROUP BY adds after the client's keys: the x of a {@code COUNT(DISTINCT x)}
   * whose values the merge counts; null for nothing.
   */
  Expression shardGroupBy() {
    return keys.countedExpression();
  }

  Condition having() {
    return having;
  }

  /** As {@link QueryMerge#shardOrder}. */
  List<Key> shardOrder() {
    return shardOrder;
  }

  /** The groups' ORDER BY; null to keep the client's, which one row per group makes moot. */
  List<OrderByElement> shardOrderBy() {
    return shardOrderBy;
  }

  /** As {@link QueryMerge#finalOrder}. */
  List<Key> finalOrder() {
    return finalOrder;
  }

  private void foldItems() {
    for (int i = 0; i < items.size(); i++) {
      AggregateCall call =
          items.isStar(i) ? null : AggregateCall.of(items.expression(i), isShardKey);
      if (call != null && items.column(i) < 0) {
        // Its column's place among the client's is unknown, so the merge could not fold it.
        throw new Refusal("aggregate functions after * in the select list");
      }
      if (call != null) {
        keys.aggregate(call, i, "the select list");
      }
    }
  }

  private void orderGroups() {
    List<Key> order = new ArrayList<>();
    List<GroupKey> ordered = new ArrayList<>();
    boolean byGroupKeys = true;
    for (OrderByElement element : OrderByElements.of(select)) {
      if (OrderByElements.isNull(element)) {
        continue;
      }
      Expression expression = element.getExpression();
      boolean descending = !element.isAsc();
      int item = items.orderItem(expression);
      Expression evaluated = item >= 0 ? items.expression(item) : expression;
      GroupKey group = groupKey(item, evaluated);
      if (group != null) {
        ordered.add(group);
        order.add(group.key().withDescending(descending));
        continue;
      }
      byGroupKeys = false;
      AggregateCall call = AggregateCall.of(evaluated, isShardKey);
      order.add(
          call != null
              ? keys.aggregate(call, item, "ORDER BY").withDescending(descending)
              : keys.key(item, expression, descending, "ORDER BY"));
    }
    List<Key> shardKeys = new ArrayList<>(byGroupKeys ? order : List.of());
    List<OrderByElement> shardElements =
        new ArrayList<>(byGroupKeys ? OrderByElements.of(select) : List.of());
    for (GroupKey group : groupKeys) {
      if (!byGroupKeys || !ordered.contains(group)) {
        shardKeys.add(group.key());
        shardElements.add(OrderByElements.of(group.written(), false));
      }
    }
    shardOrder = shardKeys;
    shardOrderBy = shardElements;
    finalOrder = byGroupKeys ? List.of() : order;
  }

  /**
   * Sorts each group's rows by the counted x after the group keys, so that the pairs of the group
   * keys and x that several shards hold are adjacent (see {@link Grouping}). Without GROUP BY the
   * client's ORDER BY, moot over one row, gives way to x.
   */
  private void orderByCounted() {
    List<Key> order = new ArrayList<>(shardOrder);
    order.add(keys.counted());
    List<OrderByElement> elements = new ArrayList<>(groupKeys.isEmpty() ? List.of() : shardOrderBy);
    elements.add(OrderByElements.of(keys.countedExpression(), false));
    shardOrder = order;
    shardOrderBy = elements;
  }

  /**
   * The GROUP BY key that item {@code item} (or -1) of expression {@code evaluated} is, or null.
   */
  private GroupKey groupKey(int item, Expression evaluated) {
    String text = evaluated.toString();
    for (GroupKey group : groupKeys) {
      if (item >= 0 && group.item() == item || group.text().equals(text)) {
        return group;
      }
    }
    return null;
  }

  /**
   * The column of the folded rows that a HAVING operand is: an aggregate, a GROUP BY key (by name
   * first, as MySQL reads HAVING), or an alias of either.
   */
  private Column havingOperand(Expression operand) {
    AggregateCall call = AggregateCall.of(operand, isShardKey);
    if (call != null) {
      return keys.aggregate(call, items.matching(operand), "HAVING").value();
    }
    GroupKey group = groupKey(-1, operand);
    int item = group == null ? items.aliased(operand, "HAVING") : -1;
    if (item >= 0) {
      Expression evaluated = items.expression(item);
      AggregateCall aliased = AggregateCall.of(evaluated, isShardKey);
      if (aliased != null) {
        return keys.aggregate(aliased, item, "HAVING").value();
      }
      group = groupKey(item, evaluated);
    }
    if (group == null) {
      throw new Refusal(
          "HAVING on " + Refusal.named(operand) + ", which is neither an aggregate nor grouped");
    }
    return group.key().value();
  }
}
