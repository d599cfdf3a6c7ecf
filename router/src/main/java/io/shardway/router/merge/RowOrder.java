package io.shardway.router.merge;

import java.util.Comparator;
import java.util.List;

/**
 * The order of rows by several keys, the first that differs deciding, as {@code ORDER BY a, b DESC}
 * does. Rows equal by every key compare 0: ties, in any order for ORDER BY, one group for GROUP BY,
 * one row for DISTINCT.
 */
public record RowOrder(List<SortKey> keys) implements Comparator<MergeRow> {

  public RowOrder {
    keys = List.copyOf(keys);
  }

  @Override
  public int compare(MergeRow left, MergeRow right) {
    for (SortKey key : keys) {
      int order = key.values().compare(left, right);
      if (order != 0) {
        return key.descending() ? -order : order;
      }
    }
    return 0;
  }
}
