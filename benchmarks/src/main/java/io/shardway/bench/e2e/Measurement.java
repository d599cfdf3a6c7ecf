package io.shardway.bench.e2e;

import java.util.List;
import java.util.Map;

/**
 * What one target did in one round. CPU figures are over the round, -1 where they could not be
 * read.
 *
 * @param target what was measured
 * @param workload what the load read
 * @param round 1-based; 0 for the warm-up
 * @param queries successful operations: point selects and updates
 * @param writes the successful updates among them
 * @param errors failed ones (SQL errors, wrong results, stuck threads)
 * @param elapsedNanos from the start signal to the last thread's stop
 * @param latencies successful queries' latencies
 * @param middle the process in the middle (haproxy, Shardway); unknown for direct
 * @param mariaDb mariadbd; with replicas, all the servers' together
 * @param client this JVM, the load generator
 * @param machineBusyNanos CPU of the whole machine, all processes, all cores
 * @param machineTotalNanos the machine's CPU capacity over the round (cores × time)
 * @param errorSamples distinct error messages and how often each occurred (the first few)
 * @param serverCommands how much MariaDB's {@code Questions} and {@code Com_*} counters grew
 * @param routed what Shardway sent each server in the round; empty for other targets and without
 *     replicas
 */
record Measurement(
    Target.Kind target,
    Workload workload,
    int round,
    long queries,
    long writes,
    long errors,
    long elapsedNanos,
    LatencyHistogram latencies,
    ProcCpu.Usage middle,
    ProcCpu.Usage mariaDb,
    ProcCpu.Usage client,
    long machineBusyNanos,
    long machineTotalNanos,
    Map<String, Long> errorSamples,
    Map<String, Long> serverCommands,
    List<ShardwayBackends.Routed> routed) {

  Measurement {
    errorSamples = Map.copyOf(errorSamples);
    serverCommands = Map.copyOf(serverCommands);
    routed = List.copyOf(routed);
  }

  /** The successful point selects. */
  long reads() {
    return queries - writes;
  }

  /** How many times MariaDB's counter {@code name} grew per successful query. */
  double serverPerQuery(String name) {
    return queries == 0 ? Double.NaN : (double) serverCommands.getOrDefault(name, 0L) / queries;
  }

  /** The Com_* counters that grew by at least 0.01 per query, e.g. "Com_select 1.00". */
  String serverCommandsPerQuery() {
    StringBuilder out = new StringBuilder();
    new java.util.TreeMap<>(serverCommands)
        .forEach(
            (name, count) -> {
              double perQuery = serverPerQuery(name);
              if (name.startsWith("Com_") && perQuery >= 0.01) {
                out.append(out.length() == 0 ? "" : ", ")
                    .append(String.format("%s %.2f", name, perQuery));
              }
            });
    return out.length() == 0 ? "none" : out.toString();
  }

  double qps() {
    return queries * 1e9 / elapsedNanos;
  }

  /** Successful point selects per second. */
  double readQps() {
    return reads() * 1e9 / elapsedNanos;
  }

  /** Successful updates per second. */
  double writeQps() {
    return writes * 1e9 / elapsedNanos;
  }

  /** Microseconds of CPU per successful query; NaN when unknown. */
  double microsPerQuery(long cpuNanos) {
    return cpuNanos < 0 || queries == 0 ? Double.NaN : cpuNanos / 1e3 / queries;
  }

  /** Microseconds of CPU per successful query of that process; NaN when unknown. */
  double microsPerQuery(ProcCpu.Usage usage) {
    return microsPerQuery(usage.cpuNanos());
  }

  /** The share of that process's CPU spent in the kernel, 0..1; NaN when unknown. */
  static double systemShare(ProcCpu.Usage usage) {
    return usage.cpuNanos() <= 0 ? Double.NaN : (double) usage.systemNanos() / usage.cpuNanos();
  }

  /** Context switches of that process per successful query; NaN when unknown. */
  double switchesPerQuery(ProcCpu.Usage usage) {
    return usage.contextSwitches() < 0 || queries == 0
        ? Double.NaN
        : (double) usage.contextSwitches() / queries;
  }

  /**
   * Microseconds per query of the machine's busy time that none of the three processes used: kernel
   * threads (softirqs run partly there), and whatever else runs on the machine. NaN when unknown.
   */
  double otherMicrosPerQuery() {
    long known = 0;
    for (ProcCpu.Usage usage : new ProcCpu.Usage[] {middle, mariaDb, client}) {
      known += Math.max(0, usage.cpuNanos());
    }
    return machineBusyNanos < 0 || mariaDb.cpuNanos() < 0
        ? Double.NaN
        : microsPerQuery(Math.max(0, machineBusyNanos - known));
  }

  /** The machine's busy share over the round, 0..1; NaN when unknown. */
  double machineBusy() {
    return machineTotalNanos <= 0 ? Double.NaN : (double) machineBusyNanos / machineTotalNanos;
  }

  /** Milliseconds at {@code percentile}. */
  double latencyMillis(double percentile) {
    return latencies.percentile(percentile) / 1e6;
  }

  /** One line for the console as the run goes. */
  String summary() {
    String first =
        String.format(
            "%-8s %-12s %9.0f qps  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  errors %d%s",
            target.label(),
            workload.label(),
            qps(),
            latencyMillis(50),
            latencyMillis(95),
            latencyMillis(99),
            errors,
            writes == 0
                ? ""
                : String.format("  (reads %.0f/s, writes %.0f/s)", readQps(), writeQps()));
    String middlePart =
        middle.cpuNanos() < 0
            ? ""
            : String.format(
                "middle %s (%s%% sys, %s cs/q), ",
                format(microsPerQuery(middle)),
                format(systemShare(middle) * 100),
                format(switchesPerQuery(middle)));
    return String.format(
            "%s%n           CPU µs/q: %smariadbd %s (%s%% sys), client %s, other %s;"
                + " machine busy %s; MariaDB per query: %s",
            first,
            middlePart,
            format(microsPerQuery(mariaDb)),
            format(systemShare(mariaDb) * 100),
            format(microsPerQuery(client)),
            format(otherMicrosPerQuery()),
            Double.isNaN(machineBusy()) ? "n/a" : String.format("%.0f%%", machineBusy() * 100),
            serverCommandsPerQuery())
        + routedSummary();
  }

  /** A line "Shardway routed: NAME (ROLE) reads R writes W, ..." when there are such counts. */
  private String routedSummary() {
    StringBuilder out = new StringBuilder();
    for (ShardwayBackends.Routed server : routed) {
      out.append(out.length() == 0 ? String.format("%n           Shardway routed: ") : ", ")
          .append(
              String.format(
                  "%s (%s) reads %d writes %d",
                  server.server(), server.role(), server.readsRouted(), server.writesRouted()));
    }
    return out.toString();
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "-" : String.format("%.1f", value);
  }
}
