package io.shardway.router.merge;

/**
 * Thrown where Shardway cannot merge a result exactly as one server would have produced it: the
 * client gets error 1235 (ER_NOT_SUPPORTED_YET) instead. Mostly while a merge is being built,
 * before any row is read; but some limits show only in the rows, and then it comes from the merge:
 * a {@link SortBuffer} past its bound, a collation that {@link WeightOrder} cannot follow. Without
 * a stack trace, since it is an answer, not a failure.
 */
public final class UnsupportedMergeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param reason a phrase that completes "This version of Shardway doesn't yet support ", such as
   *     {@code ordering rows of several shard groups by the ENUM column status}
   */
  public UnsupportedMergeException(String reason) {
    super(reason, null, false, false);
  }
}
