package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of a binary-protocol result set (ProtocolBinary::ResultsetRow), the reply to
 * COM_STMT_EXECUTE: a 0x00 header, a NULL bitmap whose first two bits are unused, then each
 * non-NULL value in the form its column type dictates.
 *
 * <p>Values, by column type: TINY, SHORT, INT24 and YEAR as {@link Integer}; LONG as {@link
 * Integer}, or {@link Long} when {@link ColumnType#FLAG_UNSIGNED}; LONGLONG as {@link Long}, or
 * {@link BigInteger} when unsigned; FLOAT and DOUBLE as {@link Float} and {@link Double}; DECIMAL
 * and NEWDECIMAL as {@link BigDecimal}; DATE, DATETIME and TIMESTAMP as {@link BinaryDateTime};
 * TIME as {@link BinaryTime}; strings, blobs, ENUM, SET, BIT, JSON and GEOMETRY as the raw {@code
 * byte[]}; SQL NULL as null. Encoding takes any integral {@link Number} in the column's range.
 */
public final class BinaryRow {
  public static final int HEADER = 0x00;

  /** The first two bits of a result row's NULL bitmap are reserved. */
  private static final int NULL_BITMAP_OFFSET = 2;

  private static final BigInteger UNSIGNED_LONG_MASK =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private BinaryRow() {}

  /** Decodes one row, header byte included, for the given columns. */
  public static List<Object> decode(ByteBuf in, List<ColumnDefinition> columns) {
    int header = in.readUnsignedByte();
    if (header != HEADER) {
      throw new IllegalArgumentException(
          "binary row header: 0x" + Integer.toHexString(header) + " (expected: 0x00)");
    }
    int bitmapStart = in.readerIndex();
    in.skipBytes(nullBitmapLength(columns.size()));
    List<Object> values = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      int bit = i + NULL_BITMAP_OFFSET;
      boolean isNull = (in.getByte(bitmapStart + bit / 8) & (1 << (bit % 8))) != 0;
      ColumnDefinition column = columns.get(i);
      if (isNull) {
        values.add(null);
        continue;
      }
      Object value = readValue(in, column.type(), column.isUnsigned());
      if (value == UNSUPPORTED) {
        throw new IllegalArgumentException(unsupported(column));
      }
      values.add(value);
    }
    return values;
  }

  /** Writes one row, header byte included; a null element is SQL NULL. */
  public static void encode(ByteBuf out, List<ColumnDefinition> columns, List<Object> values) {
    if (values.size() != columns.size()) {
      throw new IllegalArgumentException(
          "values: " + values.size() + " (expected: " + columns.size() + ", one per column)");
    }
    out.writeByte(HEADER);
    byte[] bitmap = new byte[nullBitmapLength(columns.size())];
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        int bit = i + NULL_BITMAP_OFFSET;
        bitmap[bit / 8] |= (byte) (1 << (bit % 8));
      }
    }
    out.writeBytes(bitmap);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != null) {
        writeValue(out, columns.get(i), values.get(i));
      }
    }
  }

  static int nullBitmapLength(int columns) {
    return (columns + 7 + NULL_BITMAP_OFFSET) / 8;
  }

  /** What {@link #readValue} returns for a type the binary protocol does not have. */
  static final Object UNSUPPORTED = new Object();

  /**
   * One value of {@code type} in the binary protocol, as {@link #decode} documents, or {@link
   * #UNSUPPORTED}. COM_STMT_EXECUTE sends parameter values in the same forms.
   */
  static Object readValue(ByteBuf in, int type, boolean unsigned) {
    switch (type) {
      case ColumnType.TINY:
        return unsigned ? in.readUnsignedByte() : (int) in.readByte();
      case ColumnType.SHORT:
      case ColumnType.YEAR:
        return unsigned ? in.readUnsignedShortLE() : (int) in.readShortLE();
      case ColumnType.INT24:
        // Sent in 4 bytes; a 24-bit value fits an int either way.
        return in.readIntLE();
      case ColumnType.LONG:
        // The casts keep the branches apart: without them both would widen to long.
        return unsigned ? (Object) in.readUnsignedIntLE() : (Object) in.readIntLE();
      case ColumnType.LONGLONG:
        long value = in.readLongLE();
        return unsigned ? BigInteger.valueOf(value).and(UNSIGNED_LONG_MASK) : (Object) value;
      case ColumnType.FLOAT:
        return in.readFloatLE();
      case ColumnType.DOUBLE:
        return in.readDoubleLE();
      case ColumnType.DECIMAL:
      case ColumnType.NEWDECIMAL:
        return new BigDecimal(PacketBuffers.readLenencString(in, StandardCharsets.US_ASCII));
      case ColumnType.DATE:
      case ColumnType.NEWDATE:
      case ColumnType.DATETIME:
      case ColumnType.TIMESTAMP:
        return BinaryDateTime.decode(in);
      case ColumnType.TIME:
        return BinaryTime.decode(in);
      default:
        return isBytes(type) ? PacketBuffers.readLenencBytes(in) : UNSUPPORTED;
    }
  }

  private static void writeValue(ByteBuf out, ColumnDefinition column, Object value) {
    switch (column.type()) {
      case ColumnType.TINY:
        out.writeByte((int) integer(value, column, 8));
        break;
      case ColumnType.SHORT:
      case ColumnType.YEAR:
        out.writeShortLE((int) integer(value, column, 16));
        break;
      case ColumnType.INT24:
        out.writeIntLE((int) integer(value, column, 24));
        break;
      case ColumnType.LONG:
        out.writeIntLE((int) integer(value, column, 32));
        break;
      case ColumnType.LONGLONG:
        out.writeLongLE(integer(value, column, 64));
        break;
      case ColumnType.FLOAT:
        out.writeFloatLE(as(Number.class, value, column).floatValue());
        break;
      case ColumnType.DOUBLE:
        out.writeDoubleLE(as(Number.class, value, column).doubleValue());
        break;
      case ColumnType.DECIMAL:
      case ColumnType.NEWDECIMAL:
        byte[] digits =
            as(BigDecimal.class, value, column).toPlainString().getBytes(StandardCharsets.US_ASCII);
        PacketBuffers.writeLenencBytes(out, digits);
        break;
      case ColumnType.DATE:
      case ColumnType.NEWDATE:
      case ColumnType.DATETIME:
      case ColumnType.TIMESTAMP:
        as(BinaryDateTime.class, value, column).encode(out);
        break;
      case ColumnType.TIME:
        as(BinaryTime.class, value, column).encode(out);
        break;
      default:
        if (!isBytes(column.type())) {
          throw new IllegalArgumentException(unsupported(column));
        }
        PacketBuffers.writeLenencBytes(out, as(byte[].class, value, column));
    }
  }

  private static boolean isBytes(int type) {
    switch (type) {
      case ColumnType.VARCHAR:
      case ColumnType.BIT:
      case ColumnType.JSON:
      case ColumnType.ENUM:
      case ColumnType.SET:
      case ColumnType.TINY_BLOB:
      case ColumnType.MEDIUM_BLOB:
      case ColumnType.LONG_BLOB:
      case ColumnType.BLOB:
      case ColumnType.VAR_STRING:
      case ColumnType.STRING:
      case ColumnType.GEOMETRY:
        return true;
      default:
        return false;
    }
  }

  /**
   * The value as the low {@code bits} bits of a long, after checking that it is an integer in the
   * column's signed or unsigned range; an unsigned 64-bit value above Long.MAX_VALUE comes back
   * negative, as the wire carries it.
   */
  private static long integer(Object value, ColumnDefinition column, int bits) {
    as(Number.class, value, column);
    boolean unsigned = column.isUnsigned();
    long min = unsigned ? 0 : -(1L << (bits - 1));
    long max = unsigned && bits < 64 ? (1L << bits) - 1 : (1L << (bits - 1)) - 1;
    long v;
    if (value instanceof BigInteger big) {
      if (unsigned && bits == 64 && big.signum() >= 0 && big.bitLength() <= 64) {
        return big.longValue();
      } else if (big.bitLength() > 63) {
        throw outOfRange(value, column, min, max);
      }
      v = big.longValue();
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      v = ((Number) value).longValue();
    } else {
      throw new IllegalArgumentException(
          column.name() + ": " + value + " (expected: an integral number)");
    }
    if (v < min || v > max) {
      throw outOfRange(value, column, min, max);
    }
    return v;
  }

  private static IllegalArgumentException outOfRange(
      Object value, ColumnDefinition column, long min, long max) {
    // For unsigned 64-bit columns max is Long.MAX_VALUE only as a long; the column goes to 2^64-1.
    String upper = min == 0 && max == Long.MAX_VALUE ? "18446744073709551615" : Long.toString(max);
    return new IllegalArgumentException(
        column.name() + ": " + value + " (expected: " + min + " to " + upper + ")");
  }

  private static <T> T as(Class<T> type, Object value, ColumnDefinition column) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          column.name()
              + ": "
              + value.getClass().getSimpleName()
              + " (expected: "
              + type.getSimpleName()
              + " for column type 0x"
              + Integer.toHexString(column.type())
              + ")");
    }
    return type.cast(value);
  }

  private static String unsupported(ColumnDefinition column) {
    return "column type of "
        + column.name()
        + ": 0x"
        + Integer.toHexString(column.type())
        + " (expected: a binary-protocol type)";
  }
}
