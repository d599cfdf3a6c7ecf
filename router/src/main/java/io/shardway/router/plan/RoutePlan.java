package io.shardway.router.plan;

import io.shardway.router.shard.ShardKey;
import java.util.List;

/**
 * The analysis of one statement text, made once by {@link ShardRouter#plan}, or from the plan of
 * the text's shape by {@link PlanCache#plan}, and bound to the parameter values of each execution
 * without parsing again. Immutable and safe to share between threads, so a prepared statement can
 * keep its plan.
 */
public sealed interface RoutePlan permits DigestPlan, FixedPlan, KeyedPlan, KeyGeneratingPlan {

  /** The number of {@code ?} placeholders in the text: the number of values {@link #bind} takes. */
  int parameterCount();

  /**
   * Resolves the plan for one execution.
   *
   * @param params the bound parameter values in {@code ?} order, each as a key ({@link
   *     ShardKey#of}, {@link ShardKey#ofLong}) or null for SQL NULL; empty for a text statement
   * @throws IllegalArgumentException if there are not {@link #parameterCount()} values
   */
  Route bind(List<ShardKey> params);
}
