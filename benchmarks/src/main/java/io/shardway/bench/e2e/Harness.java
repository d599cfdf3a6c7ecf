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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One run: starts MariaDB with {@code sbtest1}, haproxy (if installed) and Shardway, checks that
 * every target answers alike, warms each up, measures them in alternating rounds, and writes the
 * report. {@link #close} stops everything it started; it is safe to call from a shutdown hook while
 * a run is in progress.
 */
final class Harness implements AutoCloseable {
  private final BenchOptions options;
  private final String command;
  private final Path projectRoot;
  private final List<String> notes = new ArrayList<>();
  private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
  private MariaDbServer mariadb;
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
    say("Starting MariaDB and loading sbtest1 (" + options.rows() + " rows) ...");
    mariadb = MariaDbServer.start();
    started.add(mariadb);
    long mariaDbPid = mariaDbPid(mariadb.port());
    mariadb.createUser(ShardwayProcess.USER, ShardwayProcess.PASSWORD);
    mariadb.createUser(ShardwayProcess.BACKEND_USER, ShardwayProcess.BACKEND_PASSWORD);
    long loading = System.nanoTime();
    SbtestTable.create(mariadb, options.rows());
    say(String.format("Loaded in %.1f s", (System.nanoTime() - loading) / 1e9));

    List<Target> targets = startTargets(work);
    for (Target target : targets) {
      check(target);
    }
    ServerCounters counters = new ServerCounters(mariadb);
    started.add(counters);
    PointSelectLoad load = new PointSelectLoad(options, mariaDbPid, counters);
    List<Measurement> warmups = new ArrayList<>();
    if (!options.warmup().isZero()) {
      for (Target target : targets) {
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
        case DIRECT -> targets.add(direct(kind, mariadb.port()));
        case RELAY -> relay(work).ifPresent(targets::add);
        case SHARDWAY -> targets.add(shardway(work));
      }
    }
    return targets;
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
    HaproxyRelay.Started relay = HaproxyRelay.start(haproxy.get(), mariadb.port(), work);
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
        ShardwayProcess.start(options, mariadb.port(), SbtestTable.SCHEMA, work);
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

  private long mariaDbPid(int port) {
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
      notes.add("mariadbd's pid was not found among this JVM's children: its CPU is n/a");
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
    try (Connection connection = mariadb.connectAsRoot(null);
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
