package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Readers and writers for the MySQL protocol's basic data types, named after the types of the
 * client/server protocol documentation: fixed-length integers ({@code int<n>}, little endian),
 * length-encoded integers ({@code int<lenenc>}), length-encoded strings ({@code string<lenenc>})
 * and NUL-terminated strings ({@code string<NUL>}).
 */
public final class PacketBuffers {

  /** The lenenc prefix of a NULL column value in a text row. */
  public static final int NULL_VALUE = 0xFB;

  private PacketBuffers() {}

  /**
   * Reads an {@code int<lenenc>}. The 0xFB prefix (NULL in text rows) and 0xFF (an error packet's
   * header) are not integers; callers that may see them check the first byte first.
   */
  public static long readLenencInt(ByteBuf buf) {
    int first = buf.readUnsignedByte();
    if (first < 0xFB) {
      return first;
    }
    switch (first) {
      case 0xFC:
        return buf.readUnsignedShortLE();
      case 0xFD:
        return buf.readUnsignedMediumLE();
      case 0xFE:
        return buf.readLongLE();
      default:
        throw new IllegalArgumentException(
            "not a length-encoded integer: first byte 0x" + Integer.toHexString(first));
    }
  }

  public static void writeLenencInt(ByteBuf buf, long value) {
    if (value < 0) {
      // Values above Long.MAX_VALUE (unsigned 64-bit) use the 8-byte form.
      buf.writeByte(0xFE).writeLongLE(value);
    } else if (value < 0xFB) {
      buf.writeByte((int) value);
    } else if (value < 0x1_0000) {
      buf.writeByte(0xFC).writeShortLE((int) value);
    } else if (value < 0x100_0000) {
      buf.writeByte(0xFD).writeMediumLE((int) value);
    } else {
      buf.writeByte(0xFE).writeLongLE(value);
    }
  }

  /** The number of bytes {@link #writeLenencInt} uses for {@code value}. */
  public static int lenencIntSize(long value) {
    if (value < 0) {
      return 9;
    } else if (value < 0xFB) {
      return 1;
    } else if (value < 0x1_0000) {
      return 3;
    } else if (value < 0x100_0000) {
      return 4;
    }
    return 9;
  }

  public static byte[] readLenencBytes(ByteBuf buf) {
    int length = checkedLength(readLenencInt(buf), buf);
    byte[] bytes = new byte[length];
    buf.readBytes(bytes);
    return bytes;
  }

  public static String readLenencString(ByteBuf buf, Charset charset) {
    int length = checkedLength(readLenencInt(buf), buf);
    String value = buf.toString(buf.readerIndex(), length, charset);
    buf.skipBytes(length);
    return value;
  }

  public static String readLenencString(ByteBuf buf) {
    return readLenencString(buf, StandardCharsets.UTF_8);
  }

  public static void writeLenencBytes(ByteBuf buf, byte[] bytes) {
    writeLenencInt(buf, bytes.length);
    buf.writeBytes(bytes);
  }

  public static void writeLenencString(ByteBuf buf, String value) {
    writeLenencBytes(buf, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a {@code string<NUL>}; a missing terminator reads to the end of the buffer. */
  public static String readNulString(ByteBuf buf, Charset charset) {
    int end = buf.indexOf(buf.readerIndex(), buf.writerIndex(), (byte) 0);
    int length = (end < 0 ? buf.writerIndex() : end) - buf.readerIndex();
    String value = buf.toString(buf.readerIndex(), length, charset);
    buf.skipBytes(end < 0 ? length : length + 1);
    return value;
  }

  public static String readNulString(ByteBuf buf) {
    return readNulString(buf, StandardCharsets.UTF_8);
  }

  public static void writeNulString(ByteBuf buf, String value) {
    buf.writeCharSequence(value, StandardCharsets.UTF_8);
    buf.writeByte(0);
  }

  /** Reads a {@code string<EOF>}: the rest of the packet. */
  public static String readRestString(ByteBuf buf, Charset charset) {
    String value = buf.toString(charset);
    buf.skipBytes(buf.readableBytes());
    return value;
  }

  public static byte[] readRestBytes(ByteBuf buf) {
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    return bytes;
  }

  private static int checkedLength(long length, ByteBuf buf) {
    if (length < 0 || length > buf.readableBytes()) {
      throw new IllegalArgumentException(
          "length-encoded value: " + length + " bytes (expected: <= " + buf.readableBytes() + ")");
    }
    return (int) length;
  }
}
