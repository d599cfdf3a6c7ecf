package io.shardway.server.topology;

import io.shardway.config.ReadWrite;
import io.shardway.server.WorkerThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every server of a shard group at {@code readWrite.monitorInterval}, each on its own thread
 * and connection, so a server that hangs delays only its own checks.
 */
public final class BackendMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackendMonitor.class);

  /** How long the start waits for the first round of checks before it serves anyway. */
  private static final Duration FIRST_CHECK_TIMEOUT = Duration.ofSeconds(5);

  private final BackendGroup group;
  private final List<HealthProbe> probes = new ArrayList<>();
  private final Duration interval;
  private final ScheduledExecutorService scheduler;

  private BackendMonitor(BackendGroup group, ReadWrite settings) {
    this.group = group;
    this.interval = settings.monitorInterval();
    for (GroupMember member : group.members()) {
      probes.add(new HealthProbe(group, member, settings));
    }
    this.scheduler =
        Executors.newScheduledThreadPool(
            probes.size(), new WorkerThreadFactory("shardway-monitor-" + group.name()));
  }

  /**
   * Checks every server once (waiting a few seconds at most), so routing starts from what the
   * servers say rather than from the configuration, then keeps checking in the background.
   */
  public static BackendMonitor start(BackendGroup group, ReadWrite settings) {
    BackendMonitor monitor = new BackendMonitor(group, settings);
    monitor.checkAllOnce();
    monitor.schedule();
    return monitor;
  }

  private void checkAllOnce() {
    List<Callable<Void>> checks = new ArrayList<>();
    for (HealthProbe probe : probes) {
      checks.add(
          () -> {
            probe.check();
            return null;
          });
    }
    try {
      scheduler.invokeAll(checks, FIRST_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void schedule() {
    long millis = interval.toMillis();
    for (HealthProbe probe : probes) {
      scheduler.scheduleWithFixedDelay(
          () -> {
            try {
              probe.check();
            } catch (RuntimeException e) {
              log.error("shard group {}: health check failed", group.name(), e);
            }
          },
          millis,
          millis,
          TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    probes.forEach(HealthProbe::close);
  }
}
