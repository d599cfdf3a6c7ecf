package io.shardway.server.backend;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.shardway.config.BackendAddress;
import io.shardway.config.BackendUser;
import io.shardway.config.Pool;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.server.state.ConnectionState;
import io.shardway.server.state.StateSynchronizer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LoopConnection}s to one backend server. Each event loop keeps its own idle ones, so
 * taking and giving back needs no lock; all loops together stay within {@code
 * pool.loopConnections}, which come on top of the JDBC pool's {@code maxSize}.
 *
 * <p>Whether UPDATE reports found rows, and how result sets end, are fixed when a connection logs
 * in, so each connection is opened for one <em>flavor</em>: the client capabilities
 * CLIENT_FOUND_ROWS and CLIENT_DEPRECATE_EOF it copies. Its packets then reach the client as they
 * are.
 *
 * <p>A server that cannot be spoken to this way (none are configured, its driver options ask for
 * TLS or other settings, or its login needs what this path does not implement) gets no loop
 * connections at all, and every statement uses the JDBC pool.
 */
public final class LoopConnections implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LoopConnections.class);

  /** The client capabilities a connection copies. */
  public static final int FLAVOR_FLAGS =
      CapabilityFlags.CLIENT_FOUND_ROWS | CapabilityFlags.CLIENT_DEPRECATE_EOF;

  /** How many idle connections {@link #take} compares with the wanted state. */
  private static final int STATE_MATCH_SCAN = 8;

  private final String name;
  private final BackendAddress address;
  private final BackendUser user;
  private final Pool settings;
  private final AtomicInteger open = new AtomicInteger();
  private final LongAdder opened = new LongAdder();
  private final Map<EventLoop, Idle> idle = new ConcurrentHashMap<>();
  private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
  private volatile String unusable;
  private volatile boolean closed;

  LoopConnections(String name, BackendAddress address, BackendUser user, Pool settings) {
    this.name = name;
    this.address = address;
    this.user = user;
    this.settings = settings;
    if (settings.loopConnections() == 0) {
      unusable = "pool.loopConnections is 0";
    } else if (!address.options().isEmpty()) {
      unusable = "the server's address sets driver options";
    }
  }

  String name() {
    return name;
  }

  /** Whether statements may use loop connections to this server. */
  public boolean usable() {
    return unusable == null && !closed;
  }

  /**
   * An idle connection of {@code loop} for clients with {@code clientCapabilities}, preferring one
   * already in {@code wanted}'s state; null when none is idle. Call on {@code loop}.
   */
  public LoopConnection take(EventLoop loop, int clientCapabilities, ConnectionState wanted) {
    Idle forLoop = idle.get(loop);
    if (forLoop == null) {
      return null;
    }
    ArrayDeque<LoopConnection> connections = forLoop.of(clientCapabilities & FLAVOR_FLAGS);
    Iterator<LoopConnection> newestFirst = connections.descendingIterator();
    for (int i = 0; i < STATE_MATCH_SCAN && newestFirst.hasNext(); i++) {
      LoopConnection candidate = newestFirst.next();
      if (StateSynchronizer.inSync(wanted, candidate.state())) {
        newestFirst.remove();
        return candidate;
      }
    }
    return connections.pollLast();
  }

  /**
   * Opens a connection on {@code loop} for clients with {@code clientCapabilities}; null when the
   * server has {@code loopConnections} already. Completes on {@code loop}.
   */
  public Future<LoopConnection> open(
      EventLoop loop, Class<? extends Channel> channelType, int clientCapabilities) {
    if (open.incrementAndGet() > settings.loopConnections()) {
      open.decrementAndGet();
      return null;
    }
    opened.increment();
    int flavor = clientCapabilities & FLAVOR_FLAGS;
    Promise<LoopConnection> promise = loop.newPromise();
    long timeoutMillis = settings.connectionTimeout().toMillis();
    ChannelFuture connect =
        new Bootstrap()
            .group(loop)
            .channel(channelType)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeoutMillis, 60_000))
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    LoopConnection connection =
                        new LoopConnection(channel, LoopConnections.this, flavor);
                    connection.listen(new LoopLogin(connection, user, promise));
                    channel.pipeline().addLast(new FrameSplitter(), connection.handler());
                  }
                })
            .connect(address.host(), address.port());
    Channel channel = connect.channel();
    channels.add(channel);
    channel
        .closeFuture()
        .addListener(
            f -> {
              channels.remove(channel);
              open.decrementAndGet();
              Idle forLoop = idle.get(loop);
              if (forLoop != null) {
                forLoop.of(flavor).removeIf(c -> !c.isOpen());
              }
            });
    connect.addListener(
        f -> {
          if (!f.isSuccess()) {
            promise.tryFailure(f.cause());
          }
        });
    var timeout =
        loop.schedule(
            () -> {
              if (promise.tryFailure(new LoopLogin.Failure("login timed out", false))) {
                channel.close();
              }
            },
            timeoutMillis,
            TimeUnit.MILLISECONDS);
    promise.addListener(
        f -> {
          timeout.cancel(false);
          if (f.cause() instanceof LoopLogin.Failure failure && failure.permanent()) {
            unusable = failure.getMessage();
            log.warn(
                "backend {}: statements use the JDBC pool only: {}", name, failure.getMessage());
          }
        });
    return promise;
  }

  void giveBack(LoopConnection connection) {
    if (!connection.isOpen() || !usable()) {
      connection.close();
      return;
    }
    idle.computeIfAbsent(connection.eventLoop(), loop -> new Idle())
        .of(connection.flavor())
        .addLast(connection);
  }

  /** Loop connections open now, idle or busy. */
  public int openConnections() {
    return open.get();
  }

  /** Loop connections opened since the start, whether their login succeeded or not. */
  public long openedTotal() {
    return opened.sum();
  }

  @Override
  public void close() {
    closed = true;
    channels.forEach(Channel::close);
  }

  /** The idle connections of one event loop, one queue per flavor; touched on that loop only. */
  private static final class Idle {
    @SuppressWarnings("unchecked")
    private final ArrayDeque<LoopConnection>[] byFlavor = new ArrayDeque[4];

    ArrayDeque<LoopConnection> of(int flavor) {
      int index =
          (CapabilityFlags.has(flavor, CapabilityFlags.CLIENT_FOUND_ROWS) ? 1 : 0)
              | (CapabilityFlags.has(flavor, CapabilityFlags.CLIENT_DEPRECATE_EOF) ? 2 : 0);
      ArrayDeque<LoopConnection> queue = byFlavor[index];
      if (queue == null) {
        queue = new ArrayDeque<>();
        byFlavor[index] = queue;
      }
      return queue;
    }
  }
}
