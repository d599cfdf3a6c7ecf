package io.shardway.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  /** One second of {@code queries} queries, for which MariaDB counted {@code questions}. */
  private static Measurement second(
      Target.Kind target, Workload workload, int round, long queries, long questions) {
    return Measurements.oneSecond(
        target, workload, round, queries, 0, Map.of("Questions", questions), List.of());
  }

  @Test
  void overShardsEachWorkloadHasItsTableRatiosAndStatementsPerQuery() {
    BenchOptions options =
        BenchOptions.parse(new String[] {"--shards", "2", "--rounds", "2"}, Path.of("/x"), "T")
            .orElseThrow();
    List<Measurement> rounds = new ArrayList<>();
    for (int round = 1; round <= 2; round++) {
      rounds.add(second(Target.Kind.DIRECT, Workload.POINT_SELECT, round, 1_000, 1_000));
      rounds.add(second(Target.Kind.SHARDWAY, Workload.POINT_SELECT, round, 500, 500));
      rounds.add(second(Target.Kind.DIRECT, Workload.RANGE_COUNT, round, 800, 800));
      rounds.add(second(Target.Kind.SHARDWAY, Workload.RANGE_COUNT, round, 200 * round, 800));
    }

    String report = new MarkdownReport(options, rounds).render("bin/bench", Map.of(), List.of());

    List<String> lines = report.lines().toList();
    List<String> headings = lines.stream().filter(line -> line.startsWith("#### ")).toList();
    assertEquals(2, headings.size(), report);
    assertTrue(headings.get(0).startsWith("#### Point select by primary key, "), report);
    assertTrue(headings.get(1).startsWith("#### Count over a range of 100 values of k, "), report);
    assertTrue(
        headings
            .get(1)
            .endsWith("; Shardway over 2 MariaDB shards, direct to one MariaDB with every row"),
        report);
    assertTrue(
        lines.contains(
            "**Shardway / direct qps: 0.50** (median of per-round ratios: 0.50, 0.50)  "),
        report);
    assertTrue(
        lines.contains(
            "**Shardway / direct qps: 0.38** (median of per-round ratios: 0.25, 0.50)  "),
        report);
    assertTrue(
        lines.contains(
            "MariaDB statements per client query (`Questions`): direct 1.00, shardway 1.00  "),
        report);
    // 200 and 400 Shardway range counts made 800 statements each: 4 and 2 per query.
    assertTrue(
        lines.contains(
            "MariaDB statements per client query (`Questions`): direct 1.00, shardway 3.00  "),
        report);
  }
}
