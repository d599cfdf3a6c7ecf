package io.shardway.router.merge;

import java.io.IOException;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Sorts a stream in memory: ORDER BY over what only the merge knows, such as an aggregate over all
 * shards ({@code GROUP BY region ORDER BY SUM(amount) DESC}), whose value exists only once {@link
 * GroupBy} has folded every shard's part of the group. Reads its whole source on the first call.
 *
 * <p>The sort is stable: rows that compare equal keep their order in the source (for groups, the
 * order of their keys), as one server's answer would hold them in some order too.
 *
 * <p>Its memory is bounded twice. With a LIMIT only the first {@code offset + count} rows can reach
 * the client, so only that many are kept: each row beyond them pushes out the greatest, the last of
 * equals first. And whatever it keeps may not pass the caller's {@code maxRows}: one row more fails
 * the statement with an {@link UnsupportedMergeException} rather than the proxy's memory.
 */
public final class SortBuffer implements RowStream {

  private final RowStream source;
  private final Comparator<MergeRow> order;
  private final long keep;
  private final int maxRows;
  private MergeRow[] sorted;
  private int next;

  private SortBuffer(RowStream source, Comparator<MergeRow> order, long keep, int maxRows) {
    if (keep < 0 || maxRows < 0) {
      throw new IllegalArgumentException(
          "keep " + keep + ", maxRows " + maxRows + " (expected: 0 or more)");
    }
    this.source = source;
    this.order = order;
    this.keep = keep;
    this.maxRows = maxRows;
  }

  /** All the rows of {@code source}, in {@code order}: at most {@code maxRows} of them. */
  public static SortBuffer all(RowStream source, Comparator<MergeRow> order, int maxRows) {
    return new SortBuffer(source, order, Long.MAX_VALUE, maxRows);
  }

  /**
   * The first {@code keep} rows of {@code source} in {@code order}, for a LIMIT whose offset and
   * count add up to {@code keep}; fails only if more than {@code maxRows} must be kept.
   */
  public static SortBuffer top(
      RowStream source, Comparator<MergeRow> order, long keep, int maxRows) {
    return new SortBuffer(source, order, keep, maxRows);
  }

  @Override
  public MergeRow next() throws IOException {
    if (sorted == null) {
      sorted = sort();
    }
    return next < sorted.length ? sorted[next++] : null;
  }

  private MergeRow[] sort() throws IOException {
    if (keep == 0) {
      return new MergeRow[0];
    }
    // The greatest row on top, so that it is the one pushed out; of equals, the later one.
    Comparator<Arrival> ascending =
        Comparator.<Arrival, MergeRow>comparing(Arrival::row, order)
            .thenComparingLong(Arrival::sequence);
    PriorityQueue<Arrival> kept = new PriorityQueue<>(ascending.reversed());
    long sequence = 0;
    for (MergeRow row = source.next(); row != null; row = source.next()) {
      kept.add(new Arrival(row, sequence++));
      if (kept.size() > keep) {
        kept.poll();
      } else if (kept.size() > maxRows) {
        throw new UnsupportedMergeException(
            "ORDER BY over more than "
                + maxRows
                + " groups in the merge of a SELECT across shard groups");
      }
    }
    MergeRow[] rows = new MergeRow[kept.size()];
    for (int i = rows.length - 1; i >= 0; i--) {
      rows[i] = kept.poll().row();
    }
    return rows;
  }

  /** A row and its place in the source, which breaks ties so that the sort is stable. */
  private record Arrival(MergeRow row, long sequence) {}
}
