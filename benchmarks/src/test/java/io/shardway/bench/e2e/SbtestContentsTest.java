package io.shardway.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SbtestContentsTest {
  private static final int ROWS = 2_000;

  @Test
  void countsTheGeneratedRowsWithKInARange() {
    List<Integer> ks = new ArrayList<>();
    SbtestTable.rows(ROWS).forEach(row -> ks.add(row.k()));
    SbtestContents contents = SbtestContents.of(ROWS);

    int[][] ranges = {{1, 100}, {57, 156}, {1_950, 2_049}, {2_001, 2_100}, {-5, 3}, {7, 7}};
    for (int[] range : ranges) {
      long expected = ks.stream().filter(k -> k >= range[0] && k <= range[1]).count();
      assertEquals(
          expected,
          contents.countWithKBetween(range[0], range[1]),
          "k from " + range[0] + " to " + range[1]);
    }
    assertEquals(ROWS, contents.countWithKBetween(1, ROWS));
  }

  @Test
  void everyCallGeneratesTheSameRows() {
    List<SbtestTable.Row> first = new ArrayList<>();
    SbtestTable.rows(50).forEach(first::add);
    List<SbtestTable.Row> second = new ArrayList<>();
    SbtestTable.rows(50).forEach(second::add);
    assertEquals(first, second);
    assertEquals(50, first.get(49).id());
  }
}
