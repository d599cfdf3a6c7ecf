package io.shardway.bench.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * sysbench-style load in Java: each client thread holds one mysql-connector-j connection and runs
 * the read of a {@link Workload} (sysbench's {@code oltp_point_select}, {@code SELECT c FROM
 * sbtest1 WHERE id=?} with uniformly random ids, or a range count) for a fixed time, checking every
 * answer. With {@code --write-percent} that share of the operations is sysbench's {@code
 * oltp_update_index} statement instead, {@code UPDATE sbtest1 SET k = k + 1 WHERE id = ?}: it
 * leaves {@code c} alone, so the point selects' answers stay checkable, while it gives a proxy that
 * splits reads and writes a write to route and a session to read its own writes after. The CPU of
 * MariaDB, of the process in the middle, of this JVM and of the machine, and what Shardway routed
 * to each server, are read just before the threads start and just after they stop.
 */
final class SbtestLoad {
  private static final int MAX_ERROR_SAMPLES = 20;
  // Past the driver's socketTimeout (30 s), a thread that has not stopped is stuck for good.
  private static final Duration STOP_WAIT = Duration.ofSeconds(40);
  private static final Duration ERROR_PAUSE = Duration.ofMillis(10);

  private final int threads;
  private final SbtestContents contents;
  private final int writePercent;
  private final boolean prepared;
  private final List<Long> mariaDbPids;
  private final ServerCounters counters;
  private final Optional<ShardwayBackends> shardwayBackends;

  /**
   * @param contents what sbtest1 holds: the ids to draw, the answers to expect
   * @param mariaDbPids every mariadbd, whose CPU is summed
   * @param shardwayBackends where to read Shardway's per-server counts in its rounds; empty when
   *     there is nothing to split (no replicas) or no Shardway
   */
  SbtestLoad(
      BenchOptions options,
      SbtestContents contents,
      List<Long> mariaDbPids,
      ServerCounters counters,
      Optional<ShardwayBackends> shardwayBackends) {
    this.threads = options.threads();
    this.contents = contents;
    this.writePercent = options.writePercent();
    this.prepared = options.prepared();
    this.mariaDbPids = List.copyOf(mariaDbPids);
    this.counters = counters;
    this.shardwayBackends = shardwayBackends;
  }

  /** Runs {@code workload} against {@code target} for {@code duration}. */
  Measurement run(Target target, Workload workload, Duration duration, int round)
      throws InterruptedException, SQLException {
    String url = target.jdbcUrl(SbtestTable.SCHEMA, prepared);
    List<Worker> workers = new ArrayList<>(threads);
    Errors errors = new Errors();
    try {
      for (int i = 0; i < threads; i++) {
        workers.add(
            new Worker(
                target,
                url,
                workload,
                contents,
                writePercent,
                new SplittableRandom(round * 1_000L + i),
                errors));
      }
      return measure(target, workload, duration, round, workers, errors);
    } finally {
      workers.forEach(Worker::closeQuietly);
    }
  }

  private Measurement measure(
      Target target,
      Workload workload,
      Duration duration,
      int round,
      List<Worker> workers,
      Errors errors)
      throws InterruptedException, SQLException {
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> running = new ArrayList<>(workers.size());
    for (Worker worker : workers) {
      Thread thread = new Thread(() -> worker.run(go), "load-" + running.size());
      thread.setDaemon(true); // a stuck driver call must not keep the JVM alive
      thread.start();
      running.add(thread);
    }
    Map<String, Long> countersBefore = counters.read();
    List<ShardwayBackends.Routed> routedBefore = routed(target);
    ProcCpu.Usage middleBefore = middleUsage(target);
    ProcCpu.Usage dbBefore = ProcCpu.usage(mariaDbPids);
    ProcCpu.Usage clientBefore = ProcCpu.usage(ProcessHandle.current().pid());
    Optional<long[]> machineBefore = ProcCpu.machineNanos();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    workers.forEach(worker -> worker.deadline = deadline);
    go.countDown();
    long joinDeadline = deadline + STOP_WAIT.toNanos();
    for (Thread thread : running) {
      thread.join(Math.max(1, (joinDeadline - System.nanoTime()) / 1_000_000));
    }
    ProcCpu.Usage middleAfter = middleUsage(target);
    ProcCpu.Usage dbAfter = ProcCpu.usage(mariaDbPids);
    ProcCpu.Usage clientAfter = ProcCpu.usage(ProcessHandle.current().pid());
    Optional<long[]> machineAfter = ProcCpu.machineNanos();
    Map<String, Long> countersAfter = counters.read();
    List<ShardwayBackends.Routed> routedAfter = routed(target);

    LatencyHistogram latencies = new LatencyHistogram();
    long queries = 0;
    long writes = 0;
    long end = start;
    for (int i = 0; i < workers.size(); i++) {
      Worker worker = workers.get(i);
      if (running.get(i).isAlive()) {
        errors.add("thread " + i + " still in a query " + STOP_WAIT + " after the round ended");
        end = Math.max(end, System.nanoTime());
        continue;
      }
      latencies.add(worker.latencies);
      queries += worker.queries;
      writes += worker.writes;
      end = Math.max(end, worker.stoppedAt);
    }
    return new Measurement(
        target.kind(),
        workload,
        round,
        queries,
        writes,
        errors.total(),
        end - start,
        latencies,
        middleAfter.since(middleBefore),
        dbAfter.since(dbBefore),
        clientAfter.since(clientBefore),
        machineAfter.isPresent() && machineBefore.isPresent()
            ? machineAfter.get()[0] - machineBefore.get()[0]
            : -1,
        machineAfter.isPresent() && machineBefore.isPresent()
            ? machineAfter.get()[1] - machineBefore.get()[1]
            : -1,
        errors.samples(),
        counters.delta(countersBefore, countersAfter),
        ShardwayBackends.delta(routedBefore, routedAfter));
  }

  /** Shardway's per-server counts when the target is Shardway and there are replicas; else none. */
  private List<ShardwayBackends.Routed> routed(Target target) throws SQLException {
    return target.kind() == Target.Kind.SHARDWAY && shardwayBackends.isPresent()
        ? shardwayBackends.get().read()
        : List.of();
  }

  private static ProcCpu.Usage middleUsage(Target target) {
    return target.middlePid().isPresent()
        ? ProcCpu.usage(target.middlePid().getAsLong())
        : ProcCpu.Usage.UNKNOWN;
  }

  /** One client thread's connection, statements and counts. */
  private static final class Worker {
    private final Target target;
    private final String url;
    private final Workload workload;
    private final SbtestContents contents;
    private final int writePercent;
    private final SplittableRandom random;
    private final Errors errors;
    private final LatencyHistogram latencies = new LatencyHistogram();
    private Connection connection;
    private PreparedStatement read;
    private PreparedStatement update;
    private long queries;
    private long writes;
    private volatile long deadline;
    private volatile long stoppedAt;

    Worker(
        Target target,
        String url,
        Workload workload,
        SbtestContents contents,
        int writePercent,
        SplittableRandom random,
        Errors errors) {
      this.target = target;
      this.url = url;
      this.workload = workload;
      this.contents = contents;
      this.writePercent = writePercent;
      this.random = random;
      this.errors = errors;
      try {
        connect();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot connect to " + target + ": " + describe(e), e);
      }
    }

    void run(CountDownLatch go) {
      try {
        go.await();
      } catch (InterruptedException e) {
        return;
      }
      long end = deadline;
      for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
        boolean write = writePercent > 0 && random.nextInt(100) < writePercent;
        try {
          if (write) {
            int id = contents.randomId(random);
            int changed = update(id);
            if (changed != 1) {
              errors.add("update of id " + id + " matched " + changed + " rows");
              continue;
            }
            writes++;
          } else {
            Optional<String> wrong = read();
            if (wrong.isPresent()) {
              errors.add(wrong.get());
              continue;
            }
          }
          latencies.record(System.nanoTime() - now);
          queries++;
        } catch (SQLException e) {
          errors.add(describe(e));
          recover();
        }
      }
      stoppedAt = System.nanoTime();
    }

    private Optional<String> read() throws SQLException {
      if (read == null) {
        connect();
      }
      return workload.read(read, random, contents);
    }

    private int update(int id) throws SQLException {
      if (update == null) {
        connect();
      }
      update.setInt(1, id);
      return update.executeUpdate();
    }

    private void connect() throws SQLException {
      connection = DriverManager.getConnection(url, target.user(), target.password());
      read = connection.prepareStatement(workload.sql());
      update = writePercent > 0 ? connection.prepareStatement(SbtestTable.UPDATE_INDEX) : null;
    }

    /** After an error: keep a live connection, or drop it so the next query reconnects. */
    private void recover() {
      try {
        if (connection != null && connection.isValid(2)) {
          return;
        }
      } catch (SQLException invalid) {
        // Reconnect below.
      }
      closeQuietly();
      try {
        Thread.sleep(ERROR_PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void closeQuietly() {
      try {
        if (connection != null) {
          connection.close();
        }
      } catch (SQLException ignored) {
        // Closing after the measurement; nothing to report.
      }
      connection = null;
      read = null;
      update = null;
    }

    private static String describe(SQLException e) {
      return "SQLState " + e.getSQLState() + ", code " + e.getErrorCode() + ": " + e.getMessage();
    }
  }

  /** Counts errors and keeps the first few distinct messages with their counts. */
  private static final class Errors {
    private final LongAdder total = new LongAdder();
    private final Map<String, LongAdder> samples = new ConcurrentHashMap<>();

    void add(String message) {
      total.increment();
      String key = message.length() > 300 ? message.substring(0, 300) + "…" : message;
      LongAdder count = samples.get(key);
      if (count == null && samples.size() < MAX_ERROR_SAMPLES) {
        count = samples.computeIfAbsent(key, k -> new LongAdder());
      }
      if (count != null) {
        count.increment();
      }
    }

    long total() {
      return total.sum();
    }

    Map<String, Long> samples() {
      Map<String, Long> copy = new TreeMap<>();
      samples.forEach((message, count) -> copy.put(message, count.sum()));
      return copy;
    }
  }
}
