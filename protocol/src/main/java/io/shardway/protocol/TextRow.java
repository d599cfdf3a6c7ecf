package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of a text-protocol result set (ProtocolText::ResultsetRow): each value a length-encoded
 * string, NULL the single byte 0xFB. Values are the raw bytes the server sent.
 */
public final class TextRow {
  private TextRow() {}

  /** Decodes {@code columns} values; a null element is SQL NULL. */
  public static List<byte[]> decode(ByteBuf in, int columns) {
    List<byte[]> values = new ArrayList<>(columns);
    for (int i = 0; i < columns; i++) {
      if (in.getUnsignedByte(in.readerIndex()) == PacketBuffers.NULL_VALUE) {
        in.skipBytes(1);
        values.add(null);
      } else {
        values.add(PacketBuffers.readLenencBytes(in));
      }
    }
    return values;
  }

  public static void encode(ByteBuf out, List<byte[]> values) {
    for (byte[] value : values) {
      if (value == null) {
        out.writeByte(PacketBuffers.NULL_VALUE);
      } else {
        PacketBuffers.writeLenencBytes(out, value);
      }
    }
  }
}
