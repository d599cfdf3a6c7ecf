package io.shardway.server.backend;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * A backend's pooled connections as HikariCP counts them, for metrics and administration.
 *
 * @param active connections borrowed now
 * @param idle connections open and waiting in the pool
 * @param waiting threads waiting for a connection
 */
public record PoolCounts(int active, int idle, int waiting) {
  static final PoolCounts NONE = new PoolCounts(0, 0, 0);

  /** The connections open, borrowed or idle. */
  public int total() {
    return active + idle;
  }

  /** What {@code pool} counts now; none for a pool not opened yet (null). */
  static PoolCounts of(HikariDataSource pool) {
    HikariPoolMXBean counts = pool == null ? null : pool.getHikariPoolMXBean();
    if (counts == null) {
      return NONE;
    }
    return new PoolCounts(
        counts.getActiveConnections(),
        counts.getIdleConnections(),
        counts.getThreadsAwaitingConnection());
  }

  PoolCounts plus(PoolCounts other) {
    return new PoolCounts(active + other.active, idle + other.idle, waiting + other.waiting);
  }
}
