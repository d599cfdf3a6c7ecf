package io.shardway.router.merge;

import java.io.IOException;
import java.util.List;

/**
 * Rows pulled one at a time: a shard's rows as they arrive from its backend connection, or the
 * output of a merge operator. Pulling, rather than pushing, lets an operator read from the one
 * shard it needs next while the others wait on their connections, and stop reading when it has
 * enough.
 */
@FunctionalInterface
public interface RowStream {

  /**
   * Returns the next row, or null after the last; after null, it keeps returning null.
   *
   * @throws IOException if reading a shard's rows fails
   */
  MergeRow next() throws IOException;

  /**
   * The rows of {@code streams}, one stream after another: for merges that need no order, such as
   * an aggregate without GROUP BY, whose shards may then be read one at a time.
   */
  static RowStream concat(List<RowStream> streams) {
    List<RowStream> parts = List.copyOf(streams);
    return new RowStream() {
      private int current;

      @Override
      public MergeRow next() throws IOException {
        while (current < parts.size()) {
          MergeRow row = parts.get(current).next();
          if (row != null) {
            return row;
          }
          current++;
        }
        return null;
      }
    };
  }
}
