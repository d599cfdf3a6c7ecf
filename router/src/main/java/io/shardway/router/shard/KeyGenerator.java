package io.shardway.router.shard;

/**
 * Makes the shard keys of rows that an INSERT leaves without one, for a table whose configuration
 * names a {@code keyGenerator}: the backends cannot, since each group's {@code AUTO_INCREMENT}
 * counts on its own, and where a row goes depends on the key it does not have yet.
 *
 * <p>Implementations are thread-safe: every session of the proxy reserves from the same one.
 */
public interface KeyGenerator {

  /**
   * The most keys one call of {@link #reserve} may take: the sequence of one millisecond of {@link
   * SnowflakeIds}.
   */
  int MAX_RESERVATION = 4096;

  /**
   * Reserves {@code n} consecutive keys, {@code first} to {@code first + n - 1}, that no other
   * reservation returns. Consecutive, because a JDBC driver computes the generated keys of a
   * multi-row INSERT as the statement's last insert id plus the row's index.
   *
   * @param n from 1 to {@link #MAX_RESERVATION}
   * @return the first key, at least 0
   * @throws IllegalArgumentException if {@code n} is out of range
   */
  long reserve(int n);
}
