package io.shardway.router.plan;

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
}
