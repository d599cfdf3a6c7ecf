package io.shardway.router.merge;

/**
 * Thrown while merging when a shard's rows are not in the order the merge expects: the shard sorted
 * by another collation than the one the merge was built with, or treated as equal long strings that
 * differ after {@code max_sort_length} bytes. Merging on would give a wrong order, or the same
 * group twice, so the statement fails instead.
 */
public final class MergeOrderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int shard;

  /**
   * @param shard the index of the shard's stream among those merged
   */
  MergeOrderException(int shard) {
    super(
        "shard "
            + shard
            + " returned a row that sorts before its previous row: it orders the rows differently"
            + " from the merge",
        null,
        false,
        false);
    this.shard = shard;
  }

  /** The index of the shard whose rows were out of order, among the streams merged. */
  public int shard() {
    return shard;
  }
}
