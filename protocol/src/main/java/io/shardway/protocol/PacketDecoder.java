package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Turns a byte stream into {@link Packet}s. Frames of 2^24-1 bytes are joined with the frames that
 * follow them into one payload. A payload that would exceed the limit fails as soon as its header
 * says so, before its bytes are buffered.
 */
public final class PacketDecoder extends ByteToMessageDecoder {
  private final long maxPayloadLength;
  private CompositeByteBuf pending;
  private boolean failed;

  public PacketDecoder(long maxPayloadLength) {
    if (maxPayloadLength <= 0) {
      throw new IllegalArgumentException(
          "maxPayloadLength: " + maxPayloadLength + " (expected: > 0)");
    }
    this.maxPayloadLength = maxPayloadLength;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      // After an oversized packet the stream has no frame boundary left to trust.
      in.skipBytes(in.readableBytes());
      return;
    }
    while (in.readableBytes() >= PacketFraming.HEADER_SIZE) {
      int start = in.readerIndex();
      int length = in.getUnsignedMediumLE(start);
      int sequenceId = in.getUnsignedByte(start + 3);
      long soFar = pending == null ? 0 : pending.readableBytes();
      if (soFar + length > maxPayloadLength) {
        discardPending();
        failed = true;
        in.skipBytes(in.readableBytes());
        throw new PacketTooLargeException(soFar + length, maxPayloadLength);
      }
      if (in.readableBytes() < PacketFraming.HEADER_SIZE + length) {
        return;
      }
      in.skipBytes(PacketFraming.HEADER_SIZE);
      ByteBuf frame = in.readRetainedSlice(length);
      if (length == PacketFraming.MAX_FRAME_PAYLOAD) {
        if (pending == null) {
          pending = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
        }
        pending.addComponent(true, frame);
        continue;
      }
      if (pending != null) {
        pending.addComponent(true, frame);
        frame = pending;
        pending = null;
      }
      out.add(new Packet(sequenceId, frame));
    }
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) {
    discardPending();
  }

  private void discardPending() {
    if (pending != null) {
      pending.release();
      pending = null;
    }
  }
}
