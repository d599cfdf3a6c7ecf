package io.shardway.testcluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Starts and stops several servers, or {@link ReplicatedGroup groups} of them, at once: each start
 * mostly waits for mariadbd, so several shard groups start in about the time of one.
 *
 * <pre>{@code
 * List<ReplicatedGroup> shardGroups = Concurrently.start(2, i -> ReplicatedGroup.start(1));
 * ...
 * Concurrently.close(shardGroups);
 * }</pre>
 */
public final class Concurrently {
  private Concurrently() {}

  /**
   * Calls {@code start} with 0 to {@code count - 1}, each on a thread of its own, and returns the
   * results in that order once all are done. If any fails, closes those that started and throws the
   * first failure in index order, with the later failures suppressed.
   */
  public static <T extends AutoCloseable> List<T> start(int count, IntFunction<T> start) {
    Objects.requireNonNull(start, "start");
    if (count < 1) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 1)");
    }
    AtomicReferenceArray<T> started = new AtomicReferenceArray<>(count);
    List<Runnable> starts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      starts.add(() -> started.set(index, Objects.requireNonNull(start.apply(index), "started")));
    }
    try {
      Parallel.run("concurrent-start", starts);
    } catch (RuntimeException e) {
      try {
        close(present(started));
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return present(started);
  }

  /**
   * Closes every resource, each on a thread of its own, and returns once all are closed. Throws the
   * first failure in list order, with the later ones suppressed; a checked exception comes wrapped
   * in an {@link IllegalStateException}.
   */
  public static void close(List<? extends AutoCloseable> resources) {
    Parallel.run("concurrent-close", resources.stream().map(Concurrently::closing).toList());
  }

  /** The elements that are set, in index order. */
  private static <T> List<T> present(AtomicReferenceArray<T> array) {
    List<T> present = new ArrayList<>(array.length());
    for (int i = 0; i < array.length(); i++) {
      T element = array.get(i);
      if (element != null) {
        present.add(element);
      }
    }
    return List.copyOf(present);
  }

  private static Runnable closing(AutoCloseable resource) {
    return () -> {
      try {
        resource.close();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("cannot close " + resource, e);
      }
    };
  }
}
