package io.shardway.bench.e2e;

import io.shardway.testcluster.MariaDbServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One run: starts MariaDB (with replicas, or as shards, if asked for) with {@code sbtest1}, haproxy
 * (if installed) and Shardway, checks that every target answers alike, warms each up, measures them
 * in alternating rounds, and writes the report. {@link #close} stops everything it started; it is
 * safe to call from a shutdown hook while a run is in progress.
 */
final class Harness implements AutoCloseable {
  /**
   * How long the replicas may take to apply what the primary has: the load of {@code sbtest1}, or
   * the previous measurement's writes. Each measurement starts from caught-up replicas, so that no
   * target inherits the lag that another one's writes left.
   */
  private static final Duration REPLICATION_TIMEOUT = Duration.ofSeconds(120);

  private final BenchOptions options;
  private final String command;
  private final Path projectRoot;
  private final List<String> notes = new ArrayList<>();
  private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
  private MariaDbServers servers;
  private String haproxyVersion;
  private ChildProcess shardway;
  private volatile boolean closed;

  Harness(BenchOptions options, String command, Path projectRoot) {
    this.projectRoot = projectRoot;
    this.options = options;
    this.command = command;
  }

  void run() throws Exception {
    Path work = Files.createDirectories(options.workDirectory());
    say("Work directory: " + work);
    say(
        "Starting MariaDB"
            + (options.replicas() == 0 ? "" : " with " + options.replicas() + " replica(s)")
            + (options.shards() == 0
                ? ""
                : ": " + options.shards() + " shards and one server with every row,")
            + " and loading sbtest1 ("
            + options.rows()
            + " rows) ...");
    servers = MariaDbServers.start(options);
    started.add(servers);
    List<Long> mariaDbPids = servers.all().stream().map(this::mariaDbPid).toList();
    long loading = System.nanoTime();
    servers.load(options.rows());
    awaitReplicated();
    say(String.format("Loaded in %.1f s", (System.nanoTime() - loading) / 1e9));
    SbtestContents contents = SbtestContents.of(options.rows());

    List<Target> targets = startTargets(work);
    for (Target target : targets) {
      check(target);
    }
    ServerCounters counters = new ServerCounters(servers.all());
    started.add(counters);
    SbtestLoad load =
        new SbtestLoad(options, contents, mariaDbPids, counters, shardwayBackends(targets));
    List<Measurement> warmups = new ArrayList<>();
    if (!options.warmup().isZero()) {
      for (Workload workload : options.workloads()) {
        for (Target target : targets) {
          awaitReplicated();
          warmups.add(load.run(target, workload, options.warmup(), 0));
          say("warm-up  " + warmups.get(warmups.size() - 1).summary());
        }
      }
    }
    List<Measurement> measurements = new ArrayList<>();
    Instant roundsStart = Instant.now();
    for (int round = 1; round <= options.rounds(); round++) {
      say("round " + round + "/" + options.rounds());
      for (Workload workload : options.workloads()) {
        for (int i = 0; i < targets.size(); i++) {
          // Rotate the order so that no target always runs first (or right after another).
          Target target = targets.get((i + round - 1) % targets.size());
          awaitReplicated();
          Measurement measurement = load.run(target, workload, options.roundTime(), round);
          measurements.add(measurement);
          say("  " + measurement.summary());
        }
      }
    }
    Instant roundsEnd = Instant.now();
    Map<String, String> machine =
        MachineDescription.describe(options, projectRoot, servers, haproxyVersion);
    if (shardway != null) {
      shardway.close(); // before the report: with --jfr, the recording is dumped on exit
    }
    String report = new MarkdownReport(options, measurements).render(command, machine, notes);
    if (options.jfr()) {
      Path jfr = work.resolve("shardway.jfr");
      report +=
          "\n"
              + (Files.exists(jfr)
                  ? JfrHotFrames.summarize(jfr, roundsStart, roundsEnd, 25)
                  : "no JFR file at " + jfr + "\n");
    }
    Files.writeString(work.resolve("results.md"), report);
    Files.writeString(work.resolve("rounds.csv"), RoundsCsv.render(warmups, measurements));
    System.out.println();
    System.out.println(report);
    say(
        "Report: "
            + work.resolve("results.md")
            + " (per round: "
            + work.resolve("rounds.csv")
            + ")");
  }

  private List<Target> startTargets(Path work) throws InterruptedException {
    List<Target> targets = new ArrayList<>();
    for (Target.Kind kind : options.targets()) {
      switch (kind) {
        case DIRECT -> targets.add(direct(kind, servers.direct().port()));
        case RELAY -> relay(work).ifPresent(targets::add);
        case SHARDWAY -> targets.add(shardway(work));
      }
    }
    List<String> primaryOnly =
        targets.stream()
            .filter(t -> t.kind() != Target.Kind.SHARDWAY)
            .map(t -> t.kind().label())
            .toList();
    if (servers.hasReplicas() && !primaryOnly.isEmpty()) {
      notes.add(
          String.join(" and ", primaryOnly)
              + (primaryOnly.size() == 1 ? " connects" : " connect")
              + " to the primary alone: with no read/write split, all their reads and writes run"
              + " on the primary, and the replicas only apply the writes");
    }
    if (options.shards() > 0) {
      notes.add(
          "direct connects to one unsharded server with all "
              + options.rows()
              + " rows; Shardway to "
              + options.shards()
              + " servers that each hold one shard of sbtest1, by "
              + SbtestSharding.SHARD_KEY
              + "."
              + " Through Shardway the point select runs on one shard and the range count on every"
              + " shard, which Shardway adds up");
    }
    return targets;
  }

  /** Where to read Shardway's per-server counts: only with replicas is there a split to show. */
  private Optional<ShardwayBackends> shardwayBackends(List<Target> targets) throws SQLException {
    Optional<Target> shardway =
        targets.stream().filter(t -> t.kind() == Target.Kind.SHARDWAY).findFirst();
    if (!servers.hasReplicas() || shardway.isEmpty()) {
      return Optional.empty();
    }
    ShardwayBackends backends = new ShardwayBackends(shardway.get());
    started.add(backends);
    return Optional.of(backends);
  }

  /** Waits for the replicas to apply all that the primary has; says so when that took a while. */
  private void awaitReplicated() {
    long start = System.nanoTime();
    servers.awaitReplicated(REPLICATION_TIMEOUT);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (seconds >= 1) {
      say(String.format("  (replicas caught up with the primary in %.1f s)", seconds));
    }
  }

  private static Target direct(Target.Kind kind, int port) {
    return new Target(
        kind, port, ShardwayProcess.USER, ShardwayProcess.PASSWORD, OptionalLong.empty());
  }

  private Optional<Target> relay(Path work) throws InterruptedException {
    Optional<Path> haproxy = HaproxyRelay.find();
    if (haproxy.isEmpty()) {
      String note =
          "relay skipped: haproxy is not on the PATH (apt-get install -y haproxy), so there is no"
              + " L4-relay baseline in this run";
      notes.add(note);
      say("NOTE: " + note);
      return Optional.empty();
    }
    haproxyVersion = HaproxyRelay.version(haproxy.get());
    say("Starting " + haproxyVersion + " (mode tcp) ...");
    HaproxyRelay.Started relay = HaproxyRelay.start(haproxy.get(), servers.direct().port(), work);
    started.add(relay.process());
    return Optional.of(
        new Target(
            Target.Kind.RELAY,
            relay.port(),
            ShardwayProcess.USER,
            ShardwayProcess.PASSWORD,
            OptionalLong.of(relay.process().pid())));
  }

  private Target shardway(Path work) throws InterruptedException {
    say("Starting Shardway (" + options.shardwayJar() + ") ...");
    ShardwayProcess.Started proxy =
        ShardwayProcess.start(options, servers.shardGroups(), SbtestTable.SCHEMA, work);
    shardway = proxy.process();
    started.add(shardway);
    return new Target(
        Target.Kind.SHARDWAY,
        proxy.port(),
        ShardwayProcess.USER,
        ShardwayProcess.PASSWORD,
        OptionalLong.of(shardway.pid()));
  }

  /** Fails unless the target answers, and sees every row of sbtest1. */
  private void check(Target target) throws SQLException {
    String url = target.jdbcUrl(SbtestTable.SCHEMA, options.prepared());
    try (Connection connection =
            DriverManager.getConnection(url, target.user(), target.password());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM sbtest1")) {
      result.next();
      long count = result.getLong(1);
      if (count != options.rows()) {
        throw new IllegalStateException(
            target + " sees " + count + " rows, expected " + options.rows());
      }
      say("Checked " + target + ": " + count + " rows");
    }
  }

  private long mariaDbPid(MariaDbServer mariadb) {
    int port = mariadb.port();
    Optional<ProcessHandle> server =
        ProcessHandle.current()
            .descendants()
            .filter(
                p -> {
                  String line = ProcCpu.commandLine(p.pid());
                  return line.contains("mariadbd") && line.contains("--port=" + port);
                })
            .findFirst();
    if (server.isEmpty()) {
      notes.add(
          "the pid of the mariadbd on port "
              + port
              + " was not found among this JVM's children: mariadbd CPU is n/a");
      return -1;
    }
    return server.get().pid();
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  /** Whether {@link #close} has begun: a failure after that is the stop, not a problem. */
  boolean isClosed() {
    return closed;
  }

  /** Stops Shardway, haproxy and MariaDB, newest first. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<AutoCloseable> toClose;
    synchronized (started) {
      toClose = new ArrayList<>(started);
    }
    Collections.reverse(toClose);
    for (AutoCloseable resource : toClose) {
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("bench: while stopping " + resource + ": " + e);
      }
    }
  }
}
