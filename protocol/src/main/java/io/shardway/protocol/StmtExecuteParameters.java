package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameter values of a COM_STMT_EXECUTE, decoded from the binary protocol: what a router needs
 * to find a shard key among them. Values a client sent earlier with COM_STMT_SEND_LONG_DATA are not
 * in the payload; the caller must know there are none.
 *
 * <p>Values come back in the forms {@link BinaryRow#decode} gives a result's: integers as {@link
 * Integer}, {@link Long} or {@link java.math.BigInteger}, DECIMAL as {@link java.math.BigDecimal},
 * dates and times as {@link BinaryDateTime} and {@link BinaryTime}, strings and blobs as their
 * bytes, SQL NULL as null.
 */
public final class StmtExecuteParameters {
  private static final int FIXED_PART = 10;
  private static final int UNSIGNED = 0x80;

  private StmtExecuteParameters() {}

  /**
   * @param types two bytes per parameter (type, then 0x80 for unsigned): the request's own when it
   *     binds new ones, else those the statement was last bound with
   * @throws IllegalArgumentException when the payload is shorter than its parameters need
   */
  public static List<Object> decode(ByteBuf payload, int parameters, byte[] types) {
    if (parameters == 0) {
      return List.of();
    }
    int nullBitmap = payload.readerIndex() + FIXED_PART;
    int index = nullBitmap + (parameters + 7) / 8;
    boolean typesInline = payload.getByte(index) == 1;
    index += 1 + (typesInline ? 2 * parameters : 0);
    ByteBuf values = payload.slice(index, payload.writerIndex() - index);
    List<Object> decoded = new ArrayList<>(parameters);
    try {
      for (int i = 0; i < parameters; i++) {
        if ((payload.getByte(nullBitmap + i / 8) & (1 << (i % 8))) != 0) {
          decoded.add(null);
        } else {
          decoded.add(value(values, types[2 * i] & 0xFF, (types[2 * i + 1] & UNSIGNED) != 0));
        }
      }
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("COM_STMT_EXECUTE shorter than its parameters", e);
    }
    return Collections.unmodifiableList(decoded);
  }

  private static Object value(ByteBuf in, int type, boolean unsigned) {
    if (type == ColumnType.NULL) {
      return null;
    }
    Object value = BinaryRow.readValue(in, type, unsigned);
    if (value == BinaryRow.UNSUPPORTED) {
      throw new IllegalArgumentException(
          "parameter type 0x" + Integer.toHexString(type) + " (expected: a binary-protocol type)");
    }
    return value;
  }
}
