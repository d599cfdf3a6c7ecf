package io.shardway.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Writes payloads as MySQL frames: a 3-byte little-endian length, a 1-byte sequence id, then at
 * most {@link #MAX_FRAME_PAYLOAD} bytes. A payload of exactly that size or more continues in the
 * next frame, and a payload whose size is a multiple of it ends with an empty frame, so the reader
 * can tell where it stops.
 */
public final class PacketFraming {
  /** 2^24 - 1: a frame of this length means "more frames follow". */
  public static final int MAX_FRAME_PAYLOAD = 0xFF_FFFF;

  public static final int HEADER_SIZE = 4;

  private PacketFraming() {}

  /**
   * Appends {@code payload}'s readable bytes to {@code out} as one or more frames, starting at
   * {@code sequenceId}, and returns the sequence id that follows. The payload is not consumed.
   */
  public static int writeFrames(ByteBuf out, int sequenceId, ByteBuf payload) {
    int index = payload.readerIndex();
    int remaining = payload.readableBytes();
    int seq = sequenceId;
    while (true) {
      int chunk = Math.min(remaining, MAX_FRAME_PAYLOAD);
      out.writeMediumLE(chunk).writeByte(seq);
      out.writeBytes(payload, index, chunk);
      seq = (seq + 1) & 0xFF;
      index += chunk;
      remaining -= chunk;
      if (chunk < MAX_FRAME_PAYLOAD) {
        return seq;
      }
    }
  }

  /**
   * Writes a frame header whose payload the caller writes next; for payloads known to be shorter
   * than one frame (OK, ERR, EOF and most rows), which saves a copy.
   */
  public static int writeHeader(ByteBuf out, int payloadLength, int sequenceId) {
    if (payloadLength >= MAX_FRAME_PAYLOAD) {
      throw new IllegalArgumentException(
          "payloadLength: " + payloadLength + " (expected: < " + MAX_FRAME_PAYLOAD + ")");
    }
    out.writeMediumLE(payloadLength).writeByte(sequenceId);
    return (sequenceId + 1) & 0xFF;
  }
}
