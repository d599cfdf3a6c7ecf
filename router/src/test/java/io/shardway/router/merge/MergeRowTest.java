package io.shardway.router.merge;

import static io.shardway.router.merge.Rows.binaryRow;
import static io.shardway.router.merge.Rows.column;
import static io.shardway.router.merge.Rows.textRow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.protocol.BinaryDateTime;
import io.shardway.protocol.BinaryTime;
import io.shardway.protocol.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MergeRowTest {

  private static final ResultColumns TEXT =
      Rows.text(
          column("i", ColumnType.LONGLONG),
          column("u", ColumnType.LONGLONG, ColumnType.FLAG_UNSIGNED, 0),
          column("d", ColumnType.NEWDECIMAL, 0, 2),
          column("f", ColumnType.DOUBLE, 0, 31),
          column("dt", ColumnType.DATETIME, 0, 6),
          column("t", ColumnType.TIME, 0, 1),
          Rows.string("s", Rows.UTF8MB4, false));

  @Test
  void readsTextValuesByType() {
    MergeRow row =
        textRow(
            TEXT,
            "-42",
            "18446744073709551615",
            "-3.50",
            "1.5e-7",
            "2024-02-29 23:59:58.000123",
            "-838:59:59.5",
            "héllo");

    assertEquals(-42, row.integer(0));
    assertEquals(-1, row.integer(1), "2^64-1 as its 64 bits");
    assertEquals(new BigDecimal("18446744073709551615"), row.decimal(1));
    assertEquals(new BigDecimal("-3.50"), row.decimal(2));
    assertEquals(1.5e-7, row.floating(3));
    assertEquals(new BinaryDateTime(2024, 2, 29, 23, 59, 58, 123), row.dateTime(4));
    assertEquals(new BinaryTime(true, 34, 22, 59, 59, 500_000), row.time(5));
    assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), row.bytes(6));
    assertArrayEquals(row.bytes(6), (byte[]) row.value(6));
  }

  @Test
  void readsZeroFillDatesAndZeroDates() {
    ResultColumns columns = Rows.text(column("z", ColumnType.LONG), column("d", ColumnType.DATE));
    MergeRow row = textRow(columns, "00042", "0000-00-00");

    assertEquals(42, row.integer(0));
    assertEquals(BinaryDateTime.ZERO, row.dateTime(1));
  }

  @Test
  void refusesMalformedText() {
    MergeRow row = textRow(TEXT, "4x", null, null, null, "2024-02-29T23:59:58", "12-00-00", null);

    assertThrows(NumberFormatException.class, () -> row.integer(0));
    assertThrows(IllegalArgumentException.class, () -> row.dateTime(4));
    assertThrows(IllegalArgumentException.class, () -> row.time(5));
  }

  @Test
  void nullsAreNull() {
    MergeRow row = textRow(TEXT, null, "1", null, null, null, null, "");

    assertTrue(row.isNull(0));
    assertNull(row.value(0));
    assertFalse(row.isNull(6), "an empty string is no NULL");
    assertEquals(7, row.size());
  }

  @Test
  void keepsThePayloadItWasReadFrom() {
    byte[] payload = textRow(TEXT, "1", "2", "3.00", "4", null, null, "x").payload();
    MergeRow row = TEXT.decode(payload);

    assertSame(payload, row.payload());
    assertEquals(new BigDecimal("3.00"), row.decimal(2));
  }

  @Test
  void refusesPayloadsWithBytesLeftOver() {
    byte[] payload = textRow(TEXT, "1", "2", "3.00", "4", null, null, "x").payload();
    byte[] longer = Arrays.copyOf(payload, payload.length + 1);

    assertThrows(IllegalArgumentException.class, () -> TEXT.decode(longer));
  }

  @Test
  void readsBinaryValuesByType() {
    ResultColumns columns =
        Rows.binary(
            column("i", ColumnType.LONG),
            column("u", ColumnType.LONGLONG, ColumnType.FLAG_UNSIGNED, 0),
            column("d", ColumnType.NEWDECIMAL, 0, 2),
            column("f", ColumnType.FLOAT),
            column("dt", ColumnType.TIMESTAMP),
            column("t", ColumnType.TIME));
    BigInteger max = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
    BinaryDateTime when = new BinaryDateTime(2024, 1, 2, 3, 4, 5, 6);
    BinaryTime time = new BinaryTime(false, 1, 2, 3, 4, 5);
    MergeRow row = binaryRow(columns, -7, max, new BigDecimal("1.25"), 0.5f, when, time);

    assertEquals(-7, row.integer(0));
    assertEquals(new BigDecimal(-7), row.decimal(0));
    assertEquals(-1, row.integer(1));
    assertEquals(new BigDecimal(max), row.decimal(1));
    assertEquals(new BigDecimal("1.25"), row.decimal(2));
    assertEquals(0.5, row.floating(3));
    assertEquals(when, row.dateTime(4));
    assertEquals(time, row.time(5));
    assertEquals(0.5f, row.value(3));
  }

  @Test
  void writesComputedNumbersAsMySqlDoes() {
    ResultColumns columns =
        Rows.text(
            column("c", ColumnType.LONGLONG),
            column("s", ColumnType.NEWDECIMAL, 0, 2),
            column("r", ColumnType.DOUBLE, 0, 31),
            Rows.string("k", Rows.UTF8MB4, false));
    MergeRow row =
        columns.encode(
            Arrays.asList(
                12L, new BigDecimal("-0.50"), 0.1 + 0.2, "é".getBytes(StandardCharsets.UTF_8)));

    assertEquals("12|-0.50|0.30000000000000004|é", Rows.text(row));
    assertEquals(row.payload().length, columns.decode(row.payload()).payload().length);
  }

  @Test
  void writesBinaryRowsFromValuesAndNumbers() {
    ResultColumns columns =
        Rows.binary(
            column("c", ColumnType.LONGLONG),
            column("s", ColumnType.NEWDECIMAL, 0, 2),
            column("r", ColumnType.DOUBLE, 0, 31));
    MergeRow row = columns.encode(Arrays.asList(3L, new BigDecimal("7.25"), null));

    assertEquals(3L, row.value(0));
    assertEquals(new BigDecimal("7.25"), row.value(1));
    assertTrue(row.isNull(2));
    assertArrayEquals(
        binaryRow(columns, 3L, new BigDecimal("7.25"), null).payload(), row.payload());
  }

  @Test
  void refusesNumbersOfTheWrongKind() {
    ResultColumns columns = Rows.text(column("r", ColumnType.DOUBLE, 0, 31));

    assertThrows(
        IllegalArgumentException.class,
        () -> columns.encode(Arrays.asList((Object) new BigDecimal("1"))));
    assertThrows(IllegalArgumentException.class, () -> columns.encode(Arrays.asList(1L, 2L)));
  }
}
