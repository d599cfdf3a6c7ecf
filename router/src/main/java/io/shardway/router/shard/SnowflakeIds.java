package io.shardway.router.shard;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Snowflake keys: 64-bit numbers made of 41 bits of milliseconds since {@link #EPOCH}, 10 bits of
 * worker id and 12 bits of sequence, from the high bits to the low. Instances with different worker
 * ids never make the same key, and one instance's keys only grow, so they also sort by the time
 * they were made. The 41 bits last until 2095.
 *
 * <p>The time never goes back: when the clock steps back, keys keep the last time used, and when a
 * millisecond's 4096 keys are taken, the next keys take the next millisecond, ahead of the clock
 * until it catches up. Nothing waits.
 *
 * <p>The sequence goes on from one millisecond to the next instead of starting again at 0, so that
 * keys made one at a time do not all end in the same low bits, which the {@code mod} algorithm
 * would send to one shard. It starts again at 0 only where a reservation would overflow it.
 *
 * <p>Thread-safe: reservations are serialised, and each is a few arithmetic operations.
 */
public final class SnowflakeIds implements KeyGenerator {

  /** The time of the keys' timestamp 0: 2026-01-01T00:00:00Z. */
  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** The largest worker id: it has 10 bits. */
  public static final int MAX_WORKER_ID = 1023;

  private static final int TIMESTAMP_BITS = 41;
  private static final int WORKER_BITS = 10;
  private static final int SEQUENCE_BITS = 12;
  private static final long MAX_TIMESTAMP = (1L << TIMESTAMP_BITS) - 1;

  /** The keys of one millisecond: {@link #MAX_RESERVATION}, so any reservation fits in one. */
  private static final int SEQUENCE_SIZE = 1 << SEQUENCE_BITS;

  private final long worker;
  private final long epochMillis = EPOCH.toEpochMilli();
  private final InstantSource clock;

  /** Milliseconds since the epoch of the last reservation; never decreases. */
  private long timestamp;

  /** The first free sequence number of {@link #timestamp}. */
  private int sequence;

  /** Keys of worker {@code workerId}, from the system clock. */
  public SnowflakeIds(int workerId) {
    this(workerId, InstantSource.system());
  }

  /**
   * Keys of worker {@code workerId}, from {@code clock}.
   *
   * @param workerId from 0 to {@value #MAX_WORKER_ID}
   */
  public SnowflakeIds(int workerId, InstantSource clock) {
    if (workerId < 0 || workerId > MAX_WORKER_ID) {
      throw new IllegalArgumentException(
          "workerId: " + workerId + " (expected: 0 to " + MAX_WORKER_ID + ")");
    }
    this.worker = (long) workerId << SEQUENCE_BITS;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException once the 41 bits of milliseconds are used up, in 2095
   */
  @Override
  public synchronized long reserve(int n) {
    if (n < 1 || n > MAX_RESERVATION) {
      throw new IllegalArgumentException(
          "n: " + n + " (expected: 1 to " + MAX_RESERVATION + ", the keys of one millisecond)");
    }
    long now = clock.millis() - epochMillis;
    boolean overflows = sequence + n > SEQUENCE_SIZE;
    if (now > timestamp) {
      timestamp = now;
    } else if (overflows) {
      timestamp++;
    }
    if (overflows) {
      sequence = 0;
    }
    if (timestamp > MAX_TIMESTAMP) {
      throw new IllegalStateException(
          "Snowflake keys have no milliseconds left after " + EPOCH.plusMillis(MAX_TIMESTAMP));
    }
    long first = timestamp << (WORKER_BITS + SEQUENCE_BITS) | worker | sequence;
    sequence += n;
    return first;
  }
}
