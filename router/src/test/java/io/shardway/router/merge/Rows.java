package io.shardway.router.merge;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.shardway.protocol.BinaryRow;
import io.shardway.protocol.ColumnDefinition;
import io.shardway.protocol.ColumnType;
import io.shardway.protocol.TextRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Builds columns, rows and streams for the merge tests, and reads results back. */
final class Rows {

  static final int UTF8MB4 = 45;
  static final int BINARY = 63;

  private Rows() {}

  /** A column of a number or temporal type: character set binary, as MySQL sends them. */
  static ColumnDefinition column(String name, int type) {
    return column(name, type, 0, 0);
  }

  static ColumnDefinition column(String name, int type, int flags, int decimals) {
    return new ColumnDefinition("db", "t", "t", name, name, BINARY, 20, type, flags, decimals);
  }

  /** A VARCHAR column delivered in {@code charset}, with the BINARY flag or without. */
  static ColumnDefinition string(String name, int charset, boolean binaryFlag) {
    int flags = binaryFlag ? ColumnType.FLAG_BINARY : 0;
    return new ColumnDefinition(
        "db", "t", "t", name, name, charset, 80, ColumnType.VAR_STRING, flags, 0);
  }

  static ResultColumns text(ColumnDefinition... columns) {
    return new ResultColumns(RowFormat.TEXT, List.of(columns), true);
  }

  static ResultColumns binary(ColumnDefinition... columns) {
    return new ResultColumns(RowFormat.BINARY, List.of(columns), true);
  }

  /** A text row of UTF-8 values, null for NULL, decoded from its encoded payload. */
  static MergeRow textRow(ResultColumns columns, String... values) {
    List<byte[]> bytes = new ArrayList<>();
    for (String value : values) {
      bytes.add(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
    return textRow(columns, bytes);
  }

  static MergeRow textRow(ResultColumns columns, List<byte[]> values) {
    ByteBuf out = Unpooled.buffer();
    try {
      TextRow.encode(out, values);
      return columns.decode(ByteBufUtil.getBytes(out));
    } finally {
      out.release();
    }
  }

  /** A binary row of values as {@link BinaryRow} encodes them, decoded from its payload. */
  static MergeRow binaryRow(ResultColumns columns, Object... values) {
    ByteBuf out = Unpooled.buffer();
    try {
      BinaryRow.encode(out, columns.definitions(), Arrays.asList(values));
      return columns.decode(ByteBufUtil.getBytes(out));
    } finally {
      out.release();
    }
  }

  /**
   * A row of either format, written by {@link ResultColumns#encode}: a String as its UTF-8 bytes, a
   * byte[] as it is, a number as a value the merge computed, null as NULL.
   */
  static MergeRow row(ResultColumns columns, Object... values) {
    List<Object> encodable = new ArrayList<>();
    for (Object value : values) {
      encodable.add(value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : value);
    }
    return columns.encode(encodable);
  }

  /** The bytes of a hex string: {@code hex("0041")} is {0x00, 0x41}. */
  static byte[] hex(String digits) {
    return HexFormat.of().parseHex(digits);
  }

  /** A VAR_STRING column of binary bytes, as WEIGHT_STRING's result comes. */
  static ColumnDefinition weights(String name) {
    return new ColumnDefinition(
        "", "", "", name, "", BINARY, 80, ColumnType.VAR_STRING, ColumnType.FLAG_BINARY, 0);
  }

  /** Text rows of one column each. */
  static List<MergeRow> textRows(ResultColumns columns, String... values) {
    List<MergeRow> rows = new ArrayList<>();
    for (String value : values) {
      rows.add(textRow(columns, value));
    }
    return rows;
  }

  /** A shard's stream over rows, counting the rows read. */
  static Shard shard(List<MergeRow> rows) {
    return new Shard(rows);
  }

  static Shard shard(MergeRow... rows) {
    return new Shard(List.of(rows));
  }

  /** Pulls every row, each as the text of its values, "NULL" for NULL: ["1|a", "2|b"]. */
  static List<String> drain(RowStream stream) throws IOException {
    List<String> rows = new ArrayList<>();
    for (MergeRow row = stream.next(); row != null; row = stream.next()) {
      rows.add(text(row));
    }
    return rows;
  }

  /**
   * The text of a row's values, joined by '|': a text row's as sent, a binary row's strings as
   * UTF-8 and numbers as Java prints them.
   */
  static String text(MergeRow row) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      Object value = row.value(i);
      values.add(
          value == null
              ? "NULL"
              : value instanceof byte[] bytes
                  ? new String(bytes, StandardCharsets.UTF_8)
                  : value instanceof BigDecimal decimal
                      ? decimal.toPlainString()
                      : value.toString());
    }
    return String.join("|", values);
  }

  /** A stream over a list of rows that remembers how many were read. */
  static final class Shard implements RowStream {
    private final List<MergeRow> rows;
    private int read;

    private Shard(List<MergeRow> rows) {
      this.rows = List.copyOf(rows);
    }

    @Override
    public MergeRow next() {
      return read < rows.size() ? rows.get(read++) : null;
    }

    int read() {
      return read;
    }
  }
}
