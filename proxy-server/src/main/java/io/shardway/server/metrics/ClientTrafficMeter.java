package io.shardway.server.metrics;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Counts client connections and the bytes they carry. First in every client pipeline, next to the
 * socket, so it sees the bytes as they cross the wire (still encrypted under TLS) and costs one
 * adder increment per read or write, on the event loop.
 */
@ChannelHandler.Sharable
public final class ClientTrafficMeter extends ChannelDuplexHandler {
  private final ShardwayMetrics metrics;

  public ClientTrafficMeter(ShardwayMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    metrics.connectionOpened();
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    metrics.connectionClosed();
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf bytes) {
      metrics.received(bytes.readableBytes());
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf bytes) {
      metrics.sent(bytes.readableBytes());
    }
    ctx.write(msg, promise);
  }
}
