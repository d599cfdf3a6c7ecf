package io.shardway.bench.e2e;

import java.util.List;
import java.util.Map;

/** Measurements for report tests: one second each, without CPU figures or latencies. */
final class Measurements {
  private Measurements() {}

  static Measurement oneSecond(
      Target.Kind target,
      Workload workload,
      int round,
      long queries,
      long writes,
      Map<String, Long> serverCommands,
      List<ShardwayBackends.Routed> routed) {
    return new Measurement(
        target,
        workload,
        round,
        queries,
        writes,
        0,
        1_000_000_000L,
        new LatencyHistogram(),
        ProcCpu.Usage.UNKNOWN,
        ProcCpu.Usage.UNKNOWN,
        ProcCpu.Usage.UNKNOWN,
        -1,
        -1,
        Map.of(),
        serverCommands,
        routed);
  }
}
