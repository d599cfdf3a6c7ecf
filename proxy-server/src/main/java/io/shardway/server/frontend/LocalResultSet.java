package io.shardway.server.frontend;

import io.netty.buffer.ByteBuf;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.ColumnDefinition;
import io.shardway.protocol.ColumnType;
import io.shardway.protocol.EofPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.PacketBuffers;
import io.shardway.protocol.TextRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A small text-protocol result set that Shardway answers itself (administration statements). */
public final class LocalResultSet {
  private static final int UTF8MB4_GENERAL_CI = 45;
  private static final int BINARY = 63;

  private final List<ColumnDefinition> columns = new ArrayList<>();
  private final List<List<byte[]>> rows = new ArrayList<>();

  public LocalResultSet textColumn(String name) {
    columns.add(
        new ColumnDefinition(
            "", "", "", name, name, UTF8MB4_GENERAL_CI, 1024, ColumnType.VAR_STRING, 0, 0));
    return this;
  }

  public LocalResultSet numberColumn(String name) {
    columns.add(
        new ColumnDefinition(
            "",
            "",
            "",
            name,
            name,
            BINARY,
            20,
            ColumnType.LONGLONG,
            ColumnType.FLAG_NOT_NULL | ColumnType.FLAG_UNSIGNED | ColumnType.FLAG_BINARY,
            0));
    return this;
  }

  /** Adds a row; values are written as their {@code toString()}, null as SQL NULL. */
  public LocalResultSet row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "row of " + values.length + " values (expected: " + columns.size() + ")");
    }
    List<byte[]> row = new ArrayList<>(values.length);
    for (Object value : values) {
      row.add(value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8));
    }
    rows.add(row);
    return this;
  }

  /** Writes the result set as MySQL would, with or without CLIENT_DEPRECATE_EOF. */
  public void writeTo(ClientWriter writer, int clientCapabilities, int statusFlags) {
    boolean deprecateEof =
        CapabilityFlags.has(clientCapabilities, CapabilityFlags.CLIENT_DEPRECATE_EOF);
    int start = writer.reserveHeader();
    PacketBuffers.writeLenencInt(writer.buffer(), columns.size());
    writer.finishHeader(start);
    for (ColumnDefinition column : columns) {
      start = writer.reserveHeader();
      column.encode(writer.buffer());
      writer.finishHeader(start);
    }
    if (!deprecateEof) {
      writer.eof(new EofPacket(0, statusFlags));
    }
    for (List<byte[]> row : rows) {
      start = writer.reserveHeader();
      ByteBuf buffer = writer.buffer();
      TextRow.encode(buffer, row);
      writer.finishHeader(start);
    }
    if (deprecateEof) {
      writer.eofOk(new OkPacket(0, 0, statusFlags, 0));
    } else {
      writer.eof(new EofPacket(0, statusFlags));
    }
  }
}
