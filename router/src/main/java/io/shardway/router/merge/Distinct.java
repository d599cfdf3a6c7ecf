package io.shardway.router.merge;

import java.io.IOException;

/**
 * SELECT DISTINCT over a stream sorted by every selected column (a {@link MergeSort} of shards that
 * ran the DISTINCT with an ORDER BY of all its columns): equal rows are then adjacent, so dropping
 * each row equal to the one before removes the duplicates across shards, holding only that row.
 * Equal means equal by {@code columns}, so {@code 'a'} and {@code 'A'} are one row under a
 * case-insensitive collation, the first one read standing for both, as one server would pick one.
 */
public final class Distinct implements RowStream {

  private final RowStream source;
  private final RowOrder columns;
  private MergeRow previous;

  /**
   * @param source rows sorted by {@code columns}
   * @param columns every column of the result, in the order the shards sorted them by
   */
  public Distinct(RowStream source, RowOrder columns) {
    this.source = source;
    this.columns = columns;
  }

  @Override
  public MergeRow next() throws IOException {
    for (MergeRow row = source.next(); row != null; row = source.next()) {
      if (previous == null || columns.compare(row, previous) != 0) {
        previous = row;
        return row;
      }
    }
    return null;
  }
}
