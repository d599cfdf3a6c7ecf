package io.shardway.router.merge;

import static io.shardway.router.merge.Rows.column;
import static io.shardway.router.merge.Rows.drain;
import static io.shardway.router.merge.Rows.shard;
import static io.shardway.router.merge.Rows.textRow;
import static io.shardway.router.merge.Rows.textRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardway.protocol.ColumnType;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeSortTest {

  private static final ResultColumns NUMBERS = Rows.text(column("n", ColumnType.LONG));
  private static final ResultColumns PAIRS =
      Rows.text(Rows.string("name", Rows.UTF8MB4, false), column("shard", ColumnType.LONG));

  private static RowOrder by(ResultColumns columns, int column, boolean descending) {
    return new RowOrder(
        List.of(
            new SortKey(
                ValueComparator.of(columns, column, Collation.UTF8MB4_GENERAL_CI), descending)));
  }

  @Test
  void mergesSortedShards() throws IOException {
    MergeSort merge =
        new MergeSort(
            List.of(
                shard(textRows(NUMBERS, "1", "4", "9")),
                shard(textRows(NUMBERS, null, "2", "10")),
                shard(textRows(NUMBERS, "3"))),
            by(NUMBERS, 0, false));

    assertEquals(List.of("NULL", "1", "2", "3", "4", "9", "10"), drain(merge));
    assertNull(merge.next(), "stays at the end");
  }

  @Test
  void mergesDescending() throws IOException {
    MergeSort merge =
        new MergeSort(
            List.of(shard(textRows(NUMBERS, "9", "4", null)), shard(textRows(NUMBERS, "10", "2"))),
            by(NUMBERS, 0, true));

    assertEquals(List.of("10", "9", "4", "2", "NULL"), drain(merge));
  }

  @Test
  void equalKeysComeInShardOrder() throws IOException {
    MergeSort merge =
        new MergeSort(
            List.of(
                shard(textRow(PAIRS, "a", "0"), textRow(PAIRS, "B", "0")),
                shard(textRow(PAIRS, "A", "1"), textRow(PAIRS, "b", "1")),
                shard(textRow(PAIRS, "a ", "2"))),
            by(PAIRS, 0, false));

    assertEquals(List.of("a|0", "A|1", "a |2", "B|0", "b|1"), drain(merge));
  }

  @Test
  void mergesByMultiColumnKeys() throws IOException {
    RowOrder nameThenShardDescending =
        new RowOrder(
            List.of(
                new SortKey(ValueComparator.of(PAIRS, 0, Collation.UTF8MB4_GENERAL_CI), false),
                new SortKey(ValueComparator.of(PAIRS, 1, null), true)));
    MergeSort merge =
        new MergeSort(
            List.of(
                shard(textRow(PAIRS, "a", "5"), textRow(PAIRS, "a", "1"), textRow(PAIRS, "c", "1")),
                shard(textRow(PAIRS, "A", "3"), textRow(PAIRS, "b", "9"))),
            nameThenShardDescending);

    assertEquals(List.of("a|5", "A|3", "a|1", "b|9", "c|1"), drain(merge));
  }

  @Test
  void readsEachShardOnlyAsFarAsNeeded() throws IOException {
    Rows.Shard first = shard(textRows(NUMBERS, "1", "2", "3", "4"));
    Rows.Shard second = shard(textRows(NUMBERS, "10", "20"));
    MergeSort merge = new MergeSort(List.of(first, second), by(NUMBERS, 0, false));

    MergeRow row = merge.next();

    assertEquals("1", Rows.text(row));
    assertEquals(1, first.read());
    assertEquals(1, second.read());
    merge.next();
    assertEquals(2, first.read(), "the next row of the shard whose row went out");
    assertEquals(1, second.read());
  }

  @Test
  void passesRowsOnUnchanged() throws IOException {
    MergeRow row = textRow(NUMBERS, "7");

    assertSame(row, new MergeSort(List.of(shard(row)), by(NUMBERS, 0, false)).next());
  }

  @Test
  void handlesNoShardsAndEmptyShards() throws IOException {
    assertNull(new MergeSort(List.of(), by(NUMBERS, 0, false)).next());
    assertEquals(
        List.of("5"),
        drain(
            new MergeSort(
                List.of(shard(), shard(textRows(NUMBERS, "5")), shard()), by(NUMBERS, 0, false))));
  }

  @Test
  void refusesAShardSortedAnotherWay() throws IOException {
    // Sorted by utf8mb4_bin ('B' before 'a'), merged as general_ci.
    MergeSort merge =
        new MergeSort(
            List.of(
                shard(textRow(PAIRS, "B", "1"), textRow(PAIRS, "a", "1")),
                shard(textRow(PAIRS, "c", "2"))),
            by(PAIRS, 0, false));

    assertEquals("B|1", Rows.text(merge.next()));
    MergeOrderException e = assertThrows(MergeOrderException.class, merge::next);
    assertEquals(0, e.shard());
  }
}
