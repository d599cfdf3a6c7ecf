package io.shardway.router.plan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shardway.router.digest.StatementDigest;
import io.shardway.router.plan.Route.Refused;
import java.util.Objects;

/**
 * Plans statement texts through their {@link StatementDigest}: the text of a statement's shape is
 * parsed and analysed once, and its plan, kept in a bounded cache, serves every text of that shape,
 * bound to each text's literals. A text statement then costs one lexer pass and a lookup instead of
 * a parse; a prepared statement keeps the plan that {@link #plan} returns.
 *
 * <p>A plan from here routes every execution as {@link ShardRouter#plan} on the text itself would,
 * refusals included: where the shape's plan refuses before any binding, the text is planned itself,
 * since the refusal may come from a literal that the digest replaced (where JSqlParser accepts only
 * a literal) and its reason may quote the statement. Refused statements are errors, so they may pay
 * for a parse.
 *
 * <p>Thread-safe.
 */
public final class PlanCache {

  private final ShardRouter router;
  private final Cache<String, RoutePlan> shapes;

  /**
   * @param maximumSize the number of statement shapes whose plans are kept
   */
  public PlanCache(ShardRouter router, long maximumSize) {
    this.router = Objects.requireNonNull(router, "router");
    this.shapes = Caffeine.newBuilder().maximumSize(maximumSize).build();
  }

  /**
   * The plan of {@code sql}, to be bound to the values of its own {@code ?} placeholders: none for
   * a text statement.
   *
   * @param sql one statement, in the session's default schema
   */
  public RoutePlan plan(String sql) {
    StatementDigest digest = StatementDigest.of(sql);
    RoutePlan shape = shapes.get(digest.text(), router::plan);
    if (!digest.hasLiterals()) {
      return shape; // its ? are the statement's own, in order
    }
    boolean refused = shape instanceof FixedPlan fixed && fixed.route() instanceof Refused;
    return refused ? router.plan(sql) : new DigestPlan(shape, digest);
  }
}
