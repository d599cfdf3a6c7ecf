package io.shardway.router.merge;

import static io.shardway.router.merge.Rows.column;
import static io.shardway.router.merge.Rows.drain;
import static io.shardway.router.merge.Rows.shard;
import static io.shardway.router.merge.Rows.textRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardway.protocol.ColumnType;
import io.shardway.router.merge.AggregateColumn.Avg;
import io.shardway.router.merge.AggregateColumn.Count;
import io.shardway.router.merge.AggregateColumn.First;
import io.shardway.router.merge.AggregateColumn.Max;
import io.shardway.router.merge.AggregateColumn.Min;
import io.shardway.router.merge.AggregateColumn.Sum;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code SELECT region, COUNT(*), SUM(amount), MIN(name), MAX(amount), AVG(amount) ... GROUP BY
 * region}, amount a DECIMAL(10,2): the shards run it with AVG's SUM(amount) and COUNT(amount) added
 * and {@code ORDER BY region}.
 */
class GroupByTest {

  private static final ResultColumns SHARDS =
      Rows.text(
          Rows.string("region", Rows.UTF8MB4, false),
          column("n", ColumnType.LONGLONG),
          column("total", ColumnType.NEWDECIMAL, 0, 2),
          Rows.string("lowest", Rows.UTF8MB4, false),
          column("highest", ColumnType.NEWDECIMAL, 0, 2),
          column("average", ColumnType.NEWDECIMAL, 0, 6),
          column("avg_sum", ColumnType.NEWDECIMAL, 0, 2),
          column("avg_count", ColumnType.LONGLONG));

  private static final RowOrder REGION =
      new RowOrder(
          List.of(new SortKey(ValueComparator.of(SHARDS, 0, Collation.UTF8MB4_GENERAL_CI), false)));

  private static final Aggregation AGGREGATION =
      new Aggregation(
          SHARDS,
          List.of(
              new First(0),
              new Count(1),
              new Sum(2),
              new Min(ValueComparator.of(SHARDS, 3, Collation.UTF8MB4_GENERAL_CI)),
              new Max(ValueComparator.of(SHARDS, 4, null)),
              new Avg(6, 7),
              new Sum(6),
              new Count(7)),
          SHARDS);

  private static RowStream merged() {
    return new MergeSort(
        List.of(
            shard(
                textRow(SHARDS, "eu", "3", "10.50", "bob", "5.00", "3.500000", "10.50", "3"),
                textRow(SHARDS, "us", "1", "1.00", "zed", "1.00", "1.000000", "1.00", "1")),
            shard(
                textRow(SHARDS, "asia", "2", null, "x", null, null, null, "0"),
                textRow(SHARDS, "EU", "2", "4.25", "Alice", "4.00", "2.125000", "4.25", "2")),
            shard(textRow(SHARDS, "us", "2", "-3.00", "amy", "0.50", "-1.500000", "-3.00", "2"))),
        REGION);
  }

  @Test
  void foldsEachGroupAcrossShards() throws IOException {
    RowStream groups = new GroupBy(merged(), REGION, AGGREGATION);

    assertEquals(
        List.of(
            "asia|2|NULL|x|NULL|NULL|NULL|0",
            "eu|5|14.75|Alice|5.00|2.950000|14.75|5",
            "us|3|-2.00|amy|1.00|-0.666667|-2.00|3"),
        drain(groups));
  }

  @Test
  void dropsTheColumnsAddedForTheMerge() throws IOException {
    RowStream client = new TrimColumns(new GroupBy(merged(), REGION, AGGREGATION), SHARDS.first(6));

    assertEquals(
        List.of(
            "asia|2|NULL|x|NULL|NULL",
            "eu|5|14.75|Alice|5.00|2.950000",
            "us|3|-2.00|amy|1.00|-0.666667"),
        drain(client));
  }

  @Test
  void havingAfterTheMerge() throws IOException {
    Having having =
        Having.all(
            List.of(
                Having.compare(SHARDS, 1, Having.Comparison.GREATER, BigDecimal.valueOf(2)),
                Having.compare(
                    SHARDS, 2, Having.Comparison.GREATER_OR_EQUAL, new BigDecimal("-2"))));

    assertEquals(
        List.of("eu|5|14.75|Alice|5.00|2.950000|14.75|5", "us|3|-2.00|amy|1.00|-0.666667|-2.00|3"),
        drain(new Filter(new GroupBy(merged(), REGION, AGGREGATION), having)));
  }

  @Test
  void nullKeysFormOneGroup() throws IOException {
    ResultColumns columns =
        Rows.text(column("k", ColumnType.LONG), column("n", ColumnType.LONGLONG));
    RowOrder key = new RowOrder(List.of(new SortKey(ValueComparator.of(columns, 0, null), false)));
    Aggregation count = new Aggregation(columns, List.of(new First(0), new Count(1)), columns);
    RowStream merged =
        new MergeSort(
            List.of(
                shard(textRow(columns, null, "2"), textRow(columns, "1", "1")),
                shard(textRow(columns, null, "3"))),
            key);

    assertEquals(List.of("NULL|5", "1|1"), drain(new GroupBy(merged, key, count)));
  }

  @Test
  void noRowsNoGroups() throws IOException {
    assertEquals(List.of(), drain(new GroupBy(shard(), REGION, AGGREGATION)));
  }

  @Test
  void refusesAggregatesOverColumnsOfTheWrongType() {
    assertThrows(
        UnsupportedMergeException.class,
        () -> new Aggregation(SHARDS, List.of(new Count(2)), SHARDS.first(1)));
    assertThrows(
        UnsupportedMergeException.class,
        () -> new Aggregation(SHARDS.first(2), List.of(new First(0), new Sum(1)), SHARDS.first(2)),
        "a SUM is a DECIMAL or a DOUBLE");
    assertThrows(
        UnsupportedMergeException.class,
        () ->
            new Aggregation(
                SHARDS,
                List.of(new Avg(2, 4)),
                Rows.text(column("a", ColumnType.NEWDECIMAL, 0, 6))),
        "the count must be a BIGINT");
    assertThrows(
        IllegalArgumentException.class,
        () -> new Aggregation(SHARDS, List.of(new First(0)), SHARDS.first(2)),
        "one per output column");
  }
}
