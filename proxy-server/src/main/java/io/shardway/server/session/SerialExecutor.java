package io.shardway.server.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one session's tasks one at a time, in order, on a shared pool: MySQL answers commands in the
 * order they came, and a client may send the next before the last is answered.
 */
final class SerialExecutor implements Executor {
  private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private final Executor pool;
  private final Runnable whenIdle;
  private boolean running;

  /**
   * @param whenIdle runs on the pool's thread each time the queue ran dry
   */
  SerialExecutor(Executor pool, Runnable whenIdle) {
    this.pool = pool;
    this.whenIdle = whenIdle;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (tasks) {
      tasks.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    pool.execute(this::drain);
  }

  /** Whether no task is queued or running. */
  boolean idle() {
    synchronized (tasks) {
      return !running;
    }
  }

  /** Tasks queued and not yet started. */
  int pending() {
    synchronized (tasks) {
      return tasks.size();
    }
  }

  private void drain() {
    while (true) {
      Runnable task;
      synchronized (tasks) {
        task = tasks.poll();
        if (task == null) {
          running = false;
          break;
        }
      }
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        // A task that throws must not stall the session's queue behind it.
        log.error("session task failed", e);
      }
    }
    whenIdle.run();
  }
}
