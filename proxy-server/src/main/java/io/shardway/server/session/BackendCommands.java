package io.shardway.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.ColumnDefinition;
import io.shardway.protocol.CommandType;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.PacketBuffers;
import io.shardway.protocol.TextRow;
import io.shardway.server.backend.BackendChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands Shardway sends a backend connection on its own behalf, to bring it to a session's state:
 * their replies go nowhere near the client.
 */
final class BackendCommands {
  private BackendCommands() {}

  /** Runs a statement that answers OK or ERR; returns the error, or null. */
  static ErrPacket query(BackendChannel backend, String sql) throws IOException {
    byte[] text = sql.getBytes(StandardCharsets.UTF_8);
    ByteBuf payload = Unpooled.buffer(text.length + 1);
    payload.writeByte(CommandType.COM_QUERY).writeBytes(text);
    return command(backend, payload);
  }

  /**
   * The current schema of the connection ({@code SELECT DATABASE()}), or null when none is
   * selected.
   */
  static String currentSchema(BackendChannel backend) throws IOException {
    byte[] text = "SELECT DATABASE()".getBytes(StandardCharsets.US_ASCII);
    ByteBuf payload = Unpooled.buffer(text.length + 1);
    payload.writeByte(CommandType.COM_QUERY).writeBytes(text);
    try {
      backend.writeCommand(payload);
    } finally {
      payload.release();
    }
    boolean deprecateEof =
        CapabilityFlags.has(backend.capabilities(), CapabilityFlags.CLIENT_DEPRECATE_EOF);
    // Column count, one column definition, the EOF unless deprecated, then the row.
    int before = deprecateEof ? 2 : 3;
    for (int i = 0; i < before; i++) {
      backend.readPacket(ByteBufAllocator.DEFAULT).release();
    }
    ByteBuf row = backend.readPacket(ByteBufAllocator.DEFAULT);
    try {
      String schema =
          row.getUnsignedByte(row.readerIndex()) == PacketBuffers.NULL_VALUE
              ? null
              : PacketBuffers.readLenencString(row);
      backend.readPacket(ByteBufAllocator.DEFAULT).release();
      return schema;
    } finally {
      row.release();
    }
  }

  /** {@code SELECT LAST_INSERT_ID()} on the connection. */
  static long lastInsertId(BackendChannel backend) throws IOException {
    byte[] text = "SELECT LAST_INSERT_ID()".getBytes(StandardCharsets.US_ASCII);
    ByteBuf payload = Unpooled.buffer(text.length + 1);
    payload.writeByte(CommandType.COM_QUERY).writeBytes(text);
    try {
      backend.writeCommand(payload);
    } finally {
      payload.release();
    }
    boolean deprecateEof =
        CapabilityFlags.has(backend.capabilities(), CapabilityFlags.CLIENT_DEPRECATE_EOF);
    // Column count, one column definition, the EOF unless deprecated, the row, the end marker.
    for (int i = deprecateEof ? 2 : 3; i > 0; i--) {
      backend.readPacket(ByteBufAllocator.DEFAULT).release();
    }
    ByteBuf row = backend.readPacket(ByteBufAllocator.DEFAULT);
    try {
      backend.readPacket(ByteBufAllocator.DEFAULT).release();
      return Long.parseUnsignedLong(PacketBuffers.readLenencString(row));
    } finally {
      row.release();
    }
  }

  /**
   * The session values of {@code names} as SQL literals (numbers bare, strings quoted, NULL), or
   * null when the server refused to tell.
   */
  static List<String> sessionValues(BackendChannel backend, List<String> names) throws IOException {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < names.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("@@SESSION.").append(names.get(i));
    }
    byte[] text = sql.toString().getBytes(StandardCharsets.UTF_8);
    ByteBuf payload = Unpooled.buffer(text.length + 1);
    payload.writeByte(CommandType.COM_QUERY).writeBytes(text);
    try {
      backend.writeCommand(payload);
    } finally {
      payload.release();
    }
    ByteBuf first = backend.readPacket(ByteBufAllocator.DEFAULT);
    try {
      if (first.getUnsignedByte(first.readerIndex()) == ErrPacket.HEADER) {
        return null;
      }
    } finally {
      first.release();
    }
    List<Integer> types = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      ByteBuf column = backend.readPacket(ByteBufAllocator.DEFAULT);
      try {
        types.add(ColumnDefinition.decode(column).type());
      } finally {
        column.release();
      }
    }
    if (!CapabilityFlags.has(backend.capabilities(), CapabilityFlags.CLIENT_DEPRECATE_EOF)) {
      backend.readPacket(ByteBufAllocator.DEFAULT).release();
    }
    ByteBuf row = backend.readPacket(ByteBufAllocator.DEFAULT);
    try {
      List<byte[]> values = TextRow.decode(row, names.size());
      backend.readPacket(ByteBufAllocator.DEFAULT).release();
      List<String> literals = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        literals.add(SqlLiterals.of(values.get(i), types.get(i)));
      }
      return literals;
    } finally {
      row.release();
    }
  }

  static ErrPacket initDb(BackendChannel backend, String schema) throws IOException {
    ByteBuf payload = Unpooled.buffer(schema.length() * 3 + 1);
    payload.writeByte(CommandType.COM_INIT_DB).writeCharSequence(schema, StandardCharsets.UTF_8);
    return command(backend, payload);
  }

  static ErrPacket setMultiStatements(BackendChannel backend, boolean enabled) throws IOException {
    ByteBuf payload = Unpooled.buffer(3);
    payload.writeByte(CommandType.COM_SET_OPTION).writeShortLE(enabled ? 0 : 1);
    return command(backend, payload);
  }

  static ErrPacket resetConnection(BackendChannel backend) throws IOException {
    ByteBuf payload = Unpooled.buffer(1);
    payload.writeByte(CommandType.COM_RESET_CONNECTION);
    return command(backend, payload);
  }

  /**
   * Sends the command and reads its single-packet reply: ERR, or OK/EOF (COM_SET_OPTION answers
   * EOF). A result set here means the statement was not what the caller thought; it is read to its
   * end so the connection stays usable, and reported as an error.
   */
  private static ErrPacket command(BackendChannel backend, ByteBuf payload) throws IOException {
    try {
      backend.writeCommand(payload);
    } finally {
      payload.release();
    }
    ByteBuf reply = backend.readPacket(ByteBufAllocator.DEFAULT);
    try {
      int first = reply.getUnsignedByte(reply.readerIndex());
      if (first == ErrPacket.HEADER) {
        return ErrPacket.decode(reply);
      }
      if (first == 0x00 || first == 0xFE) {
        return null;
      }
      long columns = PacketBuffers.readLenencInt(reply);
      skipResultSet(backend, columns);
      return new ErrPacket(1105, "HY000", "internal statement unexpectedly returned rows");
    } finally {
      reply.release();
    }
  }

  private static void skipResultSet(BackendChannel backend, long columns) throws IOException {
    // Column definitions, then rows until a short 0xFE packet (EOF or OK) or an ERR.
    boolean deprecateEof =
        CapabilityFlags.has(backend.capabilities(), CapabilityFlags.CLIENT_DEPRECATE_EOF);
    long skip = columns + (deprecateEof ? 0 : 1);
    int endLimit = deprecateEof ? 0xFFFFFF : 9;
    for (long i = 0; i < skip; i++) {
      backend.readPacket(ByteBufAllocator.DEFAULT).release();
    }
    while (true) {
      ByteBuf row = backend.readPacket(ByteBufAllocator.DEFAULT);
      try {
        int first = row.getUnsignedByte(row.readerIndex());
        if (first == ErrPacket.HEADER || (first == 0xFE && row.readableBytes() < endLimit)) {
          return;
        }
      } finally {
        row.release();
      }
    }
  }
}
