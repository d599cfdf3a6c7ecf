package io.shardway.router.merge;

import static io.shardway.router.merge.Rows.binaryRow;
import static io.shardway.router.merge.Rows.column;
import static io.shardway.router.merge.Rows.drain;
import static io.shardway.router.merge.Rows.shard;
import static io.shardway.router.merge.Rows.textRow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shardway.protocol.ColumnType;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrimColumnsTest {

  @Test
  void dropsTrailingTextColumns() throws IOException {
    ResultColumns columns =
        Rows.text(Rows.string("name", Rows.UTF8MB4, false), column("sort_key", ColumnType.LONG));
    RowStream rows = shard(textRow(columns, "b", "1"), textRow(columns, null, "2"));

    List<String> trimmed = drain(new TrimColumns(rows, columns.first(1)));

    assertEquals(List.of("b", "NULL"), trimmed);
  }

  @Test
  void rewritesBinaryRowsWithTheirShorterNullBitmap() throws IOException {
    ResultColumns columns =
        Rows.binary(
            column("a", ColumnType.LONG),
            column("b", ColumnType.LONG),
            column("c", ColumnType.LONG),
            column("d", ColumnType.LONG),
            column("e", ColumnType.LONG),
            column("f", ColumnType.LONG),
            column("g", ColumnType.LONG),
            column("hidden", ColumnType.LONG));
    ResultColumns visible = columns.first(6);
    RowStream rows = shard(binaryRow(columns, 1, null, 3, 4, 5, 6, 7, null));

    MergeRow row = new TrimColumns(rows, visible).next();

    assertArrayEquals(binaryRow(visible, 1, null, 3, 4, 5, 6).payload(), row.payload());
  }

  @Test
  void concatenatesStreamsInOrder() throws IOException {
    ResultColumns columns = Rows.text(column("n", ColumnType.LONG));
    RowStream all =
        RowStream.concat(
            List.of(
                shard(textRow(columns, "1")),
                shard(),
                shard(textRow(columns, "2"), textRow(columns, "3"))));

    assertEquals(List.of("1", "2", "3"), drain(all));
  }
}
