package io.shardway.server.it;

import io.shardway.config.Auth;
import io.shardway.config.BackendAddress;
import io.shardway.config.BackendUser;
import io.shardway.config.Listen;
import io.shardway.config.Pool;
import io.shardway.config.ReadWrite;
import io.shardway.config.SchemaConfig;
import io.shardway.config.ShardGroup;
import io.shardway.config.ShardwayConfig;
import io.shardway.config.Tls;
import io.shardway.config.User;
import io.shardway.server.ShardwayServer;
import io.shardway.testcluster.DemoSchema;
import io.shardway.testcluster.MariaDbServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One real MariaDB and one Shardway in front of it, shared by every integration test in the JVM
 * (starting MariaDB takes seconds). Tests that need other settings start their own proxy with
 * {@link #startProxy} against the same MariaDB.
 */
public final class TestCluster {
  public static final String APP_USER = "app";
  public static final String APP_PASSWORD = "app-secret";

  /** May use {@code otherdb} only. */
  public static final String LIMITED_USER = "limited";

  public static final String LIMITED_PASSWORD = "limited-secret";
  public static final String OTHER_SCHEMA = "otherdb";
  static final String BACKEND_USER = "shardway";
  static final String BACKEND_PASSWORD = "backend-secret";

  private static TestCluster instance;

  private final MariaDbServer mariadb;
  private final ShardwayServer proxy;

  private TestCluster(MariaDbServer mariadb, ShardwayServer proxy) {
    this.mariadb = mariadb;
    this.proxy = proxy;
  }

  public static synchronized TestCluster get() {
    if (instance == null) {
      MariaDbServer mariadb = MariaDbServer.start();
      DemoSchema.load(mariadb);
      mariadb.execute(
          "CREATE DATABASE " + OTHER_SCHEMA + " CHARACTER SET utf8mb4",
          "CREATE TABLE " + OTHER_SCHEMA + ".t (id INT PRIMARY KEY)");
      mariadb.createUser(BACKEND_USER, BACKEND_PASSWORD);
      try {
        ShardwayServer proxy = ShardwayServer.start(config(mariadb, Auth.DEFAULTS, Pool.DEFAULTS));
        instance = new TestCluster(mariadb, proxy);
        Runtime.getRuntime().addShutdownHook(new Thread(proxy::close, "test-proxy-shutdown"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  public MariaDbServer mariadb() {
    return mariadb;
  }

  public ShardwayServer proxy() {
    return proxy;
  }

  /** A proxy of its own, with other auth or pool settings, in front of the shared MariaDB. */
  public ShardwayServer startProxy(Auth auth, Pool pool) throws InterruptedException {
    return ShardwayServer.start(config(mariadb, auth, pool));
  }

  /**
   * A proxy of its own whose configuration is the shared proxy's, changed by {@code change} (see
   * {@link #withTls}, {@link #withAuth}, {@link #withPool}, {@link #withMaxAllowedPacket}).
   */
  public ShardwayServer startProxy(UnaryOperator<ShardwayConfig> change)
      throws InterruptedException {
    return ShardwayServer.start(change.apply(config(mariadb, Auth.DEFAULTS, Pool.DEFAULTS)));
  }

  public static ShardwayConfig withTls(ShardwayConfig c, Tls tls) {
    return copy(c, Optional.of(tls), c.auth(), c.maxAllowedPacket(), c.pool(), c.readWrite());
  }

  public static ShardwayConfig withAuth(ShardwayConfig c, Auth auth) {
    return copy(c, c.tls(), auth, c.maxAllowedPacket(), c.pool(), c.readWrite());
  }

  public static ShardwayConfig withPool(ShardwayConfig c, Pool pool) {
    return copy(c, c.tls(), c.auth(), c.maxAllowedPacket(), pool, c.readWrite());
  }

  public static ShardwayConfig withMaxAllowedPacket(ShardwayConfig c, long bytes) {
    return copy(c, c.tls(), c.auth(), bytes, c.pool(), c.readWrite());
  }

  public static ShardwayConfig withReadWrite(ShardwayConfig c, ReadWrite readWrite) {
    return copy(c, c.tls(), c.auth(), c.maxAllowedPacket(), c.pool(), readWrite);
  }

  /** {@code c} with the settings tests vary replaced. */
  private static ShardwayConfig copy(
      ShardwayConfig c,
      Optional<Tls> tls,
      Auth auth,
      long maxAllowedPacket,
      Pool pool,
      ReadWrite readWrite) {
    return new ShardwayConfig(
        c.listen(),
        tls,
        auth,
        maxAllowedPacket,
        c.users(),
        c.backendUser(),
        c.shardGroups(),
        c.schemas(),
        pool,
        readWrite,
        c.admin(),
        c.workerId(),
        c.source());
  }

  /**
   * The default pool, resized, with JDBC connections only: for tests that count or share backend
   * connections.
   */
  public static Pool pool(int maxSize) {
    Pool d = Pool.DEFAULTS;
    return new Pool(maxSize, 0, Duration.ofSeconds(60), d.idleTimeout(), d.maxLifetime(), 0);
  }

  /** A pool of {@code maxSize} JDBC connections and {@code loop} loop connections per server. */
  public static Pool pool(int maxSize, int loop) {
    Pool d = Pool.DEFAULTS;
    return new Pool(maxSize, 0, Duration.ofSeconds(60), d.idleTimeout(), d.maxLifetime(), loop);
  }

  /** A mysql-connector-j URL to {@code schema} through the shared proxy. */
  public String proxyUrl(String schema, String options) {
    return url(proxy.port(), schema, options);
  }

  /** The same URL straight to MariaDB, for comparing answers. */
  public String directUrl(String schema, String options) {
    return url(mariadb.port(), schema, options);
  }

  public Connection proxyConnection(String options) throws SQLException {
    return DriverManager.getConnection(
        proxyUrl(DemoSchema.SCHEMA, options), APP_USER, APP_PASSWORD);
  }

  public Connection directConnection(String options) throws SQLException {
    return DriverManager.getConnection(
        directUrl(DemoSchema.SCHEMA, options), BACKEND_USER, BACKEND_PASSWORD);
  }

  static String url(int port, String schema, String options) {
    String base =
        "jdbc:mysql://127.0.0.1:"
            + port
            + "/"
            + schema
            + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    return options == null || options.isEmpty() ? base : base + "&" + options;
  }

  static ShardwayConfig config(MariaDbServer mariadb, Auth auth, Pool pool) {
    return config(new ShardGroup("s0", address(mariadb), List.of()), auth, pool);
  }

  static BackendAddress address(MariaDbServer server) {
    return new BackendAddress(server.host(), server.port(), Map.of());
  }

  /** The shared proxy's configuration, in front of shard group {@code group} (named s0). */
  static ShardwayConfig config(ShardGroup group, Auth auth, Pool pool) {
    Map<String, SchemaConfig> schemas = new LinkedHashMap<>();
    schemas.put(
        DemoSchema.SCHEMA, new SchemaConfig(DemoSchema.SCHEMA, DemoSchema.SCHEMA, "s0", Map.of()));
    schemas.put(OTHER_SCHEMA, new SchemaConfig(OTHER_SCHEMA, OTHER_SCHEMA, "s0", Map.of()));
    return new ShardwayConfig(
        new Listen("127.0.0.1", 0),
        Optional.empty(),
        auth,
        64L * 1024 * 1024,
        List.of(
            new User(APP_USER, APP_PASSWORD, List.of("*")),
            new User(LIMITED_USER, LIMITED_PASSWORD, List.of(OTHER_SCHEMA))),
        new BackendUser(BACKEND_USER, BACKEND_PASSWORD),
        Map.of("s0", group),
        schemas,
        pool,
        ReadWrite.DEFAULTS,
        Optional.empty(),
        0,
        Path.of("test-config.yaml"));
  }
}
