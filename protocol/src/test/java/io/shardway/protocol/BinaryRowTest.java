package io.shardway.protocol;

import static io.shardway.protocol.ColumnType.FLAG_UNSIGNED;
import static io.shardway.protocol.GoldenBinaryResultSetTest.assertValues;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinaryRowTest {
  private static final BigInteger UNSIGNED_LONG_MAX = new BigInteger("18446744073709551615");

  @Test
  void everyTypeRoundTrips() {
    List<ColumnDefinition> columns = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    add(columns, values, ColumnType.TINY, 0, -128);
    add(columns, values, ColumnType.TINY, FLAG_UNSIGNED, 255);
    add(columns, values, ColumnType.SHORT, 0, -32768);
    add(columns, values, ColumnType.SHORT, FLAG_UNSIGNED, 65535);
    add(columns, values, ColumnType.INT24, 0, -8388608);
    add(columns, values, ColumnType.INT24, FLAG_UNSIGNED, 16777215);
    add(columns, values, ColumnType.LONG, 0, Integer.MIN_VALUE);
    add(columns, values, ColumnType.LONG, FLAG_UNSIGNED, 4294967295L);
    add(columns, values, ColumnType.LONGLONG, 0, Long.MIN_VALUE);
    add(columns, values, ColumnType.LONGLONG, FLAG_UNSIGNED, UNSIGNED_LONG_MAX);
    add(columns, values, ColumnType.LONGLONG, FLAG_UNSIGNED, BigInteger.valueOf(42));
    add(columns, values, ColumnType.YEAR, FLAG_UNSIGNED | 0x40, 2155);
    add(columns, values, ColumnType.FLOAT, 0, -1.25e-3f);
    add(columns, values, ColumnType.DOUBLE, 0, Double.MAX_VALUE);
    add(columns, values, ColumnType.DECIMAL, 0, new BigDecimal("-0.0000000001"));
    add(columns, values, ColumnType.NEWDECIMAL, 0, new BigDecimal("12345678901234567890.01"));
    add(columns, values, ColumnType.DATE, 0, BinaryDateTime.date(2024, 2, 29));
    add(columns, values, ColumnType.DATE, 0, BinaryDateTime.ZERO);
    add(columns, values, ColumnType.DATETIME, 0, new BinaryDateTime(2024, 2, 29, 13, 14, 15, 0));
    add(columns, values, ColumnType.DATETIME, 0, new BinaryDateTime(1, 1, 1, 0, 0, 0, 1));
    add(
        columns,
        values,
        ColumnType.TIMESTAMP,
        0,
        new BinaryDateTime(2038, 1, 19, 3, 14, 7, 999999));
    add(columns, values, ColumnType.DATETIME, 0, new BinaryDateTime(2024, 0, 0, 0, 0, 0, 0));
    add(columns, values, ColumnType.TIME, 0, new BinaryTime(true, 34, 22, 59, 59, 999999));
    add(columns, values, ColumnType.TIME, 0, new BinaryTime(true, 1, 0, 0, 1, 0));
    add(columns, values, ColumnType.TIME, 0, new BinaryTime(false, 0, 12, 0, 0, 0));
    add(columns, values, ColumnType.TIME, 0, BinaryTime.ZERO);
    add(columns, values, ColumnType.VARCHAR, 0, "varchar".getBytes(UTF_8));
    add(columns, values, ColumnType.VAR_STRING, 0, "caf\u00e9 \uD83D\uDE00".getBytes(UTF_8));
    add(columns, values, ColumnType.STRING, 0, new byte[0]);
    add(columns, values, ColumnType.ENUM, 0, "b".getBytes(UTF_8));
    add(columns, values, ColumnType.SET, 0, "x,y".getBytes(UTF_8));
    add(columns, values, ColumnType.BIT, FLAG_UNSIGNED, new byte[] {0x02, (byte) 0xAA});
    add(columns, values, ColumnType.JSON, 0, "{\"k\":[1,null]}".getBytes(UTF_8));
    add(columns, values, ColumnType.BLOB, 0, new byte[] {0, (byte) 0xFF, 0});
    add(columns, values, ColumnType.TINY_BLOB, 0, new byte[300]);
    add(columns, values, ColumnType.MEDIUM_BLOB, 0, new byte[70000]);
    add(columns, values, ColumnType.LONG_BLOB, 0, new byte[] {1});
    add(columns, values, ColumnType.GEOMETRY, 0, new byte[25]);
    // NULLs around and between values, in every byte of the bitmap.
    add(columns, values, ColumnType.LONG, 0, null);
    add(columns, values, ColumnType.NULL, 0, null);
    add(columns, values, ColumnType.DATETIME, 0, null);
    add(columns, values, ColumnType.BLOB, 0, null);
    columns.add(0, column(ColumnType.LONGLONG, 0));
    values.add(0, null);

    assertValues(values, roundTrip(columns, values));
  }

  @Test
  void nullBitmapStartsAtBitTwo() {
    List<ColumnDefinition> columns = Collections.nCopies(7, column(ColumnType.TINY, 0));
    List<Object> values = Arrays.asList(1, null, 3, 4, 5, 6, null);
    // (7 + 7 + 2) / 8 = 2 bytes: column 1 is bit 3 of byte 0, column 6 bit 0 of byte 1.
    assertEquals("00" + "0801" + "0103040506", encode(columns, values));
    assertEquals(1, BinaryRow.nullBitmapLength(6));
    assertEquals(2, BinaryRow.nullBitmapLength(7));
    assertEquals(2, BinaryRow.nullBitmapLength(14));
    assertEquals(3, BinaryRow.nullBitmapLength(15));
  }

  @ParameterizedTest
  @CsvSource({
    // year, month, day, hour, minute, second, micros, encoded value
    "0, 0, 0, 0, 0, 0, 0, 00",
    "2024, 2, 29, 0, 0, 0, 0, 04e807021d",
    "2024, 2, 29, 13, 14, 15, 0, 07e807021d0d0e0f",
    "2024, 2, 29, 0, 0, 0, 1, 0be807021d00000001000000",
    "2024, 2, 29, 0, 0, 1, 0, 07e807021d000001",
    "0, 0, 0, 0, 0, 0, 999999, 0b00000000000000" + "3f420f00",
  })
  void dateTimeTakesTheShortestForm(
      int year, int month, int day, int hour, int minute, int second, int micros, String hex) {
    BinaryDateTime value = new BinaryDateTime(year, month, day, hour, minute, second, micros);
    ColumnDefinition column = column(ColumnType.DATETIME, 0);
    assertEquals("0000" + hex, encode(List.of(column), List.of(value)));
    assertValues(List.of(value), roundTrip(List.of(column), List.of(value)));
  }

  @ParameterizedTest
  @CsvSource({
    // negative, days, hours, minutes, seconds, micros, encoded value
    "false, 0, 0, 0, 0, 0, 00",
    "true, 0, 0, 0, 0, 0, 00",
    "false, 0, 12, 0, 0, 0, 080000000000" + "0c0000",
    "true, 5, 3, 45, 6, 789012, 0c0105000000" + "032d06" + "140a0c00",
    "true, 34, 22, 59, 59, 0, 080122000000" + "163b3b",
    "false, 0, 0, 0, 0, 1, 0c0000000000" + "000000" + "01000000",
  })
  void timeTakesTheShortestForm(
      boolean negative, long days, int hours, int minutes, int seconds, int micros, String hex) {
    BinaryTime value = new BinaryTime(negative, days, hours, minutes, seconds, micros);
    ColumnDefinition column = column(ColumnType.TIME, 0);
    assertEquals("0000" + hex, encode(List.of(column), List.of(value)));
    // A zero duration has no sign on the wire.
    BinaryTime expected = value.encodedLength() == 0 ? BinaryTime.ZERO : value;
    assertValues(List.of(expected), roundTrip(List.of(column), List.of(value)));
  }

  @Test
  void unsignedValuesDecodeToWiderTypes() {
    ByteBuf row = Unpooled.buffer().writeByte(0).writeByte(0);
    row.writeByte(0xFF).writeShortLE(0xFFFF).writeIntLE(-1).writeIntLE(-1).writeLongLE(-1);
    List<ColumnDefinition> columns =
        List.of(
            column(ColumnType.TINY, FLAG_UNSIGNED),
            column(ColumnType.SHORT, FLAG_UNSIGNED),
            column(ColumnType.INT24, FLAG_UNSIGNED),
            column(ColumnType.LONG, FLAG_UNSIGNED),
            column(ColumnType.LONGLONG, FLAG_UNSIGNED));
    assertValues(
        List.of(255, 65535, -1, 4294967295L, UNSIGNED_LONG_MAX), BinaryRow.decode(row, columns));
    assertFalse(row.isReadable());
  }

  @Test
  void decimalsAreWrittenWithoutExponent() {
    ColumnDefinition column = column(ColumnType.NEWDECIMAL, 0);
    assertEquals(
        "0000" + "0c" + ByteBufUtil.hexDump("0.0000000000".getBytes(UTF_8)),
        encode(List.of(column), List.of(new BigDecimal("0E-10"))));
  }

  @Test
  void rejectsValuesOutsideTheColumnsRange() {
    assertRejected(ColumnType.TINY, 0, 128, "c: 128 (expected: -128 to 127)");
    assertRejected(ColumnType.TINY, FLAG_UNSIGNED, -1, "c: -1 (expected: 0 to 255)");
    assertRejected(ColumnType.INT24, 0, 1 << 23, "c: 8388608 (expected: -8388608 to 8388607)");
    assertRejected(
        ColumnType.LONG, FLAG_UNSIGNED, 1L << 32, "c: 4294967296 (expected: 0 to 4294967295)");
    assertRejected(
        ColumnType.LONGLONG,
        FLAG_UNSIGNED,
        UNSIGNED_LONG_MAX.add(BigInteger.ONE),
        "c: 18446744073709551616 (expected: 0 to 18446744073709551615)");
    assertRejected(
        ColumnType.LONGLONG,
        0,
        BigInteger.ONE.shiftLeft(63),
        "c: 9223372036854775808 (expected: -9223372036854775808 to 9223372036854775807)");
    assertRejected(ColumnType.LONG, 0, 1.5, "c: 1.5 (expected: an integral number)");
    assertRejected(ColumnType.LONG, 0, "1", "c: String (expected: Number for column type 0x3)");
    assertRejected(ColumnType.BLOB, 0, "text", "c: String (expected: byte[] for column type 0xfc)");
    assertRejected(
        ColumnType.DATE,
        0,
        java.time.LocalDate.of(2024, 1, 1),
        "c: LocalDate (expected: BinaryDateTime for column type 0xa)");
  }

  @Test
  void rejectsMalformedRows() {
    List<ColumnDefinition> one = List.of(column(ColumnType.DATETIME, 0));
    IllegalArgumentException header =
        assertThrows(
            IllegalArgumentException.class,
            () -> BinaryRow.decode(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFE, 0}), one));
    assertEquals("binary row header: 0xfe (expected: 0x00)", header.getMessage());
    IllegalArgumentException length =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BinaryRow.decode(Unpooled.wrappedBuffer(new byte[] {0, 0, 5, 0, 0, 0, 0, 0}), one));
    assertEquals("date/time length: 5 (expected: 0, 4, 7 or 11)", length.getMessage());
    IllegalArgumentException count =
        assertThrows(
            IllegalArgumentException.class,
            () -> BinaryRow.encode(Unpooled.buffer(), one, List.of()));
    assertEquals("values: 0 (expected: 1, one per column)", count.getMessage());
  }

  @Test
  void temporalFieldsAreChecked() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new BinaryDateTime(2024, 13, 1, 0, 0, 0, 0));
    assertEquals("month: 13 (expected: 0-12)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new BinaryTime(false, 0, 24, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new BinaryTime(false, -1, 0, 0, 0, 0));
    assertEquals("-838:59:59", new BinaryTime(true, 34, 22, 59, 59, 0).toString());
    assertEquals("0000-00-00 00:00:00", BinaryDateTime.ZERO.toString());
    assertEquals(
        "2024-02-29 13:14:15.000001", new BinaryDateTime(2024, 2, 29, 13, 14, 15, 1).toString());
  }

  private static void assertRejected(int type, int flags, Object value, String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BinaryRow.encode(
                    Unpooled.buffer(), List.of(column(type, flags)), Arrays.asList(value)));
    assertEquals(message, e.getMessage());
  }

  private static List<Object> roundTrip(List<ColumnDefinition> columns, List<Object> values) {
    ByteBuf buf = Unpooled.buffer();
    BinaryRow.encode(buf, columns, values);
    List<Object> decoded = BinaryRow.decode(buf, columns);
    assertFalse(buf.isReadable(), "bytes left after the row");
    return decoded;
  }

  private static String encode(List<ColumnDefinition> columns, List<Object> values) {
    ByteBuf buf = Unpooled.buffer();
    BinaryRow.encode(buf, columns, values);
    return ByteBufUtil.hexDump(buf);
  }

  private static void add(
      List<ColumnDefinition> columns, List<Object> values, int type, int flags, Object value) {
    columns.add(column(type, flags));
    values.add(value);
  }

  private static ColumnDefinition column(int type, int flags) {
    return new ColumnDefinition("db", "t", "t", "c", "c", 63, 0, type, flags, 0);
  }
}
