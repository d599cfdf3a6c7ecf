package io.shardway.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  private static final Path ROOT = Path.of("/checkout");

  private static BenchOptions parse(String... args) {
    return BenchOptions.parse(args, ROOT, "T").orElseThrow();
  }

  @Test
  void defaults() {
    BenchOptions options = parse();
    assertEquals(5, options.rounds());
    assertEquals(Duration.ofSeconds(10), options.roundTime());
    assertEquals(16, options.threads());
    assertEquals(100_000, options.rows());
    assertFalse(options.prepared());
    assertEquals(
        List.of(Target.Kind.DIRECT, Target.Kind.RELAY, Target.Kind.SHARDWAY), options.targets());
    assertEquals(0, options.replicas());
    assertEquals(0, options.writePercent());
    assertEquals(ROOT.resolve("proxy-server/target/shardway.jar"), options.shardwayJar());
    assertEquals(ROOT.resolve("benchmarks/target/e2e/T-text"), options.workDirectory());
  }

  @Test
  void bothSpellingsAndFlags() {
    BenchOptions options =
        parse("--rounds", "3", "--seconds=7", "--prepared", "--targets", "shardway,direct");
    assertEquals(3, options.rounds());
    assertEquals(Duration.ofSeconds(7), options.roundTime());
    assertTrue(options.prepared());
    assertEquals(List.of(Target.Kind.SHARDWAY, Target.Kind.DIRECT), options.targets());
    assertEquals(ROOT.resolve("benchmarks/target/e2e/T-prepared"), options.workDirectory());
    assertEquals(
        List.of("-Xmx1g", "-XX:+UseParallelGC"),
        parse("--proxy-jvm-opts", " -Xmx1g  -XX:+UseParallelGC ").proxyJvmOptions());
  }

  @Test
  void readHeavyMixWithReplicas() {
    BenchOptions options = parse("--replicas", "2", "--write-percent=10");
    assertEquals(2, options.replicas());
    assertEquals(10, options.writePercent());
    assertEquals(100, parse("--write-percent", "100").writePercent());
  }

  @Test
  void shardsMeasureBothWorkloadsAgainstDirect() {
    BenchOptions options = parse("--shards", "3");
    assertEquals(3, options.shards());
    assertEquals(List.of(Target.Kind.DIRECT, Target.Kind.SHARDWAY), options.targets());
    assertEquals(List.of(Workload.POINT_SELECT, Workload.RANGE_COUNT), options.workloads());
    assertEquals(ROOT.resolve("benchmarks/target/e2e/T-text-3-shards"), options.workDirectory());
    assertEquals(0, parse().shards());
    assertEquals(List.of(Workload.POINT_SELECT), parse().workloads());
  }

  @Test
  void shardsRefuseWhatTheyDoNotCombineWith() {
    assertEquals(
        "shards: 1 (expected: 0, or >= 2)",
        assertThrows(IllegalArgumentException.class, () -> parse("--shards", "1")).getMessage());
    assertEquals(
        "shards: -2 (expected: 0, or >= 2)",
        assertThrows(IllegalArgumentException.class, () -> parse("--shards=-2")).getMessage());
    assertEquals(
        "replicas: 1 (expected: 0 with --shards: its shard groups have none)",
        assertThrows(IllegalArgumentException.class, () -> parse("--shards=2", "--replicas=1"))
            .getMessage());
    assertEquals(
        "write-percent: 10 (expected: 0 with --shards, which checks its counts against the"
            + " loaded rows)",
        assertThrows(
                IllegalArgumentException.class, () -> parse("--shards=2", "--write-percent=10"))
            .getMessage());
    assertEquals(
        "targets: relay (expected: direct and shardway with --shards, which compares Shardway"
            + " with one unsharded server)",
        assertThrows(
                IllegalArgumentException.class,
                () -> parse("--shards=2", "--targets=direct,relay,shardway"))
            .getMessage());
  }

  @Test
  void helpAsksForNoRun() {
    assertTrue(BenchOptions.parse(new String[] {"--help"}, ROOT, "T").isEmpty());
  }

  @Test
  void badValuesFailWithTheValueInTheMessage() {
    assertEquals(
        "rounds: 0 (expected: > 0)",
        assertThrows(IllegalArgumentException.class, () -> parse("--rounds", "0")).getMessage());
    assertEquals(
        "threads: x (expected: an integer)",
        assertThrows(IllegalArgumentException.class, () -> parse("--threads", "x")).getMessage());
    assertEquals(
        "target: proxysql (expected: one of [direct, relay, shardway])",
        assertThrows(IllegalArgumentException.class, () -> parse("--targets", "proxysql"))
            .getMessage());
    assertEquals(
        "replicas: -1 (expected: >= 0)",
        assertThrows(IllegalArgumentException.class, () -> parse("--replicas", "-1")).getMessage());
    assertEquals(
        "write-percent: 101 (expected: 0 to 100)",
        assertThrows(IllegalArgumentException.class, () -> parse("--write-percent", "101"))
            .getMessage());
    assertEquals(
        "write-percent: -5 (expected: 0 to 100)",
        assertThrows(IllegalArgumentException.class, () -> parse("--write-percent=-5"))
            .getMessage());
    assertEquals(
        "write-percent: 10% (expected: an integer)",
        assertThrows(IllegalArgumentException.class, () -> parse("--write-percent", "10%"))
            .getMessage());
    assertEquals(
        "unknown option(s): --bogus",
        assertThrows(IllegalArgumentException.class, () -> parse("--bogus", "1")).getMessage());
    assertEquals(
        "option --rows needs a value",
        assertThrows(IllegalArgumentException.class, () -> parse("--rows")).getMessage());
  }
}
