package io.shardway.router.merge;

import static io.shardway.router.merge.Rows.binaryRow;
import static io.shardway.router.merge.Rows.column;
import static io.shardway.router.merge.Rows.drain;
import static io.shardway.router.merge.Rows.shard;
import static io.shardway.router.merge.Rows.textRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code SELECT COUNT(*), SUM(n), MIN(n), MAX(n), AVG(n) FROM t}, n an INT, run on the shards with
 * AVG's SUM(n) and COUNT(n) added: one row per shard, folded into one.
 */
class AggregateTest {

  private static final ResultColumns TEXT =
      Rows.text(
          column("count", ColumnType.LONGLONG),
          column("sum", ColumnType.NEWDECIMAL),
          column("min", ColumnType.LONG),
          column("max", ColumnType.LONG),
          column("avg", ColumnType.NEWDECIMAL, 0, 4),
          column("avg_sum", ColumnType.NEWDECIMAL),
          column("avg_count", ColumnType.LONGLONG));

  private static Aggregation aggregation(ResultColumns columns) {
    return new Aggregation(
        columns,
        List.of(
            new Count(0),
            new Sum(1),
            new Min(ValueComparator.of(columns, 2, null)),
            new Max(ValueComparator.of(columns, 3, null)),
            new Avg(5, 6),
            new Sum(5),
            new Count(6)),
        columns);
  }

  @Test
  void foldsOneRowPerShard() throws IOException {
    RowStream shards =
        RowStream.concat(
            List.of(
                shard(textRow(TEXT, "3", "6", "1", "3", "2.0000", "6", "3")),
                shard(textRow(TEXT, "0", null, null, null, null, null, "0")),
                shard(textRow(TEXT, "4", "-10", "-7", "2", "-2.5000", "-10", "4"))));

    assertEquals(
        List.of("7|-4|-7|3|-0.5714|-4|7"), drain(new Aggregate(shards, aggregation(TEXT))));
  }

  @Test
  void averageOfIntegersHasFourMoreDecimalsRoundedHalfAwayFromZero() throws IOException {
    // AVG over 2, 2, 1 is 1.6666…: MariaDB answers 1.6667, and -1.6667 for -2, -2, -1.
    assertEquals(
        List.of("3|5|1|2|1.6667|5|3"),
        drain(
            new Aggregate(
                RowStream.concat(
                    List.of(
                        shard(textRow(TEXT, "2", "4", "2", "2", "2.0000", "4", "2")),
                        shard(textRow(TEXT, "1", "1", "1", "1", "1.0000", "1", "1")))),
                aggregation(TEXT))));
    assertEquals(
        List.of("3|-5|-2|-1|-1.6667|-5|3"),
        drain(
            new Aggregate(
                RowStream.concat(
                    List.of(
                        shard(textRow(TEXT, "2", "-4", "-2", "-2", "-2.0000", "-4", "2")),
                        shard(textRow(TEXT, "1", "-1", "-1", "-1", "-1.0000", "-1", "1")))),
                aggregation(TEXT))));
  }

  @Test
  void withoutRowsAsMySqlAnswersForAnEmptyTable() throws IOException {
    assertEquals(
        List.of("0|NULL|NULL|NULL|NULL|NULL|0"), drain(new Aggregate(shard(), aggregation(TEXT))));
  }

  @Test
  void sumsDecimalsExactly() throws IOException {
    ResultColumns columns = Rows.text(column("sum", ColumnType.NEWDECIMAL, 0, 2));
    Aggregation sum = new Aggregation(columns, List.of(new Sum(0)), columns);
    RowStream shards =
        RowStream.concat(
            List.of(
                shard(textRow(columns, "99999999999999999999.99")),
                shard(textRow(columns, "0.01")),
                shard(textRow(columns, "-0.10"))));

    assertEquals(List.of("99999999999999999999.90"), drain(new Aggregate(shards, sum)));
  }

  @Test
  void sumsAndAveragesDoubles() throws IOException {
    ResultColumns columns =
        Rows.text(
            column("sum", ColumnType.DOUBLE, 0, 31),
            column("avg", ColumnType.DOUBLE, 0, 31),
            column("avg_count", ColumnType.LONGLONG));
    Aggregation doubles =
        new Aggregation(columns, List.of(new Sum(0), new Avg(0, 2), new Count(2)), columns);
    RowStream shards =
        RowStream.concat(
            List.of(
                shard(textRow(columns, "0.1", "0.1", "1")),
                shard(textRow(columns, "0.2", "0.1", "2"))));

    assertEquals(
        List.of("0.30000000000000004|0.10000000000000002|3"),
        drain(new Aggregate(shards, doubles)));
  }

  @Test
  void doubleOverflowIsOutOfRange() {
    ResultColumns columns = Rows.text(column("sum", ColumnType.DOUBLE, 0, 31));
    Aggregation sum = new Aggregation(columns, List.of(new Sum(0)), columns);
    RowStream shards =
        RowStream.concat(
            List.of(shard(textRow(columns, "1.5e308")), shard(textRow(columns, "1.5e308"))));

    assertThrows(ArithmeticException.class, () -> new Aggregate(shards, sum).next());
  }

  @Test
  void binaryRowsWithTheTypesMySqlSends() throws IOException {
    ResultColumns columns =
        Rows.binary(
            column("count", ColumnType.LONGLONG),
            column("sum", ColumnType.NEWDECIMAL),
            column("min", ColumnType.LONG),
            column("max", ColumnType.LONG),
            column("avg", ColumnType.NEWDECIMAL, 0, 4),
            column("avg_sum", ColumnType.NEWDECIMAL),
            column("avg_count", ColumnType.LONGLONG));
    RowStream shards =
        RowStream.concat(
            List.of(
                shard(
                    binaryRow(
                        columns,
                        1L,
                        BigDecimal.ONE,
                        1,
                        1,
                        new BigDecimal("1.0000"),
                        BigDecimal.ONE,
                        1L)),
                shard(
                    binaryRow(
                        columns,
                        2L,
                        BigDecimal.ONE,
                        0,
                        1,
                        new BigDecimal("0.5000"),
                        BigDecimal.ONE,
                        2L))));

    MergeRow row = new Aggregate(shards, aggregation(columns)).next();

    assertEquals(3L, row.value(0));
    assertEquals(new BigDecimal("2"), row.value(1));
    assertEquals(0, row.value(2));
    assertEquals(1, row.value(3));
    assertEquals(new BigDecimal("0.6667"), row.value(4));
    assertTrue(row.payload().length > 0);
  }

  @Test
  void aColumnNotAggregatedTakesAValueOfSomeRow() throws IOException {
    ResultColumns columns =
        Rows.text(Rows.string("name", Rows.UTF8MB4, false), column("count", ColumnType.LONGLONG));
    Aggregation aggregation =
        new Aggregation(columns, List.of(new First(0), new Count(1)), columns);
    RowStream shards =
        RowStream.concat(
            List.of(
                shard(textRow(columns, null, "0")),
                shard(textRow(columns, "bob", "2")),
                shard(textRow(columns, "amy", "1"))));

    assertEquals(
        List.of("bob|3"),
        drain(new Aggregate(shards, aggregation)),
        "the first shard has no rows, so its NULL stands for none");
  }

  @Test
  void returnsOneRowOnly() throws IOException {
    Aggregate aggregate = new Aggregate(shard(), aggregation(TEXT));

    aggregate.next();
    assertNull(aggregate.next());
  }
}
