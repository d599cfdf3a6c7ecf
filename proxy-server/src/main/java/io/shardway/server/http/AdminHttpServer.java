package io.shardway.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.shardway.config.Admin;
import io.shardway.server.Transports;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP endpoint: health probes, Prometheus scrapes and the {@code /admin} pages (see
 * {@link AdminEndpoints}).
 *
 * <p>It runs on an event loop of its own, one thread, rather than on the client listener's groups:
 * formatting a scrape of many series or serving a slow HTTP client then never delays a MySQL
 * client's I/O, and a liveness probe is answered even while the client event loops are saturated.
 * The client listener's boss thread is no better a home, since it accepts every MySQL connection.
 */
public final class AdminHttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdminHttpServer.class);

  /** Requests are GETs without a body; a larger one is not for this endpoint. */
  private static final int MAX_CONTENT_BYTES = 4 * 1024;

  /** A kept-alive connection idle this long (a scraper that went away) is closed. */
  private static final int IDLE_SECONDS = 120;

  private final EventLoopGroup loop;
  private final Channel listener;

  private AdminHttpServer(EventLoopGroup loop, Channel listener) {
    this.loop = loop;
    this.listener = listener;
  }

  /**
   * Listens where {@code settings} say; returns once the port is bound.
   *
   * @throws IllegalStateException if the address cannot be bound (a port in use)
   */
  public static AdminHttpServer start(Admin settings, AdminEndpoints endpoints) {
    EventLoopGroup loop = Transports.eventLoopGroup(1, "shardway-admin");
    AdminHttpHandler handler = new AdminHttpHandler(endpoints);
    ChannelFuture bound =
        new ServerBootstrap()
            .group(loop)
            .channel(Transports.serverChannel())
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new ReadTimeoutHandler(IDLE_SECONDS, TimeUnit.SECONDS))
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_CONTENT_BYTES))
                        .addLast(handler);
                  }
                })
            .bind(settings.host(), settings.port())
            .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      throw new IllegalStateException(
          "cannot listen on " + settings.host() + ":" + settings.port() + " (admin)",
          bound.cause());
    }
    AdminHttpServer server = new AdminHttpServer(loop, bound.channel());
    log.info(
        "Admin endpoint on http://{}:{} (/health/live, /health/ready, /metrics, /admin/...)",
        settings.host(),
        server.address().getPort());
    return server;
  }

  /** The bound address (with the port chosen when the settings asked for port 0). */
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
