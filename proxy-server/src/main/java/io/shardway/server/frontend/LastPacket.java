package io.shardway.server.frontend;

import io.netty.buffer.ByteBuf;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.PacketFraming;

/**
 * Where the last packet of the response a {@link ClientWriter} is writing begins, so that whether
 * the response ended in an ERR packet, and which, is known whoever wrote it: Shardway's own errors,
 * and the backend's relayed byte for byte. Only a response's last packet is ever an ERR.
 */
final class LastPacket {
  /** Where the last packet starts in the writer's buffer; -1 once flushed or taken back. */
  private int start = -1;

  /** Whether the last frame was full, so that the next one continues its packet. */
  private boolean continuing;

  /** The error code of the last packet flushed when it was an ERR packet, else 0. */
  private int flushedErrorCode;

  /** A new response. */
  void reset() {
    start = -1;
    continuing = false;
    flushedErrorCode = 0;
  }

  /** A whole packet starts at {@code index}. */
  void packetAt(int index) {
    start = index;
    continuing = false;
  }

  /** A frame of {@code length} bytes starts at {@code index}: a packet, or the rest of one. */
  void frameAt(int index, int length) {
    if (!continuing) {
      start = index;
    }
    continuing = length == PacketFraming.MAX_FRAME_PAYLOAD;
  }

  /** The last packet was taken back: what is left ends with an earlier one, not an ERR. */
  void takenBack() {
    start = -1;
    flushedErrorCode = 0;
  }

  /** {@code buffer} goes to the client; the next packets start in another buffer. */
  void flushing(ByteBuf buffer) {
    if (start >= 0) {
      flushedErrorCode = errorCodeAt(buffer, start);
      start = -1;
    }
  }

  /** The unflushed buffer was dropped. */
  void discarded() {
    start = -1;
  }

  /** The error code of the ERR packet that is last so far, or 0; {@code buffer} is unflushed. */
  int errorCode(ByteBuf buffer) {
    return start >= 0 ? errorCodeAt(buffer, start) : flushedErrorCode;
  }

  private static int errorCodeAt(ByteBuf buffer, int packetStart) {
    int payload = packetStart + PacketFraming.HEADER_SIZE;
    boolean isError =
        buffer.writerIndex() >= payload + 3 && buffer.getUnsignedByte(payload) == ErrPacket.HEADER;
    return isError ? buffer.getUnsignedShortLE(payload + 1) : 0;
  }
}
