package io.shardway.server.frontend;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.PacketFraming;
import io.shardway.protocol.PacketTooLargeException;
import io.shardway.server.metrics.ConnectionRejection;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a client connection ends because of what came over the wire: a packet over
 * max_allowed_packet gets MySQL's error 1153 first, anything else a log line. Only that client is
 * closed; the server keeps serving the others.
 */
final class ProtocolErrors {
  private static final Logger log = LoggerFactory.getLogger(ProtocolErrors.class);

  private ProtocolErrors() {}

  static void closeOnError(ChannelHandlerContext ctx, Throwable cause, String who) {
    Throwable root = rootOf(cause);
    if (root instanceof PacketTooLargeException) {
      log.info("{} from {}: closing, {}", who, ctx.channel().remoteAddress(), root.getMessage());
      ErrPacket err =
          new ErrPacket(1153, "08S01", "Got a packet bigger than 'max_allowed_packet' bytes");
      ByteBuf out = ctx.alloc().buffer(64);
      int start = out.writerIndex();
      out.writeInt(0);
      err.encode(out);
      // The client's sequence is lost; MySQL answers such a packet with sequence id 1 too.
      out.setMediumLE(start, out.writerIndex() - start - PacketFraming.HEADER_SIZE);
      out.setByte(start + 3, 1);
      ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    if (root instanceof ReadTimeoutException) {
      log.info(
          "{} from {}: closing, no handshake response in time", who, ctx.channel().remoteAddress());
    } else if (root instanceof IOException) {
      log.debug(
          "{} from {}: connection error: {}", who, ctx.channel().remoteAddress(), root.toString());
    } else {
      log.info(
          "{} from {}: closing, malformed input: {}",
          who,
          ctx.channel().remoteAddress(),
          root.toString());
    }
    ctx.close();
  }

  /**
   * Why a connection that fails with {@code cause} before it became a session counts as rejected,
   * or null when the client just went away.
   */
  static ConnectionRejection rejection(Throwable cause) {
    Throwable root = rootOf(cause);
    if (root instanceof ReadTimeoutException) {
      return ConnectionRejection.TIMEOUT;
    }
    // A TLS handshake that fails is the client's mistake, though SSLException is an IOException.
    return root instanceof IOException && !(root instanceof SSLException)
        ? null
        : ConnectionRejection.PROTOCOL;
  }

  private static Throwable rootOf(Throwable cause) {
    return cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
  }
}
