package io.shardway.server.backend;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.shardway.protocol.PacketFraming;
import io.shardway.server.state.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backend connection driven by an event loop instead of a thread of its own. It belongs to the
 * loop it was opened on and serves that loop's clients one command at a time: whoever sent the
 * command gets each frame of the response as it arrives, so a plain statement goes from client to
 * backend and back without leaving the loop.
 */
public final class LoopConnection {
  private static final Logger log = LoggerFactory.getLogger(LoopConnection.class);

  /** Receives the response to a command; every call runs on the connection's event loop. */
  public interface Listener {
    /** One whole frame, header included; the listener releases or forwards it. */
    void frame(ByteBuf frame);

    /** The socket has nothing more to read for now: the moment to flush what was forwarded. */
    void readComplete();

    /** The connection failed or closed; no more frames come. */
    void lost(String reason);
  }

  private final Channel channel;
  private final LoopConnections owner;
  private final int flavor;
  private final ConnectionState state = new ConnectionState();
  private int capabilities;
  private Listener listener;

  LoopConnection(Channel channel, LoopConnections owner, int flavor) {
    this.channel = channel;
    this.owner = owner;
    this.flavor = flavor;
  }

  /** Sends a command (its payload shorter than one frame) and hands its response to listener. */
  public void send(ByteBuf payload, Listener listener) {
    this.listener = listener;
    write(payload, 0);
  }

  /** Writes one packet and takes ownership of {@code payload}. */
  void write(ByteBuf payload, int sequenceId) {
    ByteBuf header = channel.alloc().ioBuffer(PacketFraming.HEADER_SIZE);
    PacketFraming.writeHeader(header, payload.readableBytes(), sequenceId);
    channel.write(header, channel.voidPromise());
    channel.writeAndFlush(payload, channel.voidPromise());
  }

  void listen(Listener listener) {
    this.listener = listener;
  }

  /** Authentication is over: these are the capabilities both sides agreed on. */
  void ready(int capabilities) {
    this.capabilities = capabilities;
    listener = null;
    // The login asked for CLIENT_MULTI_STATEMENTS.
    state.multiStatements(true);
  }

  /** The state Shardway last brought this connection to. */
  public ConnectionState state() {
    return state;
  }

  public int capabilities() {
    return capabilities;
  }

  /** The client capabilities this connection was opened to match (see {@link LoopConnections}). */
  int flavor() {
    return flavor;
  }

  public EventLoop eventLoop() {
    return channel.eventLoop();
  }

  /** Stops or resumes reading the response, while the client cannot take more. */
  public void autoRead(boolean enabled) {
    channel.config().setAutoRead(enabled);
  }

  boolean isOpen() {
    return channel.isActive();
  }

  /** Back to the idle connections of its loop, its response read to the end. */
  public void release() {
    listener = null;
    owner.giveBack(this);
  }

  /** Closes the connection, whose state or stream position is no longer known. */
  public void close() {
    listener = null;
    channel.close();
  }

  ChannelInboundHandlerAdapter handler() {
    return new Handler();
  }

  private final class Handler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf frame = (ByteBuf) msg;
      Listener current = listener;
      if (current == null) {
        frame.release();
        log.warn("backend {}: a packet arrived with no command outstanding; closing", owner.name());
        close();
        return;
      }
      current.frame(frame);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      Listener current = listener;
      if (current != null) {
        current.readComplete();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      Listener current = listener;
      listener = null;
      if (current != null) {
        current.lost("backend " + owner.name() + " closed the connection");
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug("backend {}: loop connection failed: {}", owner.name(), cause.toString());
      ctx.close();
    }
  }
}
