package io.shardway.testcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

  /** Something started; remembers whether it was closed. */
  private static final class Started implements AutoCloseable {
    final int index;
    final AtomicBoolean closed = new AtomicBoolean();

    Started(int index) {
      this.index = index;
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  @Test
  void startsAllAtOnceAndKeepsTheirOrder() {
    // Each start waits for all the others to begin: this passes only if they run at once.
    CountDownLatch allBegun = new CountDownLatch(3);
    List<Started> started =
        Concurrently.start(
            3,
            i -> {
              allBegun.countDown();
              try {
                assertTrue(allBegun.await(10, TimeUnit.SECONDS), "starts ran one after another");
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return new Started(i);
            });

    assertEquals(List.of(0, 1, 2), started.stream().map(s -> s.index).toList());
    Concurrently.close(started);
    assertTrue(started.stream().allMatch(s -> s.closed.get()));
  }

  @Test
  void aFailedStartClosesTheOthersAndThrowsTheFirstFailure() {
    Started[] others = new Started[3];
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () ->
                Concurrently.start(
                    3,
                    i -> {
                      if (i == 1) {
                        throw new IllegalStateException("server 1 did not start");
                      }
                      others[i] = new Started(i);
                      return others[i];
                    }));

    assertEquals("server 1 did not start", failure.getMessage());
    assertTrue(others[0].closed.get());
    assertTrue(others[2].closed.get());
  }

  @Test
  void closeWrapsCheckedExceptions() {
    AutoCloseable failing =
        () -> {
          throw new Exception("disk full");
        };
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> Concurrently.close(List.of(failing)));
    assertEquals("disk full", failure.getCause().getMessage());
  }

  @Test
  void countMustBePositive() {
    assertEquals(
        "count: 0 (expected: >= 1)",
        assertThrows(IllegalArgumentException.class, () -> Concurrently.start(0, Started::new))
            .getMessage());
  }
}
