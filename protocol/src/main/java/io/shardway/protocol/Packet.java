package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One logical MySQL packet: its payload, already joined when the sender split it into 16 MiB
 * frames, and the sequence id of the last frame it arrived in (the reply continues from there).
 */
public final class Packet extends DefaultByteBufHolder {
  private final int sequenceId;

  public Packet(int sequenceId, ByteBuf payload) {
    super(payload);
    this.sequenceId = sequenceId;
  }

  public int sequenceId() {
    return sequenceId;
  }

  public ByteBuf payload() {
    return content();
  }

  /** The sequence id the first packet of the reply must carry. */
  public int nextSequenceId() {
    return (sequenceId + 1) & 0xFF;
  }

  @Override
  public String toString() {
    return "Packet(seq=" + sequenceId + ", " + content().readableBytes() + " bytes)";
  }
}
