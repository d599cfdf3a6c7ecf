package io.shardway.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.shardway.config.SchemaConfig;
import io.shardway.config.ShardwayConfig;
import io.shardway.config.User;
import io.shardway.protocol.auth.RsaPasswordCipher;
import io.shardway.server.admin.AdminStatements;
import io.shardway.server.backend.BackendPool;
import io.shardway.server.frontend.AuthExchange;
import io.shardway.server.frontend.Frontend;
import io.shardway.server.frontend.FrontendInitializer;
import io.shardway.server.http.AdminEndpoints;
import io.shardway.server.http.AdminHttpServer;
import io.shardway.server.metrics.BackendCollector;
import io.shardway.server.metrics.PinCollector;
import io.shardway.server.metrics.ShardwayMetrics;
import io.shardway.server.session.ClientSession;
import io.shardway.server.session.PinStatistics;
import io.shardway.server.session.SchemaAccess;
import io.shardway.server.session.SessionContext;
import io.shardway.server.session.SessionRegistry;
import io.shardway.server.sharding.ShardedSchemas;
import io.shardway.server.topology.ShardGroups;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Shardway: the client listener, the backend pool, the shared session services and the
 * admin HTTP endpoint, wired together from a configuration. {@link #close} stops all of it.
 */
public final class ShardwayServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ShardwayServer.class);
  private static final long DRAIN_POLL_MILLIS = 20;

  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final ExecutorService sessionWorkers;
  private final ShardGroups backends;
  private final SessionContext sessions;
  private final Channel listener;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Null when the configuration turns the admin endpoint off. */
  private final AdminHttpServer admin;

  private ShardwayServer(
      EventLoopGroup bossGroup,
      EventLoopGroup workerGroup,
      ExecutorService sessionWorkers,
      ShardGroups backends,
      SessionContext sessions,
      Channel listener,
      AdminHttpServer admin) {
    this.bossGroup = bossGroup;
    this.workerGroup = workerGroup;
    this.sessionWorkers = sessionWorkers;
    this.backends = backends;
    this.sessions = sessions;
    this.listener = listener;
    this.admin = admin;
  }

  /** Starts listening as the configuration says; returns once the port is bound. */
  public static ShardwayServer start(ShardwayConfig config) throws InterruptedException {
    ShardGroups backends = ShardGroups.open(config);
    BackendPool first = backends.group(firstGroupName(config)).members().get(0).pool();
    BackendIdentity identity = BackendIdentity.probe(first);
    ExecutorService workers =
        Executors.newCachedThreadPool(new WorkerThreadFactory("shardway-session"));
    SessionRegistry registry = new SessionRegistry();
    PinStatistics pins = new PinStatistics();
    ShardwayMetrics metrics = new ShardwayMetrics();
    new BackendCollector(backends).register(metrics.registry());
    new PinCollector(pins).register(metrics.registry());
    SessionContext sessions =
        new SessionContext(
            backends,
            new ShardedSchemas(config.schemas(), config.workerId()),
            config.readWrite(),
            new SchemaAccess(config.schemas()),
            identity.collations(),
            new AuthExchange.AuthSettings(
                usersByName(config),
                config.auth().defaultPlugin(),
                config.auth().requireFullAuth(),
                RsaPasswordCipher.generate()),
            pins,
            registry,
            new AdminStatements(registry, pins, backends),
            workers,
            metrics);
    Frontend frontend =
        new Frontend(
            identity.serverVersion(),
            identity.collationId(),
            sslContext(config),
            config.maxAllowedPacket(),
            sessions);
    EventLoopGroup boss = Transports.eventLoopGroup(1, "shardway-accept");
    EventLoopGroup io = Transports.eventLoopGroup(0, "shardway-io");
    Channel listener = null;
    try {
      listener =
          new ServerBootstrap()
              .group(boss, io)
              .channel(Transports.serverChannel())
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childOption(
                  ChannelOption.WRITE_BUFFER_WATER_MARK,
                  new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
              .childHandler(new FrontendInitializer(frontend))
              .bind(config.listen().host(), config.listen().port())
              .sync()
              .channel();
      AdminHttpServer admin =
          config.admin().isEmpty()
              ? null
              : AdminHttpServer.start(
                  config.admin().get(), new AdminEndpoints(metrics.registry(), backends, config));
      ShardwayServer server =
          new ShardwayServer(boss, io, workers, backends, sessions, listener, admin);
      log.info(
          "Shardway listening on {}:{}, backend {} ({})",
          config.listen().host(),
          server.port(),
          first.address(),
          identity.serverVersion());
      return server;
    } catch (RuntimeException | InterruptedException e) {
      if (listener != null) {
        listener.close();
      }
      boss.shutdownGracefully();
      io.shutdownGracefully();
      workers.shutdownNow();
      backends.close();
      throw e;
    }
  }

  /** The port clients connect to (the bound one, when the configuration asked for port 0). */
  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** Where the admin endpoint listens; empty when the configuration turns it off. */
  public Optional<InetSocketAddress> adminAddress() {
    return Optional.ofNullable(admin).map(AdminHttpServer::address);
  }

  public SessionContext sessions() {
    return sessions;
  }

  /**
   * Stops as an orchestrator expects on SIGTERM: no new clients, the statements running now finish,
   * for up to {@code grace}, each session ending as soon as its statement has answered; then {@link
   * #close}. A command that comes meanwhile gets MySQL's "Server shutdown in progress".
   */
  public void shutDown(Duration grace) {
    listener.close().syncUninterruptibly();
    SessionRegistry registry = sessions.registry();
    log.info("Shardway stopping: {} client sessions end after their statements", registry.size());
    registry.sessions().forEach(ClientSession::drain);
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      while (registry.size() > 0 && System.nanoTime() - deadline < 0) {
        TimeUnit.MILLISECONDS.sleep(DRAIN_POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (registry.size() > 0) {
      log.warn("{} client sessions still busy after {}; closing them", registry.size(), grace);
    }
    close();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (admin != null) {
      admin.close();
    }
    listener.close().syncUninterruptibly();
    bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    sessionWorkers.shutdown();
    try {
      sessionWorkers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    backends.close();
    log.info("Shardway stopped");
  }

  /** The first schema's default group, whose primary Shardway asks what server to announce. */
  private static String firstGroupName(ShardwayConfig config) {
    SchemaConfig first = config.schemas().values().iterator().next();
    return first.defaultShardGroup();
  }

  private static Map<String, User> usersByName(ShardwayConfig config) {
    Map<String, User> users = new LinkedHashMap<>();
    config.users().forEach(u -> users.put(u.name(), u));
    return users;
  }

  private static SslContext sslContext(ShardwayConfig config) {
    if (config.tls().isEmpty()) {
      return null;
    }
    try {
      return SslContextBuilder.forServer(
              config.tls().get().certificate().toFile(), config.tls().get().key().toFile())
          .build();
    } catch (SSLException e) {
      throw new IllegalArgumentException(
          "cannot use the TLS certificate and key in " + config.source() + ": " + e.getMessage(),
          e);
    }
  }
}
