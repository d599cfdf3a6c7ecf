package io.shardway.server.frontend;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.shardway.protocol.Packet;
import io.shardway.server.session.ClientSession;

/** After authentication: hands each command to the session and tells it when the client goes. */
final class CommandHandler extends ChannelInboundHandlerAdapter {
  private final ClientSession session;
  private final ClientWriter writer;

  CommandHandler(ClientSession session, ClientWriter writer) {
    this.session = session;
    this.writer = writer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    session.enqueue((Packet) msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    session.closeAsync();
    ctx.fireChannelInactive();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    writer.writabilityChanged();
    session.writabilityChanged();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ProtocolErrors.closeOnError(ctx, cause, "session " + session.connectionId());
  }
}
