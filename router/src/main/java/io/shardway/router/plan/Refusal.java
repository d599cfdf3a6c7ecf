package io.shardway.router.plan;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;

/**
 * Thrown where the analysis, or the binding of a plan, meets what Shardway cannot execute correctly
 * across shard groups; its message becomes the reason of a {@link Route.Refused}. Without a stack
 * trace, since it is an answer, not a failure.
 */
final class Refusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  Refusal(String reason) {
    super(reason, null, false, false);
  }

  /**
   * How a reason names {@code expression}: a column by its name, anything else as "an expression",
   * since a plan made from a statement's digest must give the reason its text would, and the digest
   * has replaced the literals.
   */
  static String named(Expression expression) {
    return expression instanceof Column ? expression.toString() : "an expression";
  }
}
