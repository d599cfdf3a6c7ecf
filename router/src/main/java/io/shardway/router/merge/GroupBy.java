package io.shardway.router.merge;

import java.io.IOException;

/**
 * GROUP BY over a stream sorted by the group key (a {@link MergeSort} of shards that grouped and
 * sorted their rows by it): a group's rows from every shard are then adjacent, so each run of rows
 * with equal keys folds into one row. Holds one group's partial aggregates and the first row of the
 * next group; the groups come out in key order.
 *
 * <p>A group's key is the same by {@code key}'s comparisons, so under a case-insensitive collation
 * {@code 'a'} and {@code 'A'} are one group, shown as whichever the group's first row holds; NULL
 * keys form one group, as in MySQL.
 */
public final class GroupBy implements RowStream {

  private final RowStream source;
  private final RowOrder key;
  private final Aggregation aggregation;
  private boolean started;
  private MergeRow ahead;

  /**
   * @param source rows sorted by {@code key}, each one shard's partial aggregates of one group
   * @param key the GROUP BY columns, in the order the shards sorted them by
   */
  public GroupBy(RowStream source, RowOrder key, Aggregation aggregation) {
    this.source = source;
    this.key = key;
    this.aggregation = aggregation;
  }

  @Override
  public MergeRow next() throws IOException {
    if (!started) {
      started = true;
      ahead = source.next();
    }
    if (ahead == null) {
      return null;
    }
    MergeRow first = ahead;
    Aggregation.Group group = aggregation.start();
    MergeRow row = first;
    do {
      group.add(row);
      row = source.next();
    } while (row != null && key.compare(row, first) == 0);
    ahead = row;
    return group.finish();
  }
}
