package io.shardway.router.plan;

import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;

/** Reads and writes the ORDER BY of a SELECT that the merge rewrites for its groups. */
final class OrderByElements {

  private OrderByElements() {}

  /** The ORDER BY of {@code select}; empty for none. */
  static List<OrderByElement> of(PlainSelect select) {
    List<OrderByElement> elements = select.getOrderByElements();
    return elements == null ? List.of() : elements;
  }

  /** {@code ORDER BY NULL}, which orders nothing: MySQL's way to skip the sort of a GROUP BY. */
  static boolean isNull(OrderByElement element) {
    return element.getExpression() instanceof NullValue;
  }

  /** A new element: {@code expression} or {@code expression DESC}. */
  static OrderByElement of(Expression expression, boolean descending) {
    OrderByElement element = new OrderByElement();
    element.setExpression(expression);
    element.setAsc(!descending);
    return element;
  }
}
