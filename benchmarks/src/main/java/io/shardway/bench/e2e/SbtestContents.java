package io.shardway.bench.e2e;

import java.util.SplittableRandom;

/**
 * What {@code sbtest1} holds, worked out from the generated rows rather than read from a server:
 * the load draws its ids and ranges from it and checks every answer against it, so each target is
 * checked against the same truth. The counts by {@code k} hold while nothing changes {@code k}, so
 * the harness never runs the {@link Workload#RANGE_COUNT range count} with writes.
 */
final class SbtestContents {
  private final int rows;

  /** {@code rowsWithKAtMost[v]}: how many rows have {@code k <= v}, for v from 0 to rows. */
  private final int[] rowsWithKAtMost;

  private SbtestContents(int rows, int[] rowsWithKAtMost) {
    this.rows = rows;
    this.rowsWithKAtMost = rowsWithKAtMost;
  }

  /** The contents of the first {@code rows} rows of {@link SbtestTable#rows}. */
  static SbtestContents of(int rows) {
    int[] atMost = new int[rows + 1];
    for (SbtestTable.Row row : SbtestTable.rows(rows)) {
      atMost[row.k()]++;
    }
    for (int k = 1; k <= rows; k++) {
      atMost[k] += atMost[k - 1];
    }
    return new SbtestContents(rows, atMost);
  }

  int rows() {
    return rows;
  }

  /** An id from 1 to {@link #rows}, uniformly. */
  int randomId(SplittableRandom random) {
    return random.nextInt(rows) + 1;
  }

  /** How many rows have {@code k} from {@code low} to {@code high}, both included. */
  long countWithKBetween(int low, int high) {
    int from = Math.max(low, 1);
    int to = Math.min(high, rows);
    return from > to ? 0 : rowsWithKAtMost[to] - rowsWithKAtMost[from - 1];
  }
}
