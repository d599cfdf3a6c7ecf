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
    return command(backend, queryPayload(sql));
  }

  /**
   * The current schema of the connection ({@code SELECT DATABASE()}), or null when none is
   * selected.
   */
  static String currentSchema(BackendChannel backend) throws IOException {
    return selectValue(backend, "SELECT DATABASE()");
  }

  /** The value of a SELECT of one row and one column, as text; null for NULL or an error. */
  static String selectValue(BackendChannel backend, String sql) throws IOException {
    SingleRow row = selectSingleRow(backend, sql, 1);
    byte[] value = row == null ? null : row.values().get(0);
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  /** {@code SELECT LAST_INSERT_ID()} on the connection. */
  static long lastInsertId(BackendChannel backend) throws IOException {
    SingleRow row = selectSingleRow(backend, "SELECT LAST_INSERT_ID()", 1);
    if (row == null) {
      throw new IOException("the backend refused SELECT LAST_INSERT_ID()");
    }
    return Long.parseUnsignedLong(new String(row.values().get(0), StandardCharsets.US_ASCII));
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
    SingleRow row = selectSingleRow(backend, sql.toString(), names.size());
    if (row == null) {
      return null;
    }
    List<String> literals = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      literals.add(SqlLiterals.of(row.values().get(i), row.types().get(i)));
    }
    return literals;
  }

  /** The values and column types of a result that has exactly one row. */
  private record SingleRow(List<byte[]> values, List<Integer> types) {}

  /** Runs a SELECT that returns one row of {@code columns} values; null when it fails. */
  private static SingleRow selectSingleRow(BackendChannel backend, String sql, int columns)
      throws IOException {
    ByteBuf payload = queryPayload(sql);
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
    List<Integer> types = new ArrayList<>(columns);
    for (int i = 0; i < columns; i++) {
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
      List<byte[]> values = TextRow.decode(row, columns);
      // The end-of-rows marker.
      backend.readPacket(ByteBufAllocator.DEFAULT).release();
      return new SingleRow(values, types);
    } finally {
      row.release();
    }
  }

  static ByteBuf queryPayload(String sql) {
    byte[] text = sql.getBytes(StandardCharsets.UTF_8);
    ByteBuf payload = Unpooled.buffer(text.length + 1);
    payload.writeByte(CommandType.COM_QUERY).writeBytes(text);
    return payload;
  }

  /** A statement prepared on Shardway's own behalf: its server id and parameter count. */
  record Prepared(long id, int parameters, ErrPacket error) {}

  /**
   * Sends a client's COM_STMT_PREPARE again on another connection and reads the reply, which the
   * client saw once already.
   */
  static Prepared prepare(BackendChannel backend, ByteBuf request) throws IOException {
    backend.writeCommand(request);
    ByteBuf ok = backend.readPacket(ByteBufAllocator.DEFAULT);
    long id;
    int columns;
    int parameters;
    try {
      if (ok.getUnsignedByte(ok.readerIndex()) == ErrPacket.HEADER) {
        return new Prepared(-1, 0, ErrPacket.decode(ok));
      }
      id = ok.getUnsignedIntLE(ok.readerIndex() + 1);
      columns = ok.getUnsignedShortLE(ok.readerIndex() + 5);
      parameters = ok.getUnsignedShortLE(ok.readerIndex() + 7);
    } finally {
      ok.release();
    }
    boolean eofs =
        !CapabilityFlags.has(backend.capabilities(), CapabilityFlags.CLIENT_DEPRECATE_EOF);
    int definitions =
        parameters + columns + (eofs && parameters > 0 ? 1 : 0) + (eofs && columns > 0 ? 1 : 0);
    for (int i = 0; i < definitions; i++) {
      backend.readPacket(ByteBufAllocator.DEFAULT).release();
    }
    return new Prepared(id, parameters, null);
  }

  /** COM_STMT_CLOSE, which the server does not answer. */
  static void closeStatement(BackendChannel backend, long id) throws IOException {
    ByteBuf payload = Unpooled.buffer(5);
    payload.writeByte(CommandType.COM_STMT_CLOSE).writeIntLE((int) id);
    try {
      backend.writeCommand(payload);
    } finally {
      payload.release();
    }
  }

  static ErrPacket initDb(BackendChannel backend, String schema) throws IOException {
    return command(backend, initDbPayload(schema));
  }

  static ByteBuf initDbPayload(String schema) {
    ByteBuf payload = Unpooled.buffer(schema.length() * 3 + 1);
    payload.writeByte(CommandType.COM_INIT_DB).writeCharSequence(schema, StandardCharsets.UTF_8);
    return payload;
  }

  static ByteBuf setOptionPayload(boolean multiStatements) {
    ByteBuf payload = Unpooled.buffer(3);
    payload.writeByte(CommandType.COM_SET_OPTION).writeShortLE(multiStatements ? 0 : 1);
    return payload;
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
  static ErrPacket command(BackendChannel backend, ByteBuf payload) throws IOException {
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
