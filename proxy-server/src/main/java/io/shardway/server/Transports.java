package io.shardway.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/** Linux's epoll transport where it is available (fewer copies and wakeups), else NIO. */
public final class Transports {
  private Transports() {}

  public static EventLoopGroup eventLoopGroup(int threads, String name) {
    WorkerThreadFactory factory = new WorkerThreadFactory(name);
    return Epoll.isAvailable()
        ? new EpollEventLoopGroup(threads, factory)
        : new NioEventLoopGroup(threads, factory);
  }

  public static Class<? extends ServerChannel> serverChannel() {
    return Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }
}
