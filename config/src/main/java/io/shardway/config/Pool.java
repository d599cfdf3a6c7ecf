package io.shardway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The connection pool kept for each backend server (key {@code pool}). The names and meanings are
 * HikariCP's, which the proxy uses.
 *
 * @param maxSize the most connections to one server; defaults to 16
 * @param minIdle the idle connections kept open; defaults to 0; at most {@code maxSize}
 * @param connectionTimeout how long a statement waits for a free connection; defaults to 30s
 * @param idleTimeout how long a connection above {@code minIdle} may stay idle; defaults to 10m
 * @param maxLifetime when a connection is retired; defaults to 30m, below MySQL's {@code
 *     wait_timeout} of 8h so the server never closes a pooled connection first
 * @param loopConnections connections to one server, besides {@code maxSize}, that the event loops
 *     drive themselves for plain autocommit SELECTs, with no thread hand-off; defaults to 16; 0
 *     sends every statement through the JDBC pool
 */
public record Pool(
    int maxSize,
    int minIdle,
    Duration connectionTimeout,
    Duration idleTimeout,
    Duration maxLifetime,
    int loopConnections) {

  /** The settings used when the file has no {@code pool} key, or leaves some out. */
  public static final Pool DEFAULTS =
      new Pool(16, 0, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(30), 16);

  /** Checks the arguments. */
  public Pool {
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(maxLifetime, "maxLifetime");
  }
}
