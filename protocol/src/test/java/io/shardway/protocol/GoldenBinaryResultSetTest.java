package io.shardway.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * COM_STMT_PREPARE and COM_STMT_EXECUTE as MariaDB 10.11 answered Connector/J (server-side prepared
 * statements, CLIENT_DEPRECATE_EOF) for {@code SELECT * FROM all_types WHERE id >= ?}; the rows are
 * those of src/test/capture/setup.sql.
 */
class GoldenBinaryResultSetTest {
  private static final GoldenFile FILE = GoldenFile.read("jdbc-binary-resultset.hex");

  @Test
  void prepareResponse() {
    GoldenFile.Frame frame = FILE.first("stmt-prepare-ok");
    assertEquals(1, frame.sequenceId());
    assertEquals(new StmtPrepareOk(1, 24, 1, 0), StmtPrepareOk.decode(frame.payload()));

    ColumnDefinition param = ColumnDefinition.decode(FILE.first("param-definition").payload());
    assertEquals("?", param.name());
    // MariaDB does not infer parameter types: every parameter is announced as NULL, binary.
    assertEquals(ColumnType.NULL, param.type());
    assertEquals(ColumnType.FLAG_BINARY, param.flags());
    assertEquals(63, param.characterSet());
  }

  @Test
  void executeColumns() {
    List<ColumnDefinition> columns = executeColumns(FILE);
    assertEquals(
        List.of(
            "id", "t", "tu", "s", "su", "m", "i", "iu", "b", "bu", "f", "d", "amount", "dt", "dtm",
            "ts", "tm", "y", "bits", "e", "st", "j", "v", "bl"),
        columns.stream().map(ColumnDefinition::name).toList());
    int[] types = {
      ColumnType.LONG,
      ColumnType.TINY,
      ColumnType.TINY,
      ColumnType.SHORT,
      ColumnType.SHORT,
      ColumnType.INT24,
      ColumnType.LONG,
      ColumnType.LONG,
      ColumnType.LONGLONG,
      ColumnType.LONGLONG,
      ColumnType.FLOAT,
      ColumnType.DOUBLE,
      ColumnType.NEWDECIMAL,
      ColumnType.DATE,
      ColumnType.DATETIME,
      ColumnType.TIMESTAMP,
      ColumnType.TIME,
      ColumnType.YEAR,
      ColumnType.BIT,
      // ENUM and SET travel as STRING with the ENUM (0x100) or SET (0x800) flag; JSON as a BLOB.
      ColumnType.STRING,
      ColumnType.STRING,
      ColumnType.BLOB,
      ColumnType.VAR_STRING,
      ColumnType.BLOB
    };
    assertArrayEquals(types, columns.stream().mapToInt(ColumnDefinition::type).toArray());
    // MariaDB flags TIMESTAMP, YEAR and BIT columns UNSIGNED too.
    assertEquals(
        List.of("tu", "su", "iu", "bu", "ts", "y", "bits"),
        columns.stream().filter(ColumnDefinition::isUnsigned).map(ColumnDefinition::name).toList());
    assertEquals(0x100, columns.get(19).flags() & 0x100);
    assertEquals(0x800, columns.get(20).flags() & 0x800);
    assertEquals(6, columns.get(14).decimals());
  }

  @Test
  void binaryRows() {
    List<ColumnDefinition> columns = executeColumns(FILE);
    List<GoldenFile.Frame> rows = FILE.all("binary-row");
    assertEquals(4, rows.size());

    assertValues(
        Arrays.asList(
            1,
            -128,
            255,
            -32768,
            65535,
            -8388608,
            Integer.MIN_VALUE,
            4294967295L,
            Long.MIN_VALUE,
            new BigInteger("18446744073709551615"),
            1.5f,
            -2.25e300,
            new BigDecimal("-12345678901234567890.0123456789"),
            BinaryDateTime.date(2024, 2, 29),
            BinaryDateTime.date(2024, 2, 29),
            new BinaryDateTime(2024, 2, 29, 13, 14, 15, 1),
            new BinaryTime(true, 5, 3, 45, 6, 789012),
            2155,
            new byte[] {0x02, (byte) 0xAA},
            bytes("b"),
            bytes("x,y"),
            bytes("{\"k\": [1, null]}"),
            bytes("\uD83D\uDE00"),
            new byte[] {0}),
        BinaryRow.decode(rows.get(0).payload(), columns));
    assertValues(
        Arrays.asList(
            2,
            127,
            0,
            32767,
            0,
            8388607,
            Integer.MAX_VALUE,
            0L,
            Long.MAX_VALUE,
            BigInteger.ZERO,
            0.0f,
            0.0,
            new BigDecimal("0.0000000000"),
            BinaryDateTime.ZERO,
            BinaryDateTime.ZERO,
            new BinaryDateTime(1970, 1, 1, 0, 0, 1, 0),
            BinaryTime.ZERO,
            1901,
            new byte[2],
            bytes("a"),
            bytes(""),
            bytes("[]"),
            bytes(""),
            bytes("")),
        BinaryRow.decode(rows.get(1).payload(), columns));
    List<Object> third = Arrays.asList(new Object[24]);
    third.set(0, 3);
    third.set(13, BinaryDateTime.date(9999, 12, 31));
    third.set(14, new BinaryDateTime(2024, 1, 2, 3, 4, 5, 0));
    third.set(15, new BinaryDateTime(2038, 1, 19, 3, 14, 7, 999999));
    third.set(16, new BinaryTime(false, 34, 22, 59, 59, 0));
    assertValues(third, BinaryRow.decode(rows.get(2).payload(), columns));
    List<Object> fourth = Arrays.asList(new Object[24]);
    fourth.set(0, 4);
    assertValues(fourth, BinaryRow.decode(rows.get(3).payload(), columns));
  }

  @Test
  void serverUsesTheShortestTemporalForms() {
    byte[] first = FILE.all("binary-row").get(0).payloadBytes();
    // Row 1's DATE and DATETIME '2024-02-29 00:00:00' both travel in 4 bytes.
    byte[] date = {4, (byte) 0xE8, 0x07, 2, 29};
    int at = indexOf(first, date);
    assertTrue(at > 0);
    assertEquals(at + date.length, indexOf(first, date, at + 1));
    // Row 2: DECIMAL '0.0000000000', then the zero DATE, the zero DATETIME (a 0 length byte
    // each), TIMESTAMP '1970-01-01 00:00:01' (7 bytes, no micros) and the zero TIME (0 again).
    byte[] second = FILE.all("binary-row").get(1).payloadBytes();
    byte[] decimal = bytes("\f0.0000000000");
    byte[] temporals = {0, 0, 7, (byte) 0xB2, 0x07, 1, 1, 0, 0, 1, 0};
    int decimalAt = indexOf(second, decimal);
    assertTrue(decimalAt > 0);
    assertEquals(decimalAt + decimal.length, indexOf(second, temporals));
  }

  /** The column definitions that COM_STMT_EXECUTE's result set carries. */
  static List<ColumnDefinition> executeColumns(GoldenFile file) {
    GoldenFile.Frame count = file.all("column-count").get(1);
    int first = file.frames.indexOf(count) + 1;
    return file.frames.subList(first, first + 24).stream()
        .peek(f -> assertEquals("column-definition", f.label()))
        .map(f -> ColumnDefinition.decode(f.payload()))
        .toList();
  }

  static void assertValues(List<Object> expected, List<Object> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      Object e = expected.get(i);
      Object a = actual.get(i);
      String where = "column " + i;
      if (e == null) {
        assertNull(a, where);
      } else if (e instanceof byte[] bytes) {
        assertArrayEquals(bytes, (byte[]) a, where);
      } else {
        assertEquals(e.getClass(), a.getClass(), where);
        assertEquals(e, a, where);
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    return indexOf(haystack, needle, 0);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    for (int i = from; i <= haystack.length - needle.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
