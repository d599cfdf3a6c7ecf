package io.shardway.router.merge;

import static io.shardway.router.merge.Rows.column;
import static io.shardway.router.merge.Rows.drain;
import static io.shardway.router.merge.Rows.hex;
import static io.shardway.router.merge.Rows.weights;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardway.protocol.ColumnDefinition;
import io.shardway.protocol.ColumnType;
import io.shardway.router.plan.Layouts;
import io.shardway.router.plan.QueryMerge;
import io.shardway.router.plan.ShardRouter;
import io.shardway.router.plan.TableLayout;
import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardingAlgorithm;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SELECTs planned by {@link ShardRouter#queryMerge}, merged by {@link MergePipeline} from rows such
 * as the shards return for the statement it rewrote: sorted as it asks, with the added columns,
 * strings with their utf8mb4_general_ci weights as MariaDB computes them. Each in text and binary
 * rows.
 */
class MergePipelineTest {

  private static final ShardRouter ROUTER = new ShardRouter(new UsersOnTwoGroups());

  private static final byte[] SPACE = hex("0020");
  private static final byte[] NO_WEIGHT = null;

  private static final ColumnDefinition ID = column("id", ColumnType.LONG);
  private static final ColumnDefinition NAME = Rows.string("name", Rows.UTF8MB4, false);
  private static final ColumnDefinition REGION = Rows.string("region", Rows.UTF8MB4, false);
  private static final ColumnDefinition COUNT = column("COUNT(*)", ColumnType.LONGLONG);

  /** AVG(amount) of a DECIMAL(10,2), and the SUM and COUNT the shards add for it. */
  private static final ColumnDefinition AVG = decimal("AVG(amount)", 6);

  private static final ColumnDefinition AVG_SUM = decimal("SUM(amount)", 2);
  private static final ColumnDefinition AVG_COUNT = column("COUNT(amount)", ColumnType.LONGLONG);

  private static ColumnDefinition decimal(String name, int scale) {
    return column(name, ColumnType.NEWDECIMAL, 0, scale);
  }

  private static BigDecimal number(String digits) {
    return new BigDecimal(digits);
  }

  private static ResultColumns columns(RowFormat format, ColumnDefinition... definitions) {
    return new ResultColumns(format, List.of(definitions), true);
  }

  /** The merged rows of {@code shards}, each a list of rows of {@code columns}' values. */
  private static List<String> merged(String sql, ResultColumns columns, List<List<Object[]>> shards)
      throws IOException {
    return drain(result(sql, columns, shards).rows());
  }

  private static MergePipeline.MergedResult result(
      String sql, ResultColumns columns, List<List<Object[]>> shards) {
    QueryMerge merge = ROUTER.queryMerge(sql);
    List<RowStream> streams = new ArrayList<>();
    for (List<Object[]> rows : shards) {
      List<MergeRow> encoded = new ArrayList<>();
      for (Object[] values : rows) {
        encoded.add(Rows.row(columns, values));
      }
      streams.add(Rows.shard(encoded));
    }
    return MergePipeline.build(merge, columns, streams, 100);
  }

  private static List<Object[]> rows(Object[]... rows) {
    return List.of(rows);
  }

  private static Object[] values(Object... values) {
    return values;
  }

  /** {@code SELECT id, name … ORDER BY name, id}: each key with its weights. */
  private static ResultColumns idsAndNames(RowFormat format) {
    return columns(format, ID, NAME, weights("w1"), weights("s1"), weights("w2"), weights("s2"));
  }

  /** {@code name}, its general_ci weights and space weight as the shards send them. */
  private static Object[] named(long id, String name, String weights) {
    return weights == null
        ? values(id, null, NO_WEIGHT, new byte[0], NO_WEIGHT, SPACE)
        : values(id, name, hex(weights), SPACE, NO_WEIGHT, SPACE);
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void orderByCollationDescendingWithOffsetAndLimit(RowFormat format) throws IOException {
    // The shards run ORDER BY name DESC, id LIMIT 4: 'b' = 'B' and 'a' = 'a ' in general_ci,
    // 'a\t' below them, NULL last.
    ResultColumns columns = idsAndNames(format);
    List<List<Object[]>> shards =
        List.of(
            rows(
                named(3, "b", "0042"),
                named(1, "a ", "00410020"),
                named(4, "a", "0041"),
                named(7, null, null)),
            rows(named(2, "B", "0042"), named(5, "a\t", "00410009"), named(6, null, null)));

    assertEquals(
        List.of("2|B", "3|b", "1|a ", "4|a", "5|a\t", "6|NULL", "7|NULL"),
        merged("SELECT id, name FROM users ORDER BY name DESC, id", columns, shards));
    assertEquals(
        List.of("3|b", "1|a ", "4|a"),
        merged("SELECT id, name FROM users ORDER BY name DESC, id LIMIT 1, 3", columns, shards));
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void nullsComeFirstAscending(RowFormat format) throws IOException {
    ResultColumns columns = idsAndNames(format);
    List<List<Object[]>> shards =
        List.of(
            rows(named(8, null, null), named(5, "a\t", "00410009"), named(3, "b", "0042")),
            rows(named(6, null, null), named(4, "a", "0041")));

    assertEquals(
        List.of("6|NULL", "8|NULL", "5|a\t", "4|a", "3|b"),
        merged("SELECT id, name FROM users ORDER BY name, id", columns, shards));
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void starColumnsStayAndAddedKeysGo(RowFormat format) throws IOException {
    // SELECT * is (id, name) here; the shards add id, which the select list does not name.
    ResultColumns columns = columns(format, ID, NAME, ID, weights("w1"), weights("s1"));
    MergePipeline.MergedResult result =
        result(
            "SELECT * FROM users ORDER BY id DESC LIMIT 2",
            columns,
            List.of(
                rows(values(9L, "x", 9L, NO_WEIGHT, SPACE), values(1L, "y", 1L, NO_WEIGHT, SPACE)),
                rows(values(4L, "z", 4L, NO_WEIGHT, SPACE))));

    assertEquals(List.of(ID, NAME), result.clientColumns().definitions());
    assertEquals(List.of("9|x", "4|z"), drain(result.rows()));
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void groupByWithHavingOrderedByAnAggregate(RowFormat format) throws IOException {
    ResultColumns columns =
        columns(format, REGION, COUNT, decimal("SUM(amount)", 2), weights("w"), weights("s"));
    List<List<Object[]>> shards =
        List.of(
            rows(
                values("asia", 2L, number("5.00"), hex("0041005300490041"), SPACE),
                values("eu", 3L, number("20.50"), hex("00450055"), SPACE),
                values("us", 1L, number("1.00"), hex("00550053"), SPACE),
                values("zz", 1L, number("12.00"), hex("005A005A"), SPACE)),
            rows(
                values(null, 2L, number("40.00"), NO_WEIGHT, new byte[0]),
                values("EU", 1L, number("-15.00"), hex("00450055"), SPACE),
                values("us", 4L, number("30.25"), hex("00550053"), SPACE)));

    // Groups: NULL 2 40.00, asia 2 5.00, eu 4 5.50, us 5 31.25, zz 1 12.00.
    assertEquals(
        List.of("NULL|2|40.00", "us|5|31.25"),
        merged(
            "SELECT region, COUNT(*), SUM(amount) FROM users GROUP BY region"
                + " HAVING SUM(amount) > 10 ORDER BY SUM(amount) DESC LIMIT 2",
            columns,
            shards));
    assertEquals(
        List.of("us|5|31.25", "eu|4|5.50"),
        merged(
            "SELECT region, COUNT(*), SUM(amount) FROM users GROUP BY region"
                + " HAVING COUNT(*) >= 4 ORDER BY 2 DESC",
            columns,
            shards));
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void distinctAcrossShardsByCollation(RowFormat format) throws IOException {
    // Each shard's DISTINCT tells 'a' from 'a ', whose weights differ; the merge does not.
    ResultColumns columns = columns(format, NAME, weights("w"), weights("s"));
    List<List<Object[]>> shards =
        List.of(
            rows(
                values("b", hex("0042"), SPACE),
                values("a ", hex("00410020"), SPACE),
                values("a", hex("0041"), SPACE),
                values("a\t", hex("00410009"), SPACE)),
            rows(
                values("B", hex("0042"), SPACE),
                values("A", hex("0041"), SPACE),
                values(null, NO_WEIGHT, new byte[0])));

    assertEquals(
        List.of("b", "a ", "a\t", "NULL"),
        merged("SELECT DISTINCT name FROM users ORDER BY name DESC", columns, shards));
    assertEquals(
        List.of("a ", "a\t"),
        merged("SELECT DISTINCT name FROM users ORDER BY name DESC LIMIT 1, 2", columns, shards));
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void averageOfTheGroupsSums(RowFormat format) throws IOException {
    ResultColumns columns =
        columns(format, REGION, AVG, weights("w"), weights("s"), AVG_SUM, AVG_COUNT);
    byte[] eu = hex("00450055");
    byte[] us = hex("00550053");
    List<List<Object[]>> shards =
        List.of(
            rows(
                values("eu", number("1.333333"), eu, SPACE, number("4.00"), 3L),
                values("us", number("1.000000"), us, SPACE, number("1.00"), 1L)),
            rows(
                values("EU", number("5.010000"), eu, SPACE, number("5.01"), 1L),
                values("us", null, us, SPACE, null, 0L)));

    assertEquals(
        List.of("eu|2.252500", "us|1.000000"),
        merged("SELECT region, AVG(amount) FROM users GROUP BY region", columns, shards));
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void aggregatesWithoutGroupByFoldOneRowPerShard(RowFormat format) throws IOException {
    ColumnDefinition least = Rows.string("MIN(name)", Rows.UTF8MB4, false);
    ResultColumns columns =
        columns(format, COUNT, least, AVG, weights("w"), weights("s"), AVG_SUM, AVG_COUNT);
    List<List<Object[]>> shards =
        List.of(
            rows(values(3L, "b", number("2.000000"), hex("0042"), SPACE, number("6.00"), 3L)),
            rows(values(0L, null, null, NO_WEIGHT, new byte[0], null, 0L)),
            rows(values(2L, "A", number("1.500000"), hex("0041"), SPACE, number("3.00"), 2L)));

    // 'A' is least by its weights, though not by its bytes.
    assertEquals(
        List.of("5|A|1.800000"),
        merged("SELECT COUNT(*), MIN(name), AVG(amount) FROM users", columns, shards));
  }

  /** A shard's row of {@code COUNT(DISTINCT name)} over one distinct name, with its weights. */
  private static Object[] counted(String name, String weights) {
    return weights == null
        ? values(0L, null, NO_WEIGHT, new byte[0])
        : values(1L, name, hex(weights), SPACE);
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void countDistinctCountsEachValueOnceAcrossShards(RowFormat format) throws IOException {
    // The shards run GROUP BY name ORDER BY name: 'a ' and 'A' are one value in general_ci, as
    // are 'b' and 'B'; NULL is not counted.
    ColumnDefinition count = column("COUNT(DISTINCT name)", ColumnType.LONGLONG);
    ResultColumns columns = columns(format, count, NAME, weights("w"), weights("s"));
    String sql = "SELECT COUNT(DISTINCT name) FROM users";
    MergePipeline.MergedResult result =
        result(
            sql,
            columns,
            List.of(
                rows(counted(null, null), counted("a ", "00410020"), counted("b", "0042")),
                rows(),
                rows(counted("A", "0041"), counted("B", "0042"), counted("c", "0043"))));

    assertEquals(List.of(count), result.clientColumns().definitions());
    assertEquals(List.of("3"), drain(result.rows()));
    assertEquals(List.of("0"), merged(sql, columns, List.of(rows(), rows())));
    assertEquals(List.of("0"), merged(sql, columns, List.of(rows(counted(null, null)), rows())));
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void countDistinctOfNumbersComparesValues(RowFormat format) throws IOException {
    ColumnDefinition amount = decimal("amount", 1);
    ResultColumns columns =
        columns(
            format,
            column("COUNT(DISTINCT amount)", ColumnType.LONGLONG),
            amount,
            weights("w"),
            weights("s"));
    byte[] unused = hex("00");

    assertEquals(
        List.of("3"),
        merged(
            "SELECT COUNT(DISTINCT amount) FROM users",
            columns,
            List.of(
                rows(
                    values(1L, number("-2.0"), unused, SPACE),
                    values(1L, number("1.0"), unused, SPACE)),
                rows(
                    values(1L, number("1.0"), unused, SPACE),
                    values(1L, number("10.5"), unused, SPACE)))));
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void countDistinctPerGroupWithHavingOrderAndLimit(RowFormat format) throws IOException {
    ColumnDefinition count = column("n", ColumnType.LONGLONG);
    ResultColumns columns =
        columns(
            format,
            REGION,
            count,
            weights("w1"),
            weights("s1"),
            NAME,
            weights("w3"),
            weights("s3"));
    List<List<Object[]>> shards =
        List.of(
            rows(
                grouped("eu", "00450055", counted("a", "0041")),
                grouped("eu", "00450055", counted("b", "0042")),
                grouped("us", "00550053", counted(null, null)),
                grouped("us", "00550053", counted("x", "0058"))),
            rows(
                grouped("EU", "00450055", counted("A ", "00410020")),
                grouped("EU", "00450055", counted("c", "0043")),
                grouped("fr", "00460052", counted(null, null)),
                grouped("us", "00550053", counted("X", "0058")),
                grouped("zz", "005A005A", counted("q", "0051"))));

    // eu: a, b, c; fr: none but NULL; us: x; zz: q.
    MergePipeline.MergedResult result =
        result(
            "SELECT region, COUNT(DISTINCT name) AS n FROM users GROUP BY region", columns, shards);
    assertEquals(List.of(REGION, count), result.clientColumns().definitions());
    assertEquals(List.of("eu|3", "fr|0", "us|1", "zz|1"), drain(result.rows()));
    assertEquals(
        List.of("eu|3", "us|1"),
        merged(
            "SELECT region, COUNT(DISTINCT name) AS n FROM users GROUP BY region"
                + " ORDER BY n DESC, region LIMIT 2",
            columns,
            shards));
    assertEquals(
        List.of("eu|3"),
        merged(
            "SELECT region, COUNT(DISTINCT name) AS n FROM users GROUP BY region"
                + " HAVING n > 1 ORDER BY n DESC LIMIT 5",
            columns,
            shards));
    assertEquals(
        List.of(),
        merged(
            "SELECT region, COUNT(DISTINCT name) AS n FROM users GROUP BY region",
            columns,
            List.of(rows(), rows())));
  }

  /** A shard's row of {@code region} and its weights before {@code counted}'s values. */
  private static Object[] grouped(String region, String weights, Object[] counted) {
    return values(region, counted[0], hex(weights), SPACE, counted[1], counted[2], counted[3]);
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void refusesEnumKeysBeforeReadingAnyRow(RowFormat format) {
    ColumnDefinition status =
        new ColumnDefinition(
            "db", "users", "users", "st", "st", Rows.UTF8MB4, 4, ColumnType.STRING, 0x100, 0);
    ResultColumns columns = columns(format, status, weights("w"), weights("s"));
    Rows.Shard shard = Rows.shard(Rows.row(columns, "x", hex("0058"), SPACE));

    assertThrows(
        UnsupportedMergeException.class,
        () ->
            MergePipeline.build(
                ROUTER.queryMerge("SELECT st FROM users ORDER BY st"),
                columns,
                List.of(shard),
                100));
    assertEquals(0, shard.read());
  }

  /** {@code users}, sharded by {@code id} over two groups; every other table in the first. */
  private static final class UsersOnTwoGroups implements Layouts {

    @Override
    public String defaultGroup() {
      return "s0";
    }

    @Override
    public TableLayout layout(String schema, String table) {
      return table.equals("users")
          ? new TableLayout.Sharded("id", new Halves(), List.of("s0", "s1"), "users")
          : new TableLayout.Unsharded("s0");
    }
  }

  /** Two shards; merging never asks which a key is on. */
  private static final class Halves implements ShardingAlgorithm {

    @Override
    public int shardCount() {
      return 2;
    }

    @Override
    public int shardOf(ShardKey key) {
      return 0;
    }
  }
}
