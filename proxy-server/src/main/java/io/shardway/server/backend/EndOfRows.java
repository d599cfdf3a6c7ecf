package io.shardway.server.backend;

import io.netty.buffer.ByteBuf;
import io.shardway.protocol.EofPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.PacketFraming;

/**
 * The packet that ends a result set's rows: an EOF packet, or with CLIENT_DEPRECATE_EOF an OK
 * packet with a 0xFE header. Its status flags and warnings are the result's.
 */
record EndOfRows(int statusFlags, int warnings) {

  /**
   * A 0xFE first byte ends rows only in a short packet: with CLIENT_DEPRECATE_EOF the end is an OK
   * packet (shorter than a frame), without it an EOF packet (shorter than 9 bytes). A longer packet
   * starting with 0xFE is a row whose first value has an 8-byte length.
   */
  static boolean is(int firstByte, int length, boolean deprecatesEof) {
    return firstByte == EofPacket.HEADER
        && length < (deprecatesEof ? PacketFraming.MAX_FRAME_PAYLOAD : 9);
  }

  /** Reads the end marker's payload, as the backend with or without DEPRECATE_EOF sent it. */
  static EndOfRows decode(ByteBuf payload, boolean deprecatesEof) {
    if (deprecatesEof) {
      OkPacket ok = OkPacket.decode(payload);
      return new EndOfRows(ok.statusFlags(), ok.warnings());
    }
    EofPacket eof = EofPacket.decode(payload);
    return new EndOfRows(eof.statusFlags(), eof.warnings());
  }
}
