package io.shardway.bench.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * Every measurement of a run, warm-ups (round 0) included, one CSV line each, for later analysis.
 */
final class RoundsCsv {
  private static final String HEADER =
      "target,round,queries,errors,seconds,qps,p50_ms,p95_ms,p99_ms,"
          + "middle_cpu_us_per_q,middle_sys_share,middle_cs_per_q,"
          + "mariadbd_cpu_us_per_q,mariadbd_sys_share,mariadbd_cs_per_q,"
          + "client_cpu_us_per_q,other_cpu_us_per_q,machine_busy,mariadb_questions_per_q,"
          + "reads,writes,workload\n";

  private RoundsCsv() {}

  static String render(List<Measurement> warmups, List<Measurement> rounds) {
    List<Measurement> all = new ArrayList<>(warmups);
    all.addAll(rounds);
    StringBuilder out = new StringBuilder(HEADER);
    for (Measurement m : all) {
      out.append(
          String.format(
              "%s,%d,%d,%d,%.3f,%.1f,%.3f,%.3f,%.3f,%.2f,%.3f,%.2f,%.2f,%.3f,%.2f,%.2f,%.2f,%.3f,%.3f,%d,%d,%s%n",
              m.target().label(),
              m.round(),
              m.queries(),
              m.errors(),
              m.elapsedNanos() / 1e9,
              m.qps(),
              m.latencyMillis(50),
              m.latencyMillis(95),
              m.latencyMillis(99),
              m.microsPerQuery(m.middle()),
              Measurement.systemShare(m.middle()),
              m.switchesPerQuery(m.middle()),
              m.microsPerQuery(m.mariaDb()),
              Measurement.systemShare(m.mariaDb()),
              m.switchesPerQuery(m.mariaDb()),
              m.microsPerQuery(m.client()),
              m.otherMicrosPerQuery(),
              m.machineBusy(),
              m.serverPerQuery("Questions"),
              m.reads(),
              m.writes(),
              m.workload().label()));
    }
    return out.toString();
  }
}
