package io.shardway.router.merge;

import static io.shardway.router.merge.Rows.column;
import static io.shardway.router.merge.Rows.drain;
import static io.shardway.router.merge.Rows.shard;
import static io.shardway.router.merge.Rows.textRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardway.protocol.ColumnType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LimitTest {

  private static final ResultColumns NUMBERS = Rows.text(column("n", ColumnType.LONG));
  private static final RowOrder ASCENDING =
      new RowOrder(List.of(new SortKey(ValueComparator.of(NUMBERS, 0, null), false)));

  /** A shard's answer to ORDER BY n LIMIT limit: its first rows. */
  private static Rows.Shard limited(List<Integer> sorted, int limit) {
    List<String> values =
        sorted.stream().limit(limit).map(String::valueOf).collect(Collectors.toList());
    return shard(textRows(NUMBERS, values.toArray(new String[0])));
  }

  @Test
  void offsetAcrossShardsAsOneServerWould() throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    for (int round = 0; round < 200; round++) {
      List<List<Integer>> shards = new ArrayList<>();
      List<Integer> all = new ArrayList<>();
      for (int s = 0; s < 3; s++) {
        List<Integer> rows = new ArrayList<>();
        for (int i = random.nextInt(8); i > 0; i--) {
          rows.add(random.nextInt(20));
        }
        rows.sort(null);
        shards.add(rows);
        all.addAll(rows);
      }
      all.sort(null);
      int offset = random.nextInt(6);
      int count = random.nextInt(6);
      List<RowStream> streams = new ArrayList<>();
      for (List<Integer> rows : shards) {
        streams.add(limited(rows, offset + count));
      }

      List<String> merged = drain(new Limit(new MergeSort(streams, ASCENDING), offset, count));

      List<String> expected =
          all.stream().skip(offset).limit(count).map(String::valueOf).collect(Collectors.toList());
      assertEquals(expected, merged, "LIMIT " + offset + ", " + count + " of " + shards);
    }
  }

  @Test
  void skipsTheOffsetOnceThenStops() throws IOException {
    Rows.Shard one = shard(textRows(NUMBERS, "1", "3", "5", "7"));
    Rows.Shard two = shard(textRows(NUMBERS, "2", "4", "6", "8"));
    Limit limit = new Limit(new MergeSort(List.of(one, two), ASCENDING), 2, 3);

    assertEquals(List.of("3", "4", "5"), drain(limit));
    assertEquals(3, one.read(), "no row read after the last one needed");
    assertEquals(3, two.read());
  }

  @Test
  void zeroCountReadsNothing() throws IOException {
    Rows.Shard one = shard(textRows(NUMBERS, "1"));

    assertEquals(List.of(), drain(new Limit(one, 5, 0)));
    assertEquals(0, one.read());
  }

  @Test
  void offsetBeyondTheRows() throws IOException {
    assertEquals(List.of(), drain(new Limit(shard(textRows(NUMBERS, "1", "2")), 5, 10)));
  }

  @Test
  void refusesNegativeBounds() {
    assertThrows(IllegalArgumentException.class, () -> new Limit(shard(), -1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Limit(shard(), 0, -1));
  }
}
