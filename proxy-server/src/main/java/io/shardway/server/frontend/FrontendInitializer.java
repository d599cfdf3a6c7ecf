package io.shardway.server.frontend;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.shardway.protocol.PacketDecoder;
import io.shardway.protocol.PacketEncoder;
import io.shardway.server.metrics.ClientTrafficMeter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The pipeline of a new client connection: framing, then the handshake. */
public final class FrontendInitializer extends ChannelInitializer<SocketChannel> {
  static final String HANDSHAKE_TIMEOUT = "handshake-timeout";

  /** MySQL's connect_timeout: how long a client may take to answer the handshake. */
  private static final int HANDSHAKE_TIMEOUT_SECONDS = 10;

  private final Frontend frontend;
  private final ClientTrafficMeter traffic;
  private final AtomicLong connectionIds = new AtomicLong();

  public FrontendInitializer(Frontend frontend) {
    this.frontend = frontend;
    this.traffic = new ClientTrafficMeter(frontend.sessionContext().metrics());
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ch.pipeline()
        .addLast("traffic", traffic)
        .addLast(
            HANDSHAKE_TIMEOUT, new ReadTimeoutHandler(HANDSHAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS))
        .addLast("decoder", new PacketDecoder(frontend.maxAllowedPacket()))
        .addLast("encoder", PacketEncoder.INSTANCE)
        .addLast("handshake", new HandshakeHandler(frontend, connectionIds.incrementAndGet()));
  }
}
