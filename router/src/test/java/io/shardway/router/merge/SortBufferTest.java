package io.shardway.router.merge;

import static io.shardway.router.merge.Rows.column;
import static io.shardway.router.merge.Rows.drain;
import static io.shardway.router.merge.Rows.shard;
import static io.shardway.router.merge.Rows.textRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.protocol.ColumnType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rows {@code (n, tag)} sorted in memory by n descending; the tag shows which of equals is which.
 */
class SortBufferTest {

  private static final ResultColumns COLUMNS =
      Rows.text(column("n", ColumnType.LONGLONG), Rows.string("tag", Rows.UTF8MB4, false));

  private static final RowOrder BY_N_DESCENDING =
      new RowOrder(List.of(new SortKey(ValueComparator.of(COLUMNS, 0, null), true)));

  private static Rows.Shard source(String... rows) {
    List<MergeRow> list = new ArrayList<>();
    for (String row : rows) {
      list.add(textRow(COLUMNS, row.split("\\|")));
    }
    return shard(list);
  }

  @Test
  void sortsEveryRowStably() throws IOException {
    Rows.Shard source = source("1|a", "3|b", "2|c", "3|d", "1|e");

    assertEquals(
        List.of("3|b", "3|d", "2|c", "1|a", "1|e"),
        drain(SortBuffer.all(source, BY_N_DESCENDING, 5)));
  }

  @Test
  void readsNothingUntilTheFirstRowIsPulled() throws IOException {
    Rows.Shard source = source("1|a", "2|b");
    SortBuffer sorted = SortBuffer.all(source, BY_N_DESCENDING, 5);

    assertEquals(0, source.read());
    assertEquals("2|b", Rows.text(sorted.next()));
    assertEquals(2, source.read());
  }

  @Test
  void refusesMoreRowsThanItsBound() {
    SortBuffer sorted = SortBuffer.all(source("1|a", "2|b", "3|c", "4|d"), BY_N_DESCENDING, 3);

    UnsupportedMergeException refused = assertThrows(UnsupportedMergeException.class, sorted::next);
    assertTrue(refused.getMessage().contains("more than 3 groups"), refused.getMessage());
  }

  @Test
  void topKeepsOnlyTheRowsALimitCanReach() throws IOException {
    // Ten rows through a bound of 3: only the first three are ever held.
    Rows.Shard source =
        source("5|a", "9|b", "1|c", "9|d", "7|e", "3|f", "9|g", "8|h", "2|i", "6|j");

    assertEquals(
        List.of("9|b", "9|d", "9|g"), drain(SortBuffer.top(source, BY_N_DESCENDING, 3, 3)));
  }

  @Test
  void topPushesOutTheLastOfEqualRows() throws IOException {
    assertEquals(
        List.of("2|a", "1|b"),
        drain(SortBuffer.top(source("2|a", "1|b", "1|c", "1|d"), BY_N_DESCENDING, 2, 2)));
  }

  @Test
  void topRefusesToKeepMoreThanItsBound() {
    SortBuffer sorted = SortBuffer.top(source("1|a", "2|b", "3|c", "4|d"), BY_N_DESCENDING, 10, 3);

    assertThrows(UnsupportedMergeException.class, sorted::next);
  }

  @Test
  void topOfNoneReadsNoRow() throws IOException {
    Rows.Shard source = source("1|a");

    assertEquals(List.of(), drain(SortBuffer.top(source, BY_N_DESCENDING, 0, 5)));
    assertEquals(0, source.read());
  }
}
