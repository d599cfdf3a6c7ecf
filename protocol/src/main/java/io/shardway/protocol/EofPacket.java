package io.shardway.protocol;

import io.netty.buffer.ByteBuf;

/**
 * The EOF packet that ends column definitions and rows for clients without CLIENT_DEPRECATE_EOF. A
 * 0xFE first byte only means EOF when the payload is shorter than 9 bytes: a text row may also
 * start with 0xFE (an 8-byte length prefix).
 */
public record EofPacket(int warnings, int statusFlags) {
  public static final int HEADER = 0xFE;
  public static final int LENGTH = 5;

  public static boolean isEof(ByteBuf payload) {
    return payload.readableBytes() < 9
        && payload.isReadable()
        && payload.getUnsignedByte(payload.readerIndex()) == HEADER;
  }

  /** Decodes an EOF packet whose header byte is still unread. */
  public static EofPacket decode(ByteBuf payload) {
    payload.skipBytes(1);
    if (payload.readableBytes() < 4) {
      // Pre-4.1 servers sent a bare 0xFE; treat it as no warnings, no status.
      return new EofPacket(0, 0);
    }
    int warnings = payload.readUnsignedShortLE();
    int status = payload.readUnsignedShortLE();
    return new EofPacket(warnings, status);
  }

  public void encode(ByteBuf out) {
    out.writeByte(HEADER);
    out.writeShortLE(warnings);
    out.writeShortLE(statusFlags);
  }
}
