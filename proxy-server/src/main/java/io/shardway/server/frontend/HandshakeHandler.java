package io.shardway.server.frontend;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.HandshakeResponse;
import io.shardway.protocol.HandshakeV10;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.Packet;
import io.shardway.protocol.PacketDecoder;
import io.shardway.protocol.ServerStatus;
import io.shardway.protocol.auth.Scramble;
import io.shardway.server.metrics.ConnectionRejection;
import io.shardway.server.session.ClientSession;
import io.shardway.server.session.SessionStart;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection phase, on the event loop: handshake, optional switch to TLS, authentication and
 * schema check. On success it hands the channel to a {@link ClientSession}.
 */
final class HandshakeHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(HandshakeHandler.class);

  private final Frontend frontend;
  private final long connectionId;
  private final byte[] scramble = Scramble.generate();
  private AuthExchange exchange;
  private HandshakeResponse response;
  private boolean tls;
  private String host;

  HandshakeHandler(Frontend frontend, long connectionId) {
    this.frontend = frontend;
    this.connectionId = connectionId;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    host = hostOf(ctx.channel().remoteAddress());
    HandshakeV10 handshake =
        new HandshakeV10(
            frontend.serverVersion(),
            connectionId,
            scramble,
            frontend.capabilities(),
            frontend.serverCollationId(),
            ServerStatus.AUTOCOMMIT,
            frontend.authSettings().plugin());
    ByteBuf payload = ctx.alloc().buffer(128);
    handshake.encode(payload);
    ctx.writeAndFlush(new Packet(0, payload));
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Packet packet = (Packet) msg;
    try {
      ByteBuf payload = packet.payload();
      if (exchange == null) {
        if (HandshakeResponse.isSslRequest(payload)) {
          startTls(ctx);
          return;
        }
        response = HandshakeResponse.decode(payload);
        exchange = new AuthExchange(frontend.authSettings(), scramble, tls, host);
        proceed(
            ctx,
            packet.nextSequenceId(),
            exchange.start(
                response.username(), response.authResponse(), response.authPluginName()));
      } else {
        proceed(ctx, packet.nextSequenceId(), exchange.next(payload));
      }
    } catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
      log.info(
          "connection {} from {}: closing, malformed handshake: {}",
          connectionId,
          host,
          e.getMessage());
      rejected(ConnectionRejection.PROTOCOL);
      ctx.close();
    } finally {
      packet.release();
    }
  }

  private void startTls(ChannelHandlerContext ctx) {
    if (frontend.sslContext() == null || tls) {
      log.info("connection {} from {}: closing, TLS requested but not offered", connectionId, host);
      rejected(ConnectionRejection.PROTOCOL);
      ctx.close();
      return;
    }
    tls = true;
    SslHandler handler = frontend.sslContext().newHandler(ctx.alloc());
    // The client sends its TLS ClientHello right after the SSLRequest without waiting, so the
    // packet decoder may already hold the start of it. Replacing the decoder with the TLS handler
    // hands those bytes to TLS (Netty forwards a removed decoder's buffer to its replacement);
    // a fresh decoder frames what TLS decrypts.
    ctx.pipeline().addAfter("decoder", "frames", new PacketDecoder(frontend.maxAllowedPacket()));
    ctx.pipeline().replace("decoder", "tls", handler);
  }

  private void proceed(ChannelHandlerContext ctx, int sequenceId, AuthExchange.Step step) {
    int seq = sequenceId;
    for (ByteBuf reply : step.replies()) {
      ctx.write(new Packet(seq, reply));
      seq = (seq + 1) & 0xFF;
    }
    if (step.error() != null) {
      log.info("connection {} from {}: {}", connectionId, host, printable(step.error().message()));
      rejected(ConnectionRejection.AUTH);
      fail(ctx, seq, step.error());
      return;
    }
    if (step.user() == null) {
      ctx.flush();
      return;
    }
    String schema = emptyToNull(response.database());
    if (schema != null) {
      ErrPacket denied = frontend.sessionContext().schemas().check(step.user(), host, schema);
      if (denied != null) {
        rejected(ConnectionRejection.SCHEMA);
        fail(ctx, seq, denied);
        return;
      }
    }
    int capabilities = response.capabilities() & frontend.capabilities();
    ByteBuf ok = ctx.alloc().buffer(16);
    new OkPacket(0, 0, ServerStatus.AUTOCOMMIT, 0).encode(ok);
    ctx.writeAndFlush(new Packet(seq, ok));

    ClientWriter writer = new ClientWriter(ctx.channel());
    SessionStart start =
        new SessionStart(
            step.user(), host, capabilities, response.characterSet(), schema, scramble);
    ClientSession session =
        new ClientSession(connectionId, ctx.channel(), writer, frontend.sessionContext(), start);
    ctx.pipeline().remove(FrontendInitializer.HANDSHAKE_TIMEOUT);
    ctx.pipeline().replace(this, "commands", new CommandHandler(session, writer));
    log.debug(
        "connection {} from {}: user {} authenticated, capabilities 0x{}",
        connectionId,
        host,
        step.user().name(),
        Integer.toHexString(capabilities));
  }

  private void fail(ChannelHandlerContext ctx, int sequenceId, ErrPacket error) {
    ByteBuf payload = ctx.alloc().buffer(64);
    error.encode(payload);
    ctx.writeAndFlush(new Packet(sequenceId, payload)).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    rejected(ProtocolErrors.rejection(cause));
    ProtocolErrors.closeOnError(ctx, cause, "connection " + connectionId);
  }

  private void rejected(ConnectionRejection reason) {
    if (reason != null) {
      frontend.sessionContext().metrics().rejected(reason);
    }
  }

  /** The message with control characters shown as '?', so a client cannot forge log lines. */
  private static String printable(String message) {
    StringBuilder out = new StringBuilder(message.length());
    message.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return out.toString();
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static String hostOf(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
    }
    return "localhost";
  }

  static int serverCapabilities(boolean tlsConfigured) {
    return CapabilityFlags.SERVER_DEFAULT | (tlsConfigured ? CapabilityFlags.CLIENT_SSL : 0);
  }
}
