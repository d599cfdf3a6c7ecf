package io.shardway.server.backend;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.shardway.protocol.PacketFraming;
import java.util.List;

/**
 * Cuts a backend's byte stream into whole frames, each with its 4-byte header, without joining the
 * frames of a 16 MiB packet: a relay forwards each frame as soon as it is complete.
 */
final class FrameSplitter extends ByteToMessageDecoder {
  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= PacketFraming.HEADER_SIZE) {
      int length = in.getUnsignedMediumLE(in.readerIndex());
      if (in.readableBytes() < PacketFraming.HEADER_SIZE + length) {
        return;
      }
      out.add(in.readRetainedSlice(PacketFraming.HEADER_SIZE + length));
    }
  }
}
