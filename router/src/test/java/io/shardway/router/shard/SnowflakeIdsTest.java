package io.shardway.router.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnowflakeIdsTest {

  /** Milliseconds since {@link SnowflakeIds#EPOCH}; tests move it by hand. */
  private long now;

  private final InstantSource clock = () -> SnowflakeIds.EPOCH.plusMillis(now);

  private static long timestamp(long id) {
    return id >>> 22;
  }

  private static long worker(long id) {
    return (id >>> 12) & 1023;
  }

  private static long sequence(long id) {
    return id & 4095;
  }

  @Test
  void anIdIsMillisecondsThenWorkerThenSequence() {
    now = 5;
    long id = new SnowflakeIds(1023, clock).reserve(1);

    assertEquals(5L << 22 | 1023L << 12, id);
    assertEquals(5, timestamp(id));
    assertEquals(1023, worker(id));
    assertEquals(0, sequence(id));
  }

  @Test
  void blocksAreConsecutiveWithinAMillisecond() {
    now = 7;
    SnowflakeIds ids = new SnowflakeIds(3, clock);

    long first = ids.reserve(10);
    long second = ids.reserve(5);

    assertEquals(first + 10, second);
    assertEquals(7, timestamp(second));
    assertEquals(3, worker(second));
  }

  @ParameterizedTest(name = "{0} keys, then {1} in the next millisecond start at {2}")
  @CsvSource({"3, 1, 3", "4000, 96, 4000", "4000, 97, 0"})
  void theSequenceGoesOnInTheNextMillisecondUnlessItWouldOverflow(int before, int n, int sequence) {
    now = 7;
    SnowflakeIds ids = new SnowflakeIds(0, clock);
    ids.reserve(before);
    now = 8;

    long id = ids.reserve(n);

    assertEquals(8, timestamp(id));
    assertEquals(sequence, sequence(id));
  }

  @Test
  void aFullMillisecondBorrowsTheNextOneAheadOfTheClock() {
    now = 7;
    SnowflakeIds ids = new SnowflakeIds(0, clock);
    ids.reserve(4000);

    long borrowed = ids.reserve(200);
    now = 8;
    long next = ids.reserve(1);

    assertEquals(8, timestamp(borrowed));
    assertEquals(0, sequence(borrowed));
    assertEquals(borrowed + 200, next);
  }

  @Test
  void aClockThatStepsBackKeepsTheLastTime() {
    now = 100;
    SnowflakeIds ids = new SnowflakeIds(0, clock);
    long before = ids.reserve(1);
    now = 50;

    long after = ids.reserve(1);

    assertEquals(100, timestamp(after));
    assertEquals(before + 1, after);
  }

  @Test
  void idsOnlyGrowWhateverTheClockDoes() {
    Random random = new Random(42);
    SnowflakeIds ids = new SnowflakeIds(9, clock);
    long end = -1;
    for (int i = 0; i < 100_000; i++) {
      now = Math.max(0, now + random.nextInt(5) - 2);
      int n = 1 + random.nextInt(random.nextBoolean() ? 4 : KeyGenerator.MAX_RESERVATION);

      long first = ids.reserve(n);

      assertTrue(first > end, "each block after the ids before it");
      assertEquals(timestamp(first), timestamp(first + n - 1), "one millisecond per block");
      end = first + n - 1;
    }
  }

  @Test
  void refusesBlocksLargerThanOneMillisecond() {
    SnowflakeIds ids = new SnowflakeIds(0, clock);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ids.reserve(4097));
    assertEquals("n: 4097 (expected: 1 to 4096, the keys of one millisecond)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ids.reserve(0));
    assertEquals(0, sequence(ids.reserve(4096)));
  }

  @Test
  void refusesWorkerIdsOutsideTenBits() {
    assertThrows(IllegalArgumentException.class, () -> new SnowflakeIds(-1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SnowflakeIds(1024));
    assertEquals("workerId: 1024 (expected: 0 to 1023)", e.getMessage());
  }

  @Test
  void failsOnceTheMillisecondsRunOut() {
    now = (1L << 41) - 1;
    SnowflakeIds ids = new SnowflakeIds(1023, clock);
    assertEquals(Long.MAX_VALUE - 4095, ids.reserve(1));
    now++;

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ids.reserve(1));
    assertEquals(
        "Snowflake keys have no milliseconds left after "
            + Instant.parse("2095-09-07T15:47:35.551Z"),
        e.getMessage());
  }

  @Test
  void threadsNeverGetTheSameId() throws Exception {
    SnowflakeIds ids = new SnowflakeIds(1);
    int threads = 8;
    List<Callable<List<Long>>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Random random = new Random(t);
      tasks.add(
          () -> {
            List<Long> taken = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
              int n = 1 + random.nextInt(3);
              long first = ids.reserve(n);
              for (int k = 0; k < n; k++) {
                taken.add(first + k);
              }
            }
            return taken;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Set<Long> unique = new HashSet<>();
      int total = 0;
      for (Future<List<Long>> result : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
        List<Long> taken = result.get();
        unique.addAll(taken);
        total += taken.size();
      }
      assertEquals(total, unique.size());
    } finally {
      pool.shutdownNow();
    }
  }
}
