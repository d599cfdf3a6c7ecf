package io.shardway.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How reads are split between each shard group's primary and its replicas (key {@code readWrite}).
 *
 * <p>The {@link ReadYourWrites} mode decides how a session still sees its own writes when it next
 * reads from a replica:
 *
 * <ul>
 *   <li>{@code auto}: {@code gtid} when the backend reports GTIDs, {@code sticky} otherwise.
 *   <li>{@code gtid}: before reading from a replica, wait for it to apply the session's last write
 *       (by its GTID), for at most {@code gtidWaitTimeout}; when it has not by then, read from the
 *       primary.
 *   <li>{@code sticky}: after a write, the session's reads go to the primary for {@code
 *       stickyAfterWrite}.
 * </ul>
 *
 * @param stickyAfterWrite how long after a write the session's reads stay on the primary (key
 *     {@code stickyAfterWrite}); defaults to 2s, at least 0; 0 lets the read right after a write go
 *     to a replica when the GTID check allows
 * @param readYourWrites how a session reads its own writes (key {@code readYourWrites}: {@code
 *     auto}, {@code gtid} or {@code sticky}); defaults to {@code auto}
 * @param gtidWaitTimeout how long a read waits for a replica to apply the session's last write
 *     before going to the primary instead (key {@code gtidWaitTimeout}); defaults to 50ms, from 0
 *     to 10s
 * @param maxReplicaLag a replica that lags its primary by more than this takes no reads until it
 *     catches up (key {@code maxReplicaLag}); defaults to 5s, longer than 0
 * @param balance how reads are spread over a group's replicas (key {@code balance}: {@code
 *     round-robin}, {@code weighted} or {@code least-outstanding}); defaults to {@code round-robin}
 * @param monitorInterval how often each server's health, and each replica's lag, are checked (key
 *     {@code monitorInterval}); defaults to 1s, from 10ms to 1h
 * @param heartbeatTable when present, the table where the proxy writes a heartbeat row on each
 *     primary, and from which it measures each replica's lag (optional key {@code heartbeatTable});
 *     written {@code schema.table}, each part letters, digits, {@code _} or {@code $}
 */
public record ReadWrite(
    Duration stickyAfterWrite,
    ReadYourWrites readYourWrites,
    Duration gtidWaitTimeout,
    Duration maxReplicaLag,
    Balance balance,
    Duration monitorInterval,
    Optional<String> heartbeatTable) {

  // Declared before DEFAULTS, whose construction checks against them.
  static final Duration MAX_GTID_WAIT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration MIN_MONITOR_INTERVAL = Duration.ofMillis(10);
  static final Duration MAX_MONITOR_INTERVAL = Duration.ofHours(1);
  static final Pattern HEARTBEAT_TABLE = Pattern.compile("[A-Za-z0-9_$]+\\.[A-Za-z0-9_$]+");

  /** The settings used when the file has no {@code readWrite} key, or leaves some out. */
  public static final ReadWrite DEFAULTS =
      new ReadWrite(
          Duration.ofSeconds(2),
          ReadYourWrites.AUTO,
          Duration.ofMillis(50),
          Duration.ofSeconds(5),
          Balance.ROUND_ROBIN,
          Duration.ofSeconds(1),
          Optional.empty());

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if a duration is outside its range (see the components), or
   *     {@code heartbeatTable} is not {@code schema.table}
   */
  public ReadWrite {
    Objects.requireNonNull(stickyAfterWrite, "stickyAfterWrite");
    Objects.requireNonNull(readYourWrites, "readYourWrites");
    Objects.requireNonNull(gtidWaitTimeout, "gtidWaitTimeout");
    Objects.requireNonNull(maxReplicaLag, "maxReplicaLag");
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(monitorInterval, "monitorInterval");
    Objects.requireNonNull(heartbeatTable, "heartbeatTable");
    require(
        !stickyAfterWrite.isNegative(),
        "stickyAfterWrite must not be negative, got " + stickyAfterWrite);
    require(
        !gtidWaitTimeout.isNegative() && gtidWaitTimeout.compareTo(MAX_GTID_WAIT_TIMEOUT) <= 0,
        "gtidWaitTimeout must be between 0ms and 10s, got " + gtidWaitTimeout);
    require(
        !maxReplicaLag.isNegative() && !maxReplicaLag.isZero(),
        "maxReplicaLag must be longer than 0ms, got " + maxReplicaLag);
    require(
        monitorInterval.compareTo(MIN_MONITOR_INTERVAL) >= 0
            && monitorInterval.compareTo(MAX_MONITOR_INTERVAL) <= 0,
        "monitorInterval must be between 10ms and 1h, got " + monitorInterval);
    heartbeatTable.ifPresent(
        table ->
            require(
                HEARTBEAT_TABLE.matcher(table).matches(),
                "heartbeatTable must be schema.table, got \"" + table + "\""));
  }

  private static void require(boolean valid, String message) {
    if (!valid) {
      throw new IllegalArgumentException(message);
    }
  }

  /** How a session reads its own writes once reads may go to replicas. */
  public enum ReadYourWrites {
    /** {@link #GTID} when the backend reports GTIDs, {@link #STICKY} otherwise. */
    AUTO("auto"),
    /**
     * Wait, up to {@code gtidWaitTimeout}, for the replica to apply the session's last write; read
     * from the primary when it has not.
     */
    GTID("gtid"),
    /** Read from the primary for {@code stickyAfterWrite} after each write. */
    STICKY("sticky");

    private final String yamlName;

    ReadYourWrites(String yamlName) {
      this.yamlName = yamlName;
    }

    /** Returns the value as written in the file. */
    public String yamlName() {
      return yamlName;
    }
  }

  /** How reads are spread over the replicas of a shard group. */
  public enum Balance {
    /** Each replica in turn. */
    ROUND_ROBIN("round-robin"),
    /** Each replica in proportion to its {@link Replica#weight()}. */
    WEIGHTED("weighted"),
    /** The replica with the fewest statements in flight from this proxy. */
    LEAST_OUTSTANDING("least-outstanding");

    private final String yamlName;

    Balance(String yamlName) {
      this.yamlName = yamlName;
    }

    /** Returns the value as written in the file. */
    public String yamlName() {
      return yamlName;
    }
  }
}
