package io.shardway.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardway.protocol.BinaryDateTime;
import io.shardway.protocol.BinaryTime;
import io.shardway.protocol.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterLiteralsTest {
  private static final Charset UTF8 = StandardCharsets.UTF_8;

  private static String of(Object value, int type) {
    return ParameterLiterals.of(value, type, UTF8, "utf8mb4");
  }

  private static String text(String value) {
    return of(value.getBytes(UTF8), ColumnType.VAR_STRING);
  }

  @Test
  void nullIsNull() {
    assertEquals("NULL", of(null, ColumnType.NULL));
    assertEquals("NULL", of(null, ColumnType.VAR_STRING));
  }

  @Test
  void integersAreDigits() {
    assertEquals("42", of(42, ColumnType.LONG));
    assertEquals("-7", of(-7, ColumnType.TINY));
    assertEquals("-9223372036854775808", of(Long.MIN_VALUE, ColumnType.LONGLONG));
    assertEquals(
        "18446744073709551615", of(new BigInteger("18446744073709551615"), ColumnType.LONGLONG));
  }

  @Test
  void decimalsArePlain() {
    assertEquals("-0.000000012", of(new BigDecimal("-1.2E-8"), ColumnType.NEWDECIMAL));
    assertEquals("12300", of(new BigDecimal("1.23E+4"), ColumnType.NEWDECIMAL));
  }

  @Test
  void doublesReadBackExactlyAndStayDoubles() {
    assertEquals("1.5E0", of(1.5, ColumnType.DOUBLE));
    assertEquals("1.0E-5", of(1.0e-5, ColumnType.DOUBLE));
    assertEquals("-0.0E0", of(-0.0, ColumnType.DOUBLE));
    assertEquals("0.1E0", of(0.1, ColumnType.DOUBLE));
    for (double d : new double[] {Double.MAX_VALUE, Double.MIN_VALUE, -Math.PI, 1e22}) {
      assertEquals(d, Double.parseDouble(of(d, ColumnType.DOUBLE)));
    }
    // The server widens a FLOAT parameter: the same double as the float's exact value.
    assertEquals((double) 0.1f, Double.parseDouble(of(0.1f, ColumnType.FLOAT)));
    assertThrows(IllegalArgumentException.class, () -> of(Double.NaN, ColumnType.DOUBLE));
  }

  @Test
  void datesAndTimesAreQuoted() {
    assertEquals(
        "'2024-02-29 23:59:58.000123'",
        of(new BinaryDateTime(2024, 2, 29, 23, 59, 58, 123), ColumnType.DATETIME));
    assertEquals("'2024-02-29'", of(BinaryDateTime.date(2024, 2, 29), ColumnType.DATE));
    assertEquals("'0000-00-00'", of(BinaryDateTime.ZERO, ColumnType.DATE));
    assertEquals("'0000-00-00 00:00:00'", of(BinaryDateTime.ZERO, ColumnType.TIMESTAMP));
    assertEquals(
        "'-838:59:59.500000'", of(new BinaryTime(true, 34, 22, 59, 59, 500_000), ColumnType.TIME));
    assertEquals("'0:00:00'", of(BinaryTime.ZERO, ColumnType.TIME));
  }

  @Test
  void plainTextIsQuotedWithQuotesDoubled() {
    assertEquals("''", text(""));
    assertEquals("'O''Brien; DROP TABLE x -- ?'", text("O'Brien; DROP TABLE x -- ?"));
    assertEquals("'Zoë 東京 🎉'", text("Zoë 東京 🎉"));
  }

  @Test
  void backslashesControlCharactersAndInvalidBytesGoInHex() {
    assertEquals("CONVERT(X'615c27' USING utf8mb4)", text("a\\'"));
    assertEquals("CONVERT(X'610a00' USING utf8mb4)", text("a\n\0"));
    assertEquals("CONVERT(X'ff' USING utf8mb4)", of(new byte[] {(byte) 0xFF}, ColumnType.STRING));
    assertThrows(
        IllegalArgumentException.class,
        () -> ParameterLiterals.of(new byte[] {0}, ColumnType.STRING, UTF8, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> ParameterLiterals.of(new byte[] {0}, ColumnType.STRING, UTF8, "x) OR (1"));
  }

  @Test
  void multibyteTextOfOtherCharacterSetsGoesInHex() {
    Charset sjis = Charset.forName("Shift_JIS");
    // 0x5C as the second byte of a character: never split from it.
    byte[] so = "ソ".getBytes(sjis);
    assertEquals(
        "CONVERT(X'835c' USING sjis)",
        ParameterLiterals.of(so, ColumnType.VAR_STRING, sjis, "sjis"));
    assertEquals(
        "'abc'", ParameterLiterals.of("abc".getBytes(sjis), ColumnType.VAR_STRING, sjis, "sjis"));
  }

  @Test
  void blobsAreBinary() {
    assertEquals("_binary'it''s'", of("it's".getBytes(UTF8), ColumnType.BLOB));
    assertEquals("_binary''", of(new byte[0], ColumnType.LONG_BLOB));
    assertEquals(
        "CONVERT(X'00ff5c' USING binary)",
        of(new byte[] {0, (byte) 0xFF, '\\'}, ColumnType.MEDIUM_BLOB));
  }

  @Test
  void inlinesOnlyRealPlaceholders() {
    String sql =
        "INSERT INTO `t?` (a, b, c) /* ? */ VALUES (?, '?', \"?\") -- ?\n, (?-?, ?, 1) # ?";
    List<Object> values = Arrays.asList(1L, 5, -3, null);
    byte[] types = new byte[8];
    assertEquals(
        "INSERT INTO `t?` (a, b, c) /* ? */ VALUES (1, '?', \"?\") -- ?\n, (5- -3, NULL, 1) # ?",
        ParameterLiterals.inline(sql, values, types, UTF8, "utf8mb4"));
  }

  @Test
  void refusesAMismatchedCount() {
    byte[] types = new byte[4];
    assertThrows(
        IllegalArgumentException.class,
        () -> ParameterLiterals.inline("SELECT ?", List.of(1, 2), types, UTF8, "utf8mb4"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ParameterLiterals.inline("SELECT ?, ?, ?", List.of(1, 2), types, UTF8, "utf8mb4"));
  }
}
