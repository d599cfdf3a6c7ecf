package io.shardway.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text result sets, OK and ERR packets as MariaDB 10.11 sent them: to the mariadb CLI without
 * CLIENT_DEPRECATE_EOF (column definitions and rows each end with an EOF packet), and to
 * Connector/J with it (no EOF after the columns; an OK with header 0xFE ends the rows).
 */
class GoldenResultSetTest {
  private static final String QUERY =
      "SELECT id, amount, created, name, data, note FROM types ORDER BY id";
  private static final int NO_INDEX_USED_AUTOCOMMIT =
      ServerStatus.AUTOCOMMIT | ServerStatus.NO_INDEX_USED;

  @Test
  void textResultSetWithEofPackets() {
    GoldenFile file = GoldenFile.read("cli-text-resultset.hex");
    List<ColumnDefinition> columns = columns(file, 0, true);
    assertColumns(columns, 45);
    for (ColumnDefinition column : columns) {
      assertArrayEquals(new byte[0], column.extendedMetadata(), column::toString);
    }

    List<GoldenFile.Frame> eofs = file.all("eof");
    assertEquals(2, eofs.size());
    assertEquals(8, eofs.get(0).sequenceId());
    assertEquals(
        new EofPacket(0, NO_INDEX_USED_AUTOCOMMIT), EofPacket.decode(eofs.get(0).payload()));
    assertEquals(
        new EofPacket(0, NO_INDEX_USED_AUTOCOMMIT), EofPacket.decode(eofs.get(1).payload()));
    assertRows(file);
  }

  @Test
  void textResultSetWithDeprecateEof() {
    GoldenFile file = GoldenFile.read("jdbc-text-resultset.hex");
    // The second result of the capture; the first answers Connector/J's own SELECT @@...
    assertEquals(QUERY, query(file.all("com-query").get(3)));
    List<ColumnDefinition> columns = columns(file, 1, false);
    // With character_set_results = NULL the server reports each column's own collation.
    assertColumns(columns, 224);
    for (ColumnDefinition column : columns) {
      assertNull(column.extendedMetadata());
    }
    assertTrue(file.all("eof").isEmpty());

    GoldenFile.Frame end = file.all("ok-eof").get(1);
    assertEquals(0xFE, end.payloadBytes()[0] & 0xFF);
    assertEquals(11, end.sequenceId());
    assertEquals(new OkPacket(0, 0, NO_INDEX_USED_AUTOCOMMIT, 0), OkPacket.decode(end.payload()));
    assertRows(file);
  }

  @Test
  void errorsAndOkWithInfo() {
    GoldenFile file = GoldenFile.read("cli-ok-and-errors.hex");
    List<GoldenFile.Frame> errors = file.all("err");
    ErrPacket syntax = ErrPacket.decode(errors.get(0).payload());
    assertEquals(1064, syntax.errorCode());
    assertEquals("42000", syntax.sqlState());
    assertEquals(
        "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB"
            + " server version for the right syntax to use near 'SELEC 1' at line 1",
        syntax.message());
    assertEquals(1, errors.get(0).sequenceId());

    ErrPacket noTable = ErrPacket.decode(errors.get(1).payload());
    assertEquals(
        new ErrPacket(1146, "42S02", "Table 'shardway.no_such_table' doesn't exist"), noTable);

    GoldenFile.Frame insert = file.all("ok").get(1);
    assertEquals("INSERT INTO scratch VALUES (1),(2)", query(file.all("com-query").get(2)));
    // The info string arrives length-prefixed (0x26 = 38 bytes), not as string<EOF>.
    assertEquals(0x26, insert.payloadBytes()[7]);
    assertEquals(
        new OkPacket(2, 0, ServerStatus.AUTOCOMMIT, 0, "Records: 2  Duplicates: 0  Warnings: 0"),
        OkPacket.decode(insert.payload()));
  }

  /** The column definitions of the {@code index}-th result set of a capture. */
  private static List<ColumnDefinition> columns(GoldenFile file, int index, boolean extended) {
    GoldenFile.Frame count = file.all("column-count").get(index);
    int first = file.frames.indexOf(count) + 1;
    int n = (int) PacketBuffers.readLenencInt(count.payload());
    return file.frames.subList(first, first + n).stream()
        .map(f -> ColumnDefinition.decode(f.payload(), extended))
        .toList();
  }

  private static void assertColumns(List<ColumnDefinition> columns, int nameCharset) {
    assertEquals(
        List.of("id", "amount", "created", "name", "data", "note"),
        columns.stream().map(ColumnDefinition::name).toList());
    for (ColumnDefinition column : columns) {
      assertEquals("shardway", column.schema());
      assertEquals("types", column.table());
      assertEquals("types", column.originalTable());
      assertEquals(column.name(), column.originalName());
    }
    // INT UNSIGNED NOT NULL PRIMARY KEY: NOT_NULL, PRI_KEY, UNSIGNED, NUM, PART_KEY.
    assertColumn(columns.get(0), ColumnType.LONG, 0x5023, 63, 10, 0);
    assertTrue(columns.get(0).isUnsigned());
    assertColumn(columns.get(1), ColumnType.NEWDECIMAL, 0, 63, 32, 10);
    assertColumn(columns.get(2), ColumnType.DATETIME, ColumnType.FLAG_BINARY, 63, 26, 6);
    assertColumn(columns.get(3), ColumnType.VAR_STRING, 0, nameCharset, 256, 0);
    assertColumn(columns.get(4), ColumnType.BLOB, 0x90, 63, 65535, 0);
    assertColumn(columns.get(5), ColumnType.VAR_STRING, 0, 45, 64, 0);
  }

  private static void assertColumn(
      ColumnDefinition column, int type, int flags, int charset, long length, int decimals) {
    assertEquals(type, column.type(), column::toString);
    assertEquals(flags, column.flags(), column::toString);
    assertEquals(charset, column.characterSet(), column::toString);
    assertEquals(length, column.columnLength(), column::toString);
    assertEquals(decimals, column.decimals(), column::toString);
  }

  private static void assertRows(GoldenFile file) {
    List<GoldenFile.Frame> rows = file.all("text-row");
    List<List<String>> expected =
        List.of(
            Arrays.asList(
                "1",
                "12345678901234567890.0123456789",
                "2024-02-29 13:14:15.123456",
                "caf\u00e9 \uD83D\uDE00",
                "00ff0001",
                null),
            Arrays.asList("3", null, null, null, null, null),
            Arrays.asList(
                "4294967295", "-0.0000000001", "1000-01-01 00:00:00.000000", "", "", "x"));
    List<GoldenFile.Frame> resultRows = rows.subList(rows.size() - 3, rows.size());
    for (int i = 0; i < 3; i++) {
      List<byte[]> values = TextRow.decode(resultRows.get(i).payload(), 6);
      List<String> actual = new ArrayList<>();
      for (int c = 0; c < values.size(); c++) {
        byte[] value = values.get(c);
        // The BLOB column reads best as hex, the others as the UTF-8 text they are.
        actual.add(
            value == null
                ? null
                : c == 4 ? HexFormat.of().formatHex(value) : new String(value, UTF_8));
      }
      assertEquals(expected.get(i), actual);
    }
  }

  private static String query(GoldenFile.Frame frame) {
    ByteBuf payload = frame.payload();
    assertEquals(CommandType.COM_QUERY, payload.readUnsignedByte());
    return payload.toString(UTF_8);
  }
}
