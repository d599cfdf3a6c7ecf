package io.shardway.server.backend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mysql.cj.MysqlConnection;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shardway.config.BackendAddress;
import io.shardway.config.BackendUser;
import io.shardway.config.Pool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections to one backend server. mysql-connector-j opens them and HikariCP pools them.
 *
 * <p>Whether UPDATE reports found or changed rows is fixed when a connection is opened
 * (CLIENT_FOUND_ROWS), and clients differ on it, so there are two pools, each opened on first use.
 */
public final class BackendPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackendPool.class);

  private final String name;
  private final BackendAddress address;
  private final BackendUser user;
  private final Pool settings;
  private volatile HikariDataSource foundRows;
  private volatile HikariDataSource affectedRows;
  private final AtomicInteger inUse = new AtomicInteger();
  private final LoopConnections loopConnections;

  /** Keyed by the driver's physical connection, which HikariCP may close whenever it likes. */
  private final Cache<Object, PhysicalConnection> physical =
      Caffeine.newBuilder().weakKeys().build();

  public BackendPool(String name, BackendAddress address, BackendUser user, Pool settings) {
    this.name = name;
    this.address = address;
    this.user = user;
    this.settings = settings;
    this.loopConnections = new LoopConnections(name, address, user, settings);
  }

  /** The connections event loops drive themselves, for plain reads (see {@link LoopConnection}). */
  public LoopConnections loopConnections() {
    return loopConnections;
  }

  public String name() {
    return name;
  }

  public BackendAddress address() {
    return address;
  }

  /**
   * Borrows a connection, waiting up to the configured connection timeout.
   *
   * @param clientFoundRows whether the client asked for CLIENT_FOUND_ROWS
   */
  public BackendConnection borrow(boolean clientFoundRows) throws SQLException {
    Connection pooled = dataSource(clientFoundRows).getConnection();
    try {
      MysqlConnection driverConnection = pooled.unwrap(MysqlConnection.class);
      PhysicalConnection known = physical.getIfPresent(driverConnection);
      if (known == null) {
        known =
            new PhysicalConnection(
                BackendChannel.of(pooled), driverConnection.getSession().getThreadId());
        // The driver connected with allowMultiQueries=true and no default schema.
        known.state().multiStatements(true);
        physical.put(driverConnection, known);
      }
      BackendConnection connection = new BackendConnection(pooled, known, this, clientFoundRows);
      inUse.incrementAndGet();
      return connection;
    } catch (SQLException | RuntimeException e) {
      pooled.close();
      throw e;
    }
  }

  /**
   * A pooled connection for Shardway's own JDBC queries (start-up probes). Used through JDBC only,
   * so the driver's view of it stays true.
   */
  public Connection jdbcConnection() throws SQLException {
    return dataSource(true).getConnection();
  }

  /** Connections borrowed and not yet returned. */
  public int inUse() {
    return inUse.get();
  }

  /** Both pools' connections, as HikariCP counts them. */
  public PoolCounts connections() {
    return PoolCounts.of(foundRows).plus(PoolCounts.of(affectedRows));
  }

  /**
   * A connection of its own, outside the pool, for health checks: connecting and every read are
   * bounded by {@code timeout}.
   */
  public Connection connectUnpooled(Duration timeout) throws SQLException {
    Properties props = new Properties();
    props.putAll(driverProperties(true));
    props.setProperty("connectTimeout", Long.toString(timeout.toMillis()));
    props.setProperty("socketTimeout", Long.toString(timeout.toMillis()));
    props.setProperty("user", user.name());
    props.setProperty("password", user.password());
    return DriverManager.getConnection(jdbcUrl(), props);
  }

  void release(BackendConnection connection) {
    inUse.decrementAndGet();
    Connection pooled = connection.pooled();
    if (connection.isBroken()) {
      try {
        physical.invalidate(pooled.unwrap(MysqlConnection.class));
      } catch (SQLException e) {
        log.debug("backend {}: could not unwrap a broken connection", name, e);
      }
      dataSource(connection.foundRows()).evictConnection(pooled);
      return;
    }
    try {
      pooled.close();
    } catch (SQLException e) {
      log.warn("backend {}: returning a connection failed: {}", name, e.getMessage());
    }
  }

  private HikariDataSource dataSource(boolean clientFoundRows) {
    HikariDataSource ds = clientFoundRows ? foundRows : affectedRows;
    if (ds != null) {
      return ds;
    }
    synchronized (this) {
      ds = clientFoundRows ? foundRows : affectedRows;
      if (ds == null) {
        ds = new HikariDataSource(hikariConfig(clientFoundRows));
        if (clientFoundRows) {
          foundRows = ds;
        } else {
          affectedRows = ds;
        }
      }
      return ds;
    }
  }

  private HikariConfig hikariConfig(boolean clientFoundRows) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("shardway-" + name + (clientFoundRows ? "" : "-affected-rows"));
    config.setJdbcUrl(jdbcUrl());
    driverProperties(clientFoundRows).forEach(config::addDataSourceProperty);
    config.setUsername(user.name());
    config.setPassword(user.password());
    config.setMaximumPoolSize(settings.maxSize());
    config.setMinimumIdle(settings.minIdle());
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    config.setIdleTimeout(settings.idleTimeout().toMillis());
    config.setMaxLifetime(settings.maxLifetime().toMillis());
    // Start even when the backend is down; clients get the backend's error per statement.
    config.setInitializationFailTimeout(-1);
    return config;
  }

  private String jdbcUrl() {
    return "jdbc:mysql://" + address.host() + ":" + address.port() + "/";
  }

  private Map<String, String> driverProperties(boolean clientFoundRows) {
    Map<String, String> props = new TreeMap<>();
    props.put("sslMode", "DISABLED");
    props.put("allowPublicKeyRetrieval", "true");
    props.put("allowMultiQueries", "true");
    props.put("useAffectedRows", Boolean.toString(!clientFoundRows));
    props.put("tcpKeepAlive", "true");
    props.put("cacheServerConfiguration", "true");
    props.put("characterEncoding", "UTF-8");
    // Keep the server's sql_mode: the driver would add STRICT_TRANS_TABLES where it is missing,
    // and clients expect the mode the server gives them (loop connections keep it too).
    props.put("jdbcCompliantTruncation", "false");
    props.putAll(address.options());
    return props;
  }

  @Override
  public void close() {
    loopConnections.close();
    HikariDataSource a = foundRows;
    HikariDataSource b = affectedRows;
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }
}
