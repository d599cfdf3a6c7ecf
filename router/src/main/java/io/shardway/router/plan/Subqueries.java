package io.shardway.router.plan;

import java.util.function.Consumer;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Finds the SELECTs inside an expression, without looking into them: each is a query block of its
 * own, which the caller analyses.
 */
final class Subqueries extends ExpressionVisitorAdapter<Void> {

  private final Consumer<Select> found;

  private Subqueries(Consumer<Select> found) {
    this.found = found;
  }

  /** Hands each SELECT in {@code expression} (which may be null) to {@code found}. */
  static void find(Expression expression, Consumer<Select> found) {
    if (expression != null) {
      expression.accept(new Subqueries(found), null);
    }
  }

  @Override
  public <S> Void visit(Select select, S context) {
    found.accept(select);
    return null;
  }

  /** {@code x = ANY (SELECT …)}, which the adapter does not descend into. */
  @Override
  public <S> Void visit(AnyComparisonExpression expression, S context) {
    found.accept(expression.getSelect());
    return null;
  }
}
