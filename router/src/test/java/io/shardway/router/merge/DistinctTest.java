package io.shardway.router.merge;

import static io.shardway.router.merge.Rows.column;
import static io.shardway.router.merge.Rows.drain;
import static io.shardway.router.merge.Rows.shard;
import static io.shardway.router.merge.Rows.textRow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shardway.protocol.ColumnType;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctTest {

  private static final ResultColumns COLUMNS =
      Rows.text(Rows.string("s", Rows.UTF8MB4, false), column("n", ColumnType.LONG));
  private static final RowOrder ALL =
      new RowOrder(
          List.of(
              new SortKey(ValueComparator.of(COLUMNS, 0, Collation.UTF8MB4_GENERAL_CI), false),
              new SortKey(ValueComparator.of(COLUMNS, 1, null), false)));

  @Test
  void dropsDuplicatesWithinAndAcrossShards() throws IOException {
    RowStream merged =
        new MergeSort(
            List.of(
                shard(
                    textRow(COLUMNS, "a", "1"),
                    textRow(COLUMNS, "a", "2"),
                    textRow(COLUMNS, "b", null)),
                shard(
                    textRow(COLUMNS, "a", "1"),
                    textRow(COLUMNS, "b", null),
                    textRow(COLUMNS, "b", "1")),
                shard(textRow(COLUMNS, "a", "2"))),
            ALL);

    assertEquals(List.of("a|1", "a|2", "b|NULL", "b|1"), drain(new Distinct(merged, ALL)));
  }

  @Test
  void valuesEqualInTheCollationAreOneRow() throws IOException {
    RowStream merged =
        new MergeSort(
            List.of(
                shard(textRow(COLUMNS, "é", "1"), textRow(COLUMNS, "x", "1")),
                shard(textRow(COLUMNS, "E ", "1"), textRow(COLUMNS, "X", "1"))),
            ALL);

    assertEquals(List.of("é|1", "x|1"), drain(new Distinct(merged, ALL)));
  }
}
