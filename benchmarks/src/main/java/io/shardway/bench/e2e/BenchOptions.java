package io.shardway.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of the end-to-end harness does. Parsed from {@code --name value} or {@code
 * --name=value} arguments; every value is checked up front, with the value in the message.
 *
 * @param rounds how many times each target is measured; targets alternate within a round
 * @param roundTime how long each target runs in each round
 * @param warmup how long each target runs once before the rounds (JIT, buffer pool, pools)
 * @param threads client threads, one connection each
 * @param rows rows in {@code sbtest1}; point selects pick ids uniformly from 1..rows
 * @param prepared server-side prepared statements (COM_STMT_EXECUTE) instead of the text protocol
 * @param targets which targets to measure, in this order in the first round
 * @param replicas MariaDB replicas of the primary; with any, Shardway splits reads and writes among
 *     them, while direct and relay still reach the primary alone
 * @param shards 0, or the number of MariaDB servers that Shardway shards sbtest1 over, by id;
 *     direct then reaches one more server that holds every row, and each target runs every {@link
 *     #workloads workload}
 * @param writePercent the share of operations, 0 to 100, that are index updates instead of point
 *     selects
 * @param poolSize Shardway's backend pool size ({@code pool.maxSize})
 * @param jfr whether to record the Shardway process with Java Flight Recorder
 * @param proxyJvmOptions extra JVM options for the Shardway process
 * @param shardwayJar the shaded jar to run
 * @param workDirectory where configs, logs, the JFR file and the report go
 */
record BenchOptions(
    int rounds,
    Duration roundTime,
    Duration warmup,
    int threads,
    int rows,
    boolean prepared,
    List<Target.Kind> targets,
    int replicas,
    int shards,
    int writePercent,
    int poolSize,
    boolean jfr,
    List<String> proxyJvmOptions,
    Path shardwayJar,
    Path workDirectory) {

  static final String USAGE =
      """
      usage: bin/bench [options]            end-to-end point selects: direct, relay, shardway
             bin/bench jmh [JMH options]    micro-benchmarks (bin/bench jmh -h for JMH's help)

      options (defaults in brackets):
        --rounds N          rounds; each target runs once per round, in rotating order [5]
        --seconds N         seconds per target per round [10]
        --warmup N          seconds per target before the first round [10]
        --threads N         client threads, one connection each [16]
        --rows N            rows in sbtest1 [100000]
        --prepared          server prepared statements (COM_STMT_EXECUTE) instead of COM_QUERY
        --targets LIST      comma-separated subset of direct,relay,shardway [all three]
        --replicas N        MariaDB replicas behind the primary; Shardway reads from them [0]
        --shards N          Shardway over N >= 2 servers with sbtest1 sharded by id, direct to one
                            server with every row; point selects and range counts (every shard)
        --write-percent P   percent of operations that update an indexed column instead [0]
        --pool-size N       Shardway's backend pool.maxSize [16]
        --jfr               record the Shardway process with JFR (settings=profile)
        --proxy-jvm-opts S  extra JVM options for the Shardway process, space-separated [none]
        --shardway-jar F    the proxy jar [proxy-server/target/shardway.jar]
        --work-dir D        configs, logs, JFR file and report [benchmarks/target/e2e/<time>-<mode>]
      """;

  private static final List<String> FLAGS = List.of("prepared", "jfr", "help");

  BenchOptions {
    positive("rounds", rounds);
    positive("threads", threads);
    positive("rows", rows);
    positive("pool-size", poolSize);
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas: " + replicas + " (expected: >= 0)");
    }
    if (writePercent < 0 || writePercent > 100) {
      throw new IllegalArgumentException(
          "write-percent: " + writePercent + " (expected: 0 to 100)");
    }
    if (shards != 0) {
      checkShards(shards, replicas, writePercent, targets);
    }
    if (roundTime.isNegative() || roundTime.isZero()) {
      throw new IllegalArgumentException("seconds: " + roundTime.toSeconds() + " (expected: > 0)");
    }
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warmup: " + warmup.toSeconds() + " (expected: >= 0)");
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException(
          "targets: empty (expected: some of direct,relay,shardway)");
    }
    targets = List.copyOf(targets);
    proxyJvmOptions = List.copyOf(proxyJvmOptions);
  }

  String mode() {
    return prepared ? "prepared" : "text";
  }

  /**
   * What each target runs, in this order within a round: the point select, and over shards the
   * range count as well, which needs every shard.
   */
  List<Workload> workloads() {
    return shards == 0
        ? List.of(Workload.POINT_SELECT)
        : List.of(Workload.POINT_SELECT, Workload.RANGE_COUNT);
  }

  /** Parses the arguments; empty when {@code --help} was asked for. */
  static Optional<BenchOptions> parse(String[] args, Path projectRoot, String timestamp) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      String name = arg.substring(2);
      int equals = name.indexOf('=');
      if (equals >= 0) {
        values.put(name.substring(0, equals), name.substring(equals + 1));
      } else if (FLAGS.contains(name)) {
        values.put(name, "true");
      } else if (i + 1 < args.length) {
        values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value");
      }
    }
    if (values.containsKey("help")) {
      return Optional.empty();
    }
    Arguments arguments = new Arguments(values);
    boolean prepared = arguments.flag("prepared");
    int shards = arguments.integer("shards", 0);
    BenchOptions options =
        new BenchOptions(
            arguments.integer("rounds", 5),
            Duration.ofSeconds(arguments.integer("seconds", 10)),
            Duration.ofSeconds(arguments.integer("warmup", 10)),
            arguments.integer("threads", 16),
            arguments.integer("rows", 100_000),
            prepared,
            targets(
                arguments.text(
                    "targets", shards == 0 ? "direct,relay,shardway" : "direct,shardway")),
            arguments.integer("replicas", 0),
            shards,
            arguments.integer("write-percent", 0),
            arguments.integer("pool-size", 16),
            arguments.flag("jfr"),
            words(arguments.text("proxy-jvm-opts", "")),
            Path.of(
                arguments.text(
                    "shardway-jar",
                    projectRoot.resolve("proxy-server/target/shardway.jar").toString())),
            Path.of(
                arguments.text(
                    "work-dir",
                    projectRoot
                        .resolve("benchmarks/target/e2e")
                        .resolve(
                            timestamp
                                + "-"
                                + (prepared ? "prepared" : "text")
                                + (shards == 0 ? "" : "-" + shards + "-shards"))
                        .toString())));
    arguments.rejectUnknown();
    return Optional.of(options);
  }

  private static List<Target.Kind> targets(String list) {
    List<Target.Kind> kinds = new ArrayList<>();
    for (String name : list.split(",")) {
      Target.Kind kind = Target.Kind.named(name.trim());
      if (!kinds.contains(kind)) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  private static List<String> words(String text) {
    return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
  }

  /** The shapes --shards does not combine with, each refused with its reason. */
  private static void checkShards(
      int shards, int replicas, int writePercent, List<Target.Kind> targets) {
    if (shards < 2) {
      throw new IllegalArgumentException("shards: " + shards + " (expected: 0, or >= 2)");
    }
    if (replicas != 0) {
      throw new IllegalArgumentException(
          "replicas: " + replicas + " (expected: 0 with --shards: its shard groups have none)");
    }
    if (writePercent != 0) {
      throw new IllegalArgumentException(
          "write-percent: "
              + writePercent
              + " (expected: 0 with --shards, which checks its counts against the loaded rows)");
    }
    if (targets.contains(Target.Kind.RELAY)) {
      throw new IllegalArgumentException(
          "targets: relay (expected: direct and shardway with --shards, which compares Shardway"
              + " with one unsharded server)");
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
    }
  }

  /** The parsed {@code name -> value} pairs; each lookup consumes its name. */
  private static final class Arguments {
    private final Map<String, String> values;

    Arguments(Map<String, String> values) {
      this.values = new LinkedHashMap<>(values);
    }

    String text(String name, String fallback) {
      String value = values.remove(name);
      return value == null ? fallback : value;
    }

    boolean flag(String name) {
      return Boolean.parseBoolean(text(name, "false"));
    }

    int integer(String name, int fallback) {
      String value = text(name, null);
      if (value == null) {
        return fallback;
      }
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + ": " + value + " (expected: an integer)");
      }
    }

    void rejectUnknown() {
      if (!values.isEmpty()) {
        throw new IllegalArgumentException(
            "unknown option(s): --" + String.join(", --", values.keySet()));
      }
    }
  }
}
