package io.shardway.router.plan;

import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Walks the query blocks of one statement, the statement's own and every nested one (subqueries,
 * derived tables, common table expressions, UNION parts), and records their tables and sharded
 * reads in a {@link Footprint}.
 */
final class SelectAnalysis {

  private final Footprint footprint;
  private final String sessionBlocker;
  private SelectMerge merge = SelectMerge.CONCATENATE;

  /**
   * @param sessionBlocker what in the statement ties it to one backend connection (see {@link
   *     SessionFeatures#spreadBlocker}), or null
   */
  SelectAnalysis(Footprint footprint, String sessionBlocker) {
    this.footprint = footprint;
    this.sessionBlocker = sessionBlocker;
  }

  Footprint footprint() {
    return footprint;
  }

  /**
   * How the rows of the statement's own SELECT merge across groups, once {@link #select} has walked
   * it: concatenated when it is no plain SELECT (a UNION, whose parts cannot spread).
   */
  SelectMerge merge() {
    return merge;
  }

  /** Walks {@code select}, whose own block has {@code role}. */
  void select(Select select, Role role) {
    withItems(select.getWithItemsList());
    if (select instanceof PlainSelect plain) {
      plain(plain, role);
    } else if (select instanceof SetOperationList union) {
      for (Select part : union.getSelects()) {
        nested(part, "a UNION");
      }
    } else if (select instanceof ParenthesedSelect parenthesed) {
      select(parenthesed.getSelect(), role.main() ? Role.nested("a SELECT in parentheses") : role);
    } else if (select instanceof Values values) {
      subqueries(values.getExpressions());
    } else {
      throw new Refusal("the query " + select + " in a statement that uses sharded tables");
    }
    orderBy(select.getOrderByElements());
  }

  /** Walks a nested SELECT; {@code what} names it in reasons: {@code a subquery}. */
  void nested(Select select, String what) {
    select(select, Role.nested(what));
  }

  /** Walks the subqueries of {@code expression}, which may be null. */
  void subqueries(Expression expression) {
    Subqueries.find(expression, select -> nested(select, "a subquery"));
  }

  /** Walks a FROM, its joins (null for none) and a WHERE, each of which may be null. */
  QueryBlock block(FromItem from, List<Join> joins, Expression where) {
    return new QueryBlock(this, from, joins == null ? List.of() : joins, where);
  }

  /** Records the sharded reads of {@code block}, whose role is {@code role}. */
  void read(QueryBlock block, Role role) {
    Role effective = role.main() ? role.blockedBy(sessionBlocker) : role;
    block.reads(effective).forEach(footprint::read);
  }

  /**
   * Walks the common table expressions of a WITH (null for none): their names first, since any of
   * them may use any.
   */
  void withItems(List<WithItem<?>> items) {
    if (items == null) {
      return;
    }
    for (WithItem<?> item : items) {
      footprint.commonTableExpression(item.getAliasName());
    }
    for (WithItem<?> item : items) {
      if (item.getSelect() == null) {
        throw new Refusal("the WITH item " + item + " in a statement that uses sharded tables");
      }
      nested(item.getSelect(), "a common table expression");
    }
  }

  private void plain(PlainSelect select, Role role) {
    QueryBlock block = block(select.getFromItem(), select.getJoins(), select.getWhere());
    for (SelectItem<?> item : select.getSelectItems()) {
      subqueries(item.getExpression());
    }
    if (select.getGroupBy() != null) {
      subqueries(select.getGroupBy().getGroupByExpressionList());
    }
    subqueries(select.getHaving());
    if (role.main()) {
      merge = SelectMerge.of(select, block::isOnlyShardKey);
    }
    read(block, role.main() ? role.blockedBy(merge.blocker()) : role);
  }

  private void orderBy(List<OrderByElement> elements) {
    if (elements != null) {
      for (OrderByElement element : elements) {
        subqueries(element.getExpression());
      }
    }
  }
}
