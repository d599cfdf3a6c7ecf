package io.shardway.router.merge;

import java.io.IOException;

/**
 * LIMIT {@code offset}, {@code count} over a merged stream. Each shard must have been asked for
 * {@code LIMIT offset + count} rows, without an offset: any of the first offset + count rows of the
 * whole result is among the first offset + count of its own shard. The offset is applied here,
 * once. Holds no row; after the last row it reads no more, so the shards' remaining rows are left
 * for the caller to drain or discard.
 */
public final class Limit implements RowStream {

  private final RowStream source;
  private long toSkip;
  private long remaining;

  /**
   * @param offset the rows to skip, at least 0
   * @param count the rows to return after them, at least 0 ({@link Long#MAX_VALUE} for MySQL's "all
   *     the rest", 18446744073709551615)
   */
  public Limit(RowStream source, long offset, long count) {
    if (offset < 0 || count < 0) {
      throw new IllegalArgumentException(
          "offset " + offset + ", count " + count + " (expected: 0 or more)");
    }
    this.source = source;
    this.toSkip = offset;
    this.remaining = count;
  }

  /**
   * The rows each shard must return for {@code LIMIT offset, count}: their sum, at most {@link
   * Long#MAX_VALUE}, which stands for all.
   */
  public static long rowsNeeded(long offset, long count) {
    return count > Long.MAX_VALUE - offset ? Long.MAX_VALUE : offset + count;
  }

  @Override
  public MergeRow next() throws IOException {
    while (toSkip > 0 && remaining > 0) {
      if (source.next() == null) {
        toSkip = 0;
        remaining = 0;
      } else {
        toSkip--;
      }
    }
    if (remaining == 0) {
      return null;
    }
    MergeRow row = source.next();
    remaining = row == null ? 0 : remaining - 1;
    return row;
  }
}
