package io.shardway.router.plan;

import io.shardway.router.plan.QueryMerge.Condition;
import io.shardway.router.plan.QueryMerge.Grouping;
import io.shardway.router.plan.QueryMerge.Key;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * Decides how a SELECT whose rows come from several shard groups merges exactly ({@link
 * Merge#QUERY}), or refuses it: what each group runs, and the {@link QueryMerge} of their rows.
 *
 * <ul>
 *   <li>ORDER BY: the groups sort as the client asked, a k-way merge keeps the order, and a LIMIT
 *       runs on the groups as {@code LIMIT offset + count}, the offset skipped once by the merge.
 *   <li>Aggregates (COUNT, SUM, MIN, MAX, AVG, and COUNT(DISTINCT) of the shard key) and GROUP BY:
 *       the groups sort by the group keys, with the client's keys first when its ORDER BY is over
 *       them only, and the merge folds each group; an ORDER BY over anything else sorts the folded
 *       rows in memory. HAVING and LIMIT move to the merge (see {@link GroupedMerge}).
 *   <li>COUNT(DISTINCT x) of any other x, as the only aggregate: the groups also group and sort by
 *       x, and the merge keeps each pair of group keys and x once before counting (see {@link
 *       QueryMerge.Grouping}).
 *   <li>DISTINCT: the groups sort by the client's keys and then every other column, and the merge
 *       drops repeated rows. LIMIT moves to the merge: the columns of weights make the groups' own
 *       DISTINCT tell {@code 'a'} from {@code 'a '}, which PAD SPACE finds equal, so a group's
 *       first n rows may hold fewer than n distinct ones.
 * </ul>
 *
 * <p>Every key that may be a string is compared by its collation's weights, which the groups send
 * in added columns (see {@link AddedColumns#stringKey}).
 *
 * <p>The analysis reads the statement without changing it; {@link #rewrite} then makes it the
 * groups' statement. While planning, the text is a statement's digest, whose literals outside
 * LIMIT, ORDER BY and GROUP BY lists read {@code ?}: the decision may then not depend on them, and
 * what depends on them is checked again on the text by {@link ShardRouter#queryMerge}.
 */
final class QueryMergeAnalysis {

  /** The aggregate functions a merge folds when one makes up an item or key whole. */
  private static final Set<String> FOLDING = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG");

  private final PlainSelect select;
  private final Predicate<Expression> isShardKey;
  private final boolean literalsUnknown;
  private final SelectItems items;
  private final AddedColumns added;
  private final MergeKeys keys;
  private final LimitClause limit;

  private List<Key> shardOrder = List.of();
  private List<OrderByElement> shardOrderBy;
  private List<Key> finalOrder = List.of();
  private Grouping grouping;
  private Condition having;
  private Expression shardGroupBy;
  private boolean limitPushedDown;

  /**
   * Analyses {@code select}, the statement's own query block.
   *
   * @param isShardKey whether an expression is the shard key of the only sharded table of the
   *     block, whose every value lives in one shard
   * @param literalsUnknown whether this is planning, where {@code select} may be a statement's
   *     digest: its literals are then not to be relied upon, and a {@code ?} may stand for one
   * @throws Refusal if the rows of several groups cannot be merged exactly
   */
  QueryMergeAnalysis(
      PlainSelect select, Predicate<Expression> isShardKey, boolean literalsUnknown) {
    this.select = select;
    this.isShardKey = isShardKey;
    this.literalsUnknown = literalsUnknown;
    this.items = new SelectItems(select.getSelectItems());
    this.added = new AddedColumns(literalsUnknown);
    this.keys = new MergeKeys(items, added);
    checkClauses();
    this.limit = LimitClause.of(select);
    if (select.getForMode() != null && limit.limits()) {
      throw new Refusal("FOR UPDATE with LIMIT");
    }
    boolean aggregated = checkAggregates();
    if (select.getDistinct() != null) {
      distinct(aggregated);
    } else if (aggregated) {
      grouped();
    } else {
      ordered();
    }
  }

  /**
   * Checks the shape of a statement while planning, where {@code select} may be its digest.
   *
   * @throws Refusal if rows of such statements cannot be merged across groups
   */
  static void checkShape(PlainSelect select, Predicate<Expression> isShardKey) {
    new QueryMergeAnalysis(select, isShardKey, true);
  }

  /** Makes the analysed statement the groups' statement and describes the merge of their rows. */
  QueryMerge rewrite() {
    select.addSelectItems(added.items());
    if (shardOrderBy != null) {
      select.setOrderByElements(shardOrderBy);
    }
    if (grouping != null) {
      select.setHaving(null);
    }
    if (shardGroupBy != null) {
      if (select.getGroupBy() == null) {
        select.setGroupByElement(new GroupByElement());
      }
      select.getGroupBy().addGroupByExpression(shardGroupBy);
    }
    limit.rewrite(select, limitPushedDown);
    return new QueryMerge(
        select.toString(),
        added.size(),
        shardOrder,
        grouping,
        having,
        select.getDistinct() != null,
        finalOrder,
        limit.offset(),
        limit.count());
  }

  private void checkClauses() {
    if (select.getIntoTables() != null || select.getMySqlSelectIntoClause() != null) {
      throw new Refusal("SELECT … INTO");
    }
    if (select.getMySqlSqlCalcFoundRows()) {
      throw new Refusal("SQL_CALC_FOUND_ROWS");
    }
    if (select.getWindowDefinitions() != null) {
      throw new Refusal("window functions");
    }
    if (select.getDistinct() != null
        && (select.getDistinct().getOnSelectItems() != null
            || select.getDistinct().isUseUnique())) {
      throw new Refusal("DISTINCT ON");
    }
    GroupByElement groupBy = select.getGroupBy();
    if (groupBy != null && groupBy.isMysqlWithRollup()) {
      throw new Refusal("WITH ROLLUP");
    }
    if (groupBy != null
        && groupBy.getGroupingSets() != null
        && !groupBy.getGroupingSets().isEmpty()) {
      throw new Refusal("GROUPING SETS");
    }
    for (OrderByElement element : OrderByElements.of(select)) {
      if (element.isMysqlWithRollup()) {
        throw new Refusal("WITH ROLLUP");
      }
      if (element.getNullOrdering() != null) {
        throw new Refusal("NULLS FIRST and NULLS LAST");
      }
      if (element.getWithFill() != null) {
        throw new Refusal("ORDER BY … WITH FILL");
      }
    }
  }

  /**
   * Whether the rows fold into groups: GROUP BY, or an aggregate anywhere.
   *
   * @throws Refusal for an aggregate that does not fold, and for window functions
   */
  private boolean checkAggregates() {
    boolean aggregated = select.getGroupBy() != null;
    for (int i = 0; i < items.size(); i++) {
      aggregated |= !items.isStar(i) && isAggregate(items.expression(i));
    }
    for (OrderByElement element : OrderByElements.of(select)) {
      aggregated |= isAggregate(element.getExpression());
    }
    return aggregated || select.getHaving() != null && AggregateFinder.contains(select.getHaving());
  }

  /**
   * Whether {@code expression} is an aggregate that folds.
   *
   * @throws Refusal if it holds an aggregate that does not, or a window function
   */
  private boolean isAggregate(Expression expression) {
    if (AggregateCall.of(expression, isShardKey) != null) {
      return true;
    }
    String refusal = AggregateFinder.find(expression, FOLDING);
    if (refusal != null) {
      throw new Refusal(refusal);
    }
    return false;
  }

  /** Rows as they are, in the client's order, limited by each group and again by the merge. */
  private void ordered() {
    List<Key> order = new ArrayList<>();
    for (OrderByElement element : OrderByElements.of(select)) {
      if (!OrderByElements.isNull(element)) {
        Expression expression = element.getExpression();
        order.add(keys.key(items.orderItem(expression), expression, !element.isAsc(), "ORDER BY"));
      }
    }
    shardOrder = order;
    limitPushedDown = true;
  }

  private void distinct(boolean aggregated) {
    if (items.hasStar()) {
      throw new Refusal("DISTINCT with *");
    }
    if (aggregated) {
      throw new Refusal("DISTINCT with GROUP BY or aggregate functions");
    }
    List<Key> distinctKeys = new ArrayList<>();
    List<OrderByElement> order = new ArrayList<>(OrderByElements.of(select));
    BitSet keyed = new BitSet();
    for (OrderByElement element : OrderByElements.of(select)) {
      if (OrderByElements.isNull(element)) {
        continue;
      }
      int item = items.orderItem(element.getExpression());
      if (item < 0) {
        throw new Refusal(
            "DISTINCT with ORDER BY "
                + Refusal.named(element.getExpression())
                + ", which it does not select");
      }
      if (!keyed.get(item)) {
        keyed.set(item);
        distinctKeys.add(keys.key(item, null, !element.isAsc(), "DISTINCT"));
      }
    }
    for (int item = keyed.nextClearBit(0);
        item < items.size();
        item = keyed.nextClearBit(item + 1)) {
      distinctKeys.add(keys.key(item, null, false, "DISTINCT"));
      order.add(OrderByElements.of(new LongValue(item + 1), false));
    }
    shardOrder = distinctKeys;
    shardOrderBy = order;
  }

  private void grouped() {
    GroupedMerge groups = new GroupedMerge(select, items, keys, isShardKey, literalsUnknown);
    shardOrder = groups.shardOrder();
    shardOrderBy = groups.shardOrderBy();
    finalOrder = groups.finalOrder();
    grouping = groups.grouping();
    having = groups.having();
    shardGroupBy = groups.shardGroupBy();
  }
}
