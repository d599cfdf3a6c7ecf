package io.shardway.router.plan;

import io.shardway.router.merge.Having.Comparison;
import io.shardway.router.plan.QueryMerge.Column;
import io.shardway.router.plan.QueryMerge.Condition;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/**
 * Reads the HAVING clause of a grouped SELECT as a condition the merge tests on the folded rows:
 * comparisons ({@code =}, {@code <>}, {@code <}, {@code <=}, {@code >}, {@code >=}) of an
 * aggregate, a group key or a select alias with a number written in the text, joined by AND and OR,
 * as in {@code HAVING COUNT(*) > 1 AND SUM(amount) >= 100.50}. Any other condition is refused.
 *
 * <p>The number must be an exact literal: a {@code ?} placeholder's value is not in the text, a
 * string compares otherwise, and {@code 1e3} is a DOUBLE that MySQL compares as one. While planning
 * a statement's shape, where the digest has replaced the literals with {@code ?}, any literal
 * passes.
 */
final class HavingConditions {

  private static final String UNSUPPORTED =
      "HAVING conditions other than comparisons with a number joined by AND and OR";

  private final Function<Expression, Column> operands;
  private final boolean literalsUnknown;

  private HavingConditions(Function<Expression, Column> operands, boolean literalsUnknown) {
    this.operands = operands;
    this.literalsUnknown = literalsUnknown;
  }

  /**
   * @param operands the column of the folded rows that an operand is, refusing what it cannot place
   * @param literalsUnknown whether the text is a digest, whose literals read {@code ?}
   * @throws Refusal if the merge cannot test the condition
   */
  static Condition of(
      Expression having, Function<Expression, Column> operands, boolean literalsUnknown) {
    return new HavingConditions(operands, literalsUnknown).condition(having);
  }

  private Condition condition(Expression expression) {
    if (expression instanceof AndExpression and) {
      return new Condition.All(
          List.of(condition(and.getLeftExpression()), condition(and.getRightExpression())));
    }
    if (expression instanceof OrExpression or) {
      return new Condition.Any(
          List.of(condition(or.getLeftExpression()), condition(or.getRightExpression())));
    }
    if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      return condition(list.get(0));
    }
    Comparison comparison = comparison(expression);
    if (comparison == null) {
      throw new Refusal(UNSUPPORTED);
    }
    ComparisonOperator compared = (ComparisonOperator) expression;
    Expression left = compared.getLeftExpression();
    Expression right = compared.getRightExpression();
    if (isLiteral(right)) {
      return new Condition.Compare(operands.apply(left), comparison, number(right));
    }
    if (isLiteral(left)) {
      return new Condition.Compare(operands.apply(right), reversed(comparison), number(left));
    }
    throw new Refusal(UNSUPPORTED);
  }

  private static Comparison comparison(Expression expression) {
    if (expression instanceof EqualsTo) {
      return Comparison.EQUAL;
    } else if (expression instanceof NotEqualsTo) {
      return Comparison.NOT_EQUAL;
    } else if (expression instanceof MinorThan) {
      return Comparison.LESS;
    } else if (expression instanceof MinorThanEquals) {
      return Comparison.LESS_OR_EQUAL;
    } else if (expression instanceof GreaterThan) {
      return Comparison.GREATER;
    } else if (expression instanceof GreaterThanEquals) {
      return Comparison.GREATER_OR_EQUAL;
    }
    return null;
  }

  /** The comparison that holds for {@code b ? a} where this one holds for {@code a ? b}. */
  private static Comparison reversed(Comparison comparison) {
    return switch (comparison) {
      case LESS -> Comparison.GREATER;
      case LESS_OR_EQUAL -> Comparison.GREATER_OR_EQUAL;
      case GREATER -> Comparison.LESS;
      case GREATER_OR_EQUAL -> Comparison.LESS_OR_EQUAL;
      default -> comparison;
    };
  }

  private static boolean isLiteral(Expression expression) {
    Expression value =
        expression instanceof SignedExpression signed ? signed.getExpression() : expression;
    return value instanceof LongValue
        || value instanceof DoubleValue
        || value instanceof JdbcParameter
        || value instanceof StringValue
        || value instanceof HexValue
        || value instanceof NullValue
        || value instanceof DateTimeLiteralExpression;
  }

  /** The exact number of a literal; any while the literals are unknown. */
  private BigDecimal number(Expression literal) {
    if (literalsUnknown) {
      return BigDecimal.ZERO;
    }
    boolean negative = literal instanceof SignedExpression signed && signed.getSign() == '-';
    Expression value =
        literal instanceof SignedExpression signed ? signed.getExpression() : literal;
    if (value instanceof JdbcParameter) {
      throw new Refusal("HAVING with a ? placeholder");
    }
    String text = value.toString();
    boolean exact =
        value instanceof LongValue
            || value instanceof DoubleValue && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    if (!exact) {
      throw new Refusal("HAVING comparing with " + literal);
    }
    BigDecimal number = new BigDecimal(text);
    return negative ? number.negate() : number;
  }
}
