package io.shardway.router.merge;

import static io.shardway.router.merge.Rows.column;
import static io.shardway.router.merge.Rows.drain;
import static io.shardway.router.merge.Rows.shard;
import static io.shardway.router.merge.Rows.textRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.protocol.ColumnType;
import io.shardway.router.merge.Having.Comparison;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class HavingTest {

  private static final ResultColumns COLUMNS =
      Rows.text(
          column("n", ColumnType.LONGLONG),
          column("d", ColumnType.NEWDECIMAL, 0, 2),
          column("r", ColumnType.DOUBLE, 0, 31),
          Rows.string("s", Rows.UTF8MB4, false));

  private static boolean holds(Having having, String... values) {
    return having.test(textRow(COLUMNS, values));
  }

  @Test
  void comparesEachOperator() {
    BigDecimal two = BigDecimal.valueOf(2);

    assertTrue(holds(Having.compare(COLUMNS, 0, Comparison.EQUAL, two), "2", null, null, null));
    assertFalse(
        holds(Having.compare(COLUMNS, 0, Comparison.NOT_EQUAL, two), "2", null, null, null));
    assertTrue(holds(Having.compare(COLUMNS, 0, Comparison.LESS, two), "1", null, null, null));
    assertTrue(
        holds(Having.compare(COLUMNS, 0, Comparison.LESS_OR_EQUAL, two), "2", null, null, null));
    assertFalse(holds(Having.compare(COLUMNS, 0, Comparison.GREATER, two), "2", null, null, null));
    assertTrue(
        holds(Having.compare(COLUMNS, 0, Comparison.GREATER_OR_EQUAL, two), "3", null, null, null));
  }

  @Test
  void decimalsExactlyAndDoublesAsDoubles() {
    assertTrue(
        holds(
            Having.compare(COLUMNS, 1, Comparison.EQUAL, new BigDecimal("1.5")),
            null,
            "1.50",
            null,
            null));
    assertFalse(
        holds(
            Having.compare(COLUMNS, 1, Comparison.GREATER, new BigDecimal("1.50")),
            null,
            "1.50",
            null,
            null));
    assertTrue(
        holds(
            Having.compare(COLUMNS, 2, Comparison.EQUAL, new BigDecimal("0.1")),
            null,
            null,
            "0.1",
            null),
        "the double 0.1 equals the literal 0.1 read as a double");
  }

  @Test
  void nullIsNeverTrue() {
    for (Comparison comparison : Comparison.values()) {
      assertFalse(
          holds(Having.compare(COLUMNS, 0, comparison, BigDecimal.ONE), null, null, null, null),
          comparison.name());
    }
  }

  @Test
  void andOr() {
    Having big = Having.compare(COLUMNS, 0, Comparison.GREATER, BigDecimal.TEN);
    Having cheap = Having.compare(COLUMNS, 1, Comparison.LESS, BigDecimal.ONE);

    assertFalse(holds(Having.all(List.of(big, cheap)), "11", "5.00", null, null));
    assertTrue(holds(Having.any(List.of(big, cheap)), "11", "5.00", null, null));
    assertFalse(holds(Having.any(List.of(big, cheap)), "1", "5.00", null, null));
    assertTrue(holds(Having.all(List.of(big, cheap)), "11", "0.50", null, null));
  }

  @Test
  void refusesNonNumericColumns() {
    assertThrows(
        UnsupportedMergeException.class,
        () -> Having.compare(COLUMNS, 3, Comparison.EQUAL, BigDecimal.ONE));
  }

  @Test
  void filterKeepsMatchingRows() throws IOException {
    Having positive = Having.compare(COLUMNS, 0, Comparison.GREATER, BigDecimal.ZERO);
    RowStream rows =
        shard(
            textRow(COLUMNS, "1", null, null, "a"),
            textRow(COLUMNS, "0", null, null, "b"),
            textRow(COLUMNS, null, null, null, "c"),
            textRow(COLUMNS, "5", null, null, "d"));

    assertEquals(List.of("1|NULL|NULL|a", "5|NULL|NULL|d"), drain(new Filter(rows, positive)));
  }
}
