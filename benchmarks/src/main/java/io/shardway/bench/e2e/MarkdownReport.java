package io.shardway.bench.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The result of a run as markdown, ready to paste into a README: for each workload, one row per
 * target with medians over the rounds, then the qps ratios of Shardway to the other targets taken
 * round by round (the targets of one round ran back to back, so a slow minute on a shared machine
 * cancels out). With writes in the mix the rows split qps into reads and writes; with replicas a
 * second table shows where Shardway sent the statements; over shards a line per workload shows how
 * many statements MariaDB ran for each client query.
 */
final class MarkdownReport {
  private final BenchOptions options;
  private final List<Measurement> rounds;

  MarkdownReport(BenchOptions options, List<Measurement> rounds) {
    this.options = options;
    this.rounds = List.copyOf(rounds);
  }

  String render(String command, Map<String, String> machine, List<String> notes) {
    StringBuilder out = new StringBuilder();
    for (Workload workload : options.workloads()) {
      section(out, workload);
    }
    out.append("Medians over the rounds (latency percentiles: per round, then the median). ")
        .append(
            writes()
                ? "qps and the latencies count reads and writes together; reads/s and writes/s"
                    + " split the qps. "
                : "")
        .append("CPU µs/q: CPU time of a process (all its threads, user + system, from ")
        .append("/proc/PID/stat) per successful query. Middle: haproxy for relay, the Shardway ")
        .append("JVM for shardway; sys: its share of that CPU spent in the kernel; cs/q: its ")
        .append("context switches per query (/proc/PID/task/*/status). Other: the rest of the ")
        .append("machine's busy time (kernel threads, anything else running), per query.")
        .append(options.replicas() == 0 ? "" : " mariadbd: the primary and replicas together.")
        .append(options.shards() == 0 ? "" : " mariadbd: all the servers together.")
        .append("\n\n");
    RoutedTable.render(of(Target.Kind.SHARDWAY)).ifPresent(table -> out.append(table).append('\n'));
    errorSamples(out);
    notes.forEach(note -> out.append("- ").append(note).append('\n'));
    if (!notes.isEmpty()) {
      out.append('\n');
    }
    out.append("Command: `").append(command).append("`  \n");
    machine.forEach((key, value) -> out.append(key).append(": ").append(value).append("  \n"));
    return out.toString();
  }

  /** One workload's heading, table and ratios. */
  private void section(StringBuilder out, Workload workload) {
    out.append(
        String.format(
            "#### %s, %s; client threads: %d; %d rounds × %d s per target%s%n%n",
            writes()
                ? String.format(
                    "Point selects by primary key (%d%%) and index updates (%d%%)",
                    100 - options.writePercent(), options.writePercent())
                : workload.title(),
            options.prepared()
                ? "server prepared statements (COM_STMT_EXECUTE)"
                : "text protocol (COM_QUERY)",
            options.threads(),
            options.rounds(),
            options.roundTime().toSeconds(),
            shape()));
    out.append("| target | qps (median) | qps min–max")
        .append(writes() ? " | reads/s | writes/s" : "")
        .append(
            " | p50 ms | p95 ms | p99 ms | middle CPU µs/q | middle sys | middle cs/q"
                + " | mariadbd CPU µs/q | client CPU µs/q | other CPU µs/q | errors |\n");
    out.append("|---|---:|---:|")
        .append(writes() ? "---:|---:|" : "")
        .append("---:|".repeat(10))
        .append('\n');
    for (Target.Kind kind : Target.Kind.values()) {
      List<Measurement> of = of(workload, kind);
      if (!of.isEmpty()) {
        out.append(row(kind, of));
      }
    }
    out.append('\n');
    ratio(workload, Target.Kind.DIRECT).ifPresent(line -> out.append(line).append("  \n"));
    ratio(workload, Target.Kind.RELAY).ifPresent(line -> out.append(line).append("  \n"));
    if (options.shards() > 0) {
      out.append(statementsPerQuery(workload)).append("  \n");
    }
    out.append('\n');
  }

  /** The servers behind the targets, for the headings. */
  private String shape() {
    if (options.shards() > 0) {
      return String.format(
          "; Shardway over %d MariaDB shards, direct to one MariaDB with every row",
          options.shards());
    }
    return options.replicas() == 0
        ? ""
        : String.format("; MariaDB primary + %d replica(s)", options.replicas());
  }

  /**
   * "MariaDB statements per client query: direct 1.00, shardway 2.00": how many shards each query
   * of Shardway's reached, from MariaDB's {@code Questions} summed over all the servers.
   */
  private String statementsPerQuery(Workload workload) {
    StringBuilder line = new StringBuilder("MariaDB statements per client query (`Questions`):");
    String separator = " ";
    for (Target.Kind kind : Target.Kind.values()) {
      List<Measurement> of = of(workload, kind);
      if (!of.isEmpty()) {
        line.append(separator)
            .append(kind.label())
            .append(' ')
            .append(number(median(of, m -> m.serverPerQuery("Questions")), "%.2f"));
        separator = ", ";
      }
    }
    return line.toString();
  }

  private String row(Target.Kind kind, List<Measurement> of) {
    double[] qps = of.stream().mapToDouble(Measurement::qps).toArray();
    boolean direct = kind == Target.Kind.DIRECT;
    String split =
        writes()
            ? String.format(
                " | %,.0f | %,.0f",
                median(of, Measurement::readQps), median(of, Measurement::writeQps))
            : "";
    return String.format(
        "| %s | %,.0f | %,.0f–%,.0f%s | %.2f | %.2f | %.2f | %s | %s | %s | %s | %s | %s | %d |%n",
        kind == Target.Kind.RELAY ? "relay (haproxy)" : kind.label(),
        median(qps),
        Arrays.stream(qps).min().orElse(0),
        Arrays.stream(qps).max().orElse(0),
        split,
        median(of, m -> m.latencyMillis(50)),
        median(of, m -> m.latencyMillis(95)),
        median(of, m -> m.latencyMillis(99)),
        direct ? "–" : number(median(of, m -> m.microsPerQuery(m.middle())), "%.1f"),
        direct ? "–" : number(median(of, m -> Measurement.systemShare(m.middle()) * 100), "%.0f%%"),
        direct ? "–" : number(median(of, m -> m.switchesPerQuery(m.middle())), "%.2f"),
        number(median(of, m -> m.microsPerQuery(m.mariaDb())), "%.1f"),
        number(median(of, m -> m.microsPerQuery(m.client())), "%.1f"),
        number(median(of, Measurement::otherMicrosPerQuery), "%.1f"),
        of.stream().mapToLong(Measurement::errors).sum());
  }

  /** "Shardway / X qps: **r** (per round: …)", from rounds where both ran the workload. */
  private Optional<String> ratio(Workload workload, Target.Kind other) {
    Map<Integer, Double> shardway = qpsByRound(workload, Target.Kind.SHARDWAY);
    Map<Integer, Double> baseline = qpsByRound(workload, other);
    List<Double> ratios = new ArrayList<>();
    shardway.forEach(
        (round, qps) -> {
          Double base = baseline.get(round);
          if (base != null && base > 0) {
            ratios.add(qps / base);
          }
        });
    if (ratios.isEmpty()) {
      return Optional.empty();
    }
    double[] values = ratios.stream().mapToDouble(Double::doubleValue).toArray();
    StringBuilder perRound = new StringBuilder();
    for (double value : values) {
      perRound.append(perRound.length() == 0 ? "" : ", ").append(String.format("%.2f", value));
    }
    return Optional.of(
        String.format(
            "**Shardway / %s qps: %.2f** (median of per-round ratios: %s)",
            other.label(), median(values), perRound));
  }

  private void errorSamples(StringBuilder out) {
    for (Target.Kind kind : Target.Kind.values()) {
      Map<String, Long> merged = new LinkedHashMap<>();
      of(kind).forEach(m -> m.errorSamples().forEach((k, v) -> merged.merge(k, v, Long::sum)));
      if (!merged.isEmpty()) {
        out.append("Errors through ").append(kind.label()).append(":\n");
        merged.forEach(
            (message, count) ->
                out.append("- ").append(count).append(" × ").append(message).append('\n'));
        out.append('\n');
      }
    }
  }

  /** Whether the mix has writes: then the rows split qps into reads and writes. */
  private boolean writes() {
    return options.writePercent() > 0;
  }

  private Map<Integer, Double> qpsByRound(Workload workload, Target.Kind kind) {
    Map<Integer, Double> byRound = new LinkedHashMap<>();
    of(workload, kind).forEach(m -> byRound.put(m.round(), m.qps()));
    return byRound;
  }

  private List<Measurement> of(Target.Kind kind) {
    return rounds.stream().filter(m -> m.target() == kind).toList();
  }

  private List<Measurement> of(Workload workload, Target.Kind kind) {
    return rounds.stream().filter(m -> m.workload() == workload && m.target() == kind).toList();
  }

  private static double median(List<Measurement> of, ToDoubleFunction<Measurement> value) {
    return median(of.stream().mapToDouble(value).toArray());
  }

  static double median(double[] values) {
    double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static String number(double value, String format) {
    return Double.isNaN(value) ? "n/a" : String.format(format, value);
  }
}
