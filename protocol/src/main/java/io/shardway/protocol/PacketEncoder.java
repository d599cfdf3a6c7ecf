package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Frames outbound {@link Packet}s; payloads of 16 MiB and more are split. */
@Sharable
public final class PacketEncoder extends MessageToByteEncoder<Packet> {
  public static final PacketEncoder INSTANCE = new PacketEncoder();

  private PacketEncoder() {}

  @Override
  protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Packet msg, boolean preferDirect) {
    int length = msg.payload().readableBytes();
    int frames = length / PacketFraming.MAX_FRAME_PAYLOAD + 1;
    return ctx.alloc().ioBuffer(length + frames * PacketFraming.HEADER_SIZE);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Packet msg, ByteBuf out) {
    PacketFraming.writeFrames(out, msg.sequenceId(), msg.payload());
  }
}
