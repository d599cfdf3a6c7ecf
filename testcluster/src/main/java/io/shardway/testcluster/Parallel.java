package io.shardway.testcluster;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Runs a few independent, slow tasks at once: starting or stopping a server mostly waits for
 * mariadbd, so a group of servers starts in about the time of one.
 */
final class Parallel {
  private Parallel() {}

  /**
   * Runs each task on a daemon thread of its own and returns once all have finished. Throws the
   * failure of the first failed task in list order, with those of the later ones suppressed.
   */
  static void run(String threadName, List<Runnable> tasks) {
    Executor threadPerTask =
        task -> {
          Thread thread = new Thread(task, threadName);
          // Bounded work; a JVM exiting meanwhile stops the servers with their shutdown hooks.
          thread.setDaemon(true);
          thread.start();
        };
    List<CompletableFuture<Void>> running =
        tasks.stream().map(task -> CompletableFuture.runAsync(task, threadPerTask)).toList();
    RuntimeException first = null;
    for (CompletableFuture<Void> task : running) {
      try {
        task.join();
      } catch (CompletionException e) {
        RuntimeException failure = e.getCause() instanceof RuntimeException cause ? cause : e;
        if (first == null) {
          first = failure;
        } else {
          first.addSuppressed(failure);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
