package io.shardway.bench.e2e;

import io.shardway.testcluster.MariaDbServer;
import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One run: starts MariaDB (and its replicas, if asked for) with {@code sbtest1}, haproxy (if
 * installed) and Shardway, checks that every target answers alike, warms each up, measures them in
 * alternating rounds, and writes the report. {@link #close} stops everything it started; it is safe
 * to call from a shutdown hook while a run is in progress.
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
            + " and loading sbtest1 ("
            + options.rows()
            + " rows) ...");
    servers = MariaDbServers.start(options.replicas());
    started.add(servers);
    List<Long> mariaDbPids = servers.all().stream().map(this::mariaDbPid).toList();
    MariaDbServer primary = servers.primary();
    primary.createUser(ShardwayProcess.USER, ShardwayProcess.PASSWORD);
    primary.createUser(ShardwayProcess.BACKEND_USER, ShardwayProcess.BACKEND_PASSWORD);
    long loading = System.nanoTime();
    SbtestTable.create(primary, options.rows());
    awaitReplicated();
    say(String.format("Loaded in %.1f s", (System.nanoTime() - loading) / 1e9));

    List<Target> targets = startTargets(work);
    for (Target target : targets) {
      check(target);
    }
    ServerCounters counters = new ServerCounters(servers.all());
    started.add(counters);
    PointSelectLoad load =
        new PointSelectLoad(options, mariaDbPids, counters, shardwayBackends(targets));
    List<Measurement> warmups = new ArrayList<>();
    if (!options.warmup().isZero()) {
      for (Target target : targets) {
        awaitReplicated();
        warmups.add(load.run(target, options.warmup(), 0));
        say("warm-up  " + warmups.get(warmups.size() - 1).summary());
      }
    }
    List<Measurement> measurements = new ArrayList<>();
    Instant roundsStart = Instant.now();
    for (int round = 1; round <= options.rounds(); round++) {
      say("round " + round + "/" + options.rounds());
      for (int i = 0; i < targets.size(); i++) {
        // Rotate the order so that no target always runs first (or right after another).
        Target target = targets.get((i + round - 1) % targets.size());
        awaitReplicated();
        Measurement measurement = load.run(target, options.roundTime(), round);
        measurements.add(measurement);
        say("  " + measurement.summary());
      }
    }
    Instant roundsEnd = Instant.now();
    Map<String, String> machine = machine();
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
        case DIRECT -> targets.add(direct(kind, servers.primary().port()));
        case RELAY -> relay(work).ifPresent(targets::add);
        case SHARDWAY -> targets.add(shardway(work));
      }
    }
    List<String> primaryOnly =
        targets.stream()
            .filter(t -> t.kind() != Target.Kind.SHARDWAY)
            .map(t -> t.kind().label())
            .toList();
    if (!servers.replicas().isEmpty() && !primaryOnly.isEmpty()) {
      notes.add(
          String.join(" and ", primaryOnly)
              + (primaryOnly.size() == 1 ? " connects" : " connect")
              + " to the primary alone: with no read/write split, all their reads and writes run"
              + " on the primary, and the replicas only apply the writes");
    }
    return targets;
  }

  /** Where to read Shardway's per-server counts: only with replicas is there a split to show. */
  private Optional<ShardwayBackends> shardwayBackends(List<Target> targets) throws SQLException {
    Optional<Target> shardway =
        targets.stream().filter(t -> t.kind() == Target.Kind.SHARDWAY).findFirst();
    if (servers.replicas().isEmpty() || shardway.isEmpty()) {
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
    HaproxyRelay.Started relay = HaproxyRelay.start(haproxy.get(), servers.primary().port(), work);
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
        ShardwayProcess.start(
            options,
            servers.primary().port(),
            servers.replicas().stream().map(MariaDbServer::port).toList(),
            SbtestTable.SCHEMA,
            work);
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

  private Map<String, String> machine() {
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put(
        "Machine",
        Runtime.getRuntime().availableProcessors()
            + " cores ("
            + firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU")
            + "), "
            + firstValue(Path.of("/proc/meminfo"), "MemTotal").orElse("? kB")
            + " RAM, "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + "; client, proxy and database share these cores");
    machine.put("Shardway", SourceVersion.describe(projectRoot));
    machine.put(
        "Software",
        "Java "
            + System.getProperty("java.runtime.version")
            + ", MariaDB "
            + mariaDbVersion()
            + (servers.replicas().isEmpty()
                ? ""
                : " (a primary and "
                    + servers.replicas().size()
                    + " replica(s), GTID replication, row-based binlog)")
            + ", mysql-connector-j "
            + com.mysql.cj.Constants.CJ_VERSION
            + (haproxyVersion == null ? "" : ", " + haproxyVersion)
            + (options.proxyJvmOptions().isEmpty()
                ? ""
                : ", Shardway JVM options " + String.join(" ", options.proxyJvmOptions()))
            + (options.jfr() ? ", Shardway recorded with JFR (numbers not for comparison)" : ""));
    return machine;
  }

  private String mariaDbVersion() {
    try (Connection connection = servers.primary().connectAsRoot(null);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT VERSION()")) {
      return result.next() ? result.getString(1) : "?";
    } catch (SQLException e) {
      return "?";
    }
  }

  private static Optional<String> firstValue(Path file, String key) {
    try {
      return Files.readAllLines(file).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
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
