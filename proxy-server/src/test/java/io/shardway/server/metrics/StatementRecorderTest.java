package io.shardway.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.client.CollectorRegistry;
import io.shardway.config.BackendAddress;
import io.shardway.config.BackendUser;
import io.shardway.config.Pool;
import io.shardway.config.ReadWrite;
import io.shardway.config.ShardGroup;
import io.shardway.router.StatementClassifier;
import io.shardway.server.topology.BackendGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a session's commands add to the statement metrics; no server is contacted. */
class StatementRecorderTest {
  private long now;
  private final ShardwayMetrics metrics = new ShardwayMetrics(() -> now);
  private final StatementRecorder recorder = metrics.newStatementRecorder();
  private final BackendGroup s0 = group("s0", 3306);
  private final BackendGroup s1 = group("s1", 3307);

  private static BackendGroup group(String name, int port) {
    return BackendGroup.open(
        new ShardGroup(name, new BackendAddress("127.0.0.1", port, Map.of()), List.of()),
        new BackendUser("u", "p"),
        Pool.DEFAULTS,
        ReadWrite.DEFAULTS);
  }

  @AfterEach
  void close() {
    s0.close();
    s1.close();
  }

  private Double statements(String type, String route, String result) {
    return metrics
        .registry()
        .getSampleValue(
            "shardway_statements_total",
            new String[] {"type", "route", "result"},
            new String[] {type, route, result});
  }

  private double durations(String suffix, String route) {
    Double value =
        metrics
            .registry()
            .getSampleValue(
                "shardway_statement_duration_seconds" + suffix,
                new String[] {"route"},
                new String[] {route});
    return value == null ? 0 : value;
  }

  private void run(String sql, int errorCode, Runnable routing) {
    recorder.commandStarted();
    recorder.statement(StatementClassifier.classify(sql));
    routing.run();
    recorder.commandEnded(errorCode);
  }

  @Test
  void countsEachStatementByTypeRouteAndResult() {
    run("SELECT 1", 0, () -> recorder.routed(s0, true));
    run("SELECT 2", 0, () -> recorder.routed(s0, false));
    run("INSERT INTO t VALUES (1)", 0, () -> recorder.routed(s0, true));
    run("SELECT * FROM missing", 1146, () -> recorder.routed(s0, true));
    run("CREATE TABLE t (id INT)", 0, () -> recorder.routed(s0, true));
    run("BEGIN", 0, () -> recorder.routed(s0, true));
    run("SET NAMES utf8mb4", 0, () -> recorder.routed(s0, true));

    assertEquals(1.0, statements("read", "primary", "ok"));
    assertEquals(1.0, statements("read", "replica", "ok"));
    assertEquals(1.0, statements("write", "primary", "ok"));
    assertEquals(1.0, statements("read", "primary", "1146"));
    assertEquals(1.0, statements("ddl", "primary", "ok"));
    assertEquals(1.0, statements("transaction", "primary", "ok"));
    assertEquals(1.0, statements("session", "primary", "ok"));
  }

  @Test
  void aStatementThatReachesNoBackendIsLocal() {
    run("SELECT * FROM sharded", 1235, () -> {});

    recorder.commandStarted();
    recorder.adminStatement();
    recorder.commandEnded(0);

    assertEquals(1.0, statements("read", "local", "1235"));
    assertEquals(1.0, statements("admin", "local", "ok"));
  }

  @Test
  void partsOnSeveralGroupsAreOneScatteredStatement() {
    run(
        "SELECT COUNT(*) FROM users",
        0,
        () -> {
          recorder.routed(s0, false);
          recorder.routed(s1, false);
          recorder.routed(s0, false);
        });

    assertEquals(1.0, statements("read", "scatter", "ok"));
    assertEquals(1.0, durations("_count", "scatter"));
  }

  @Test
  void aReadRetriedOnTheWriterCountsWhereItRanLast() {
    run(
        "SELECT 1",
        0,
        () -> {
          recorder.routed(s0, false);
          recorder.routed(s0, true);
        });

    assertEquals(1.0, statements("read", "primary", "ok"));
    assertEquals(0.0, statements("read", "replica", "ok"));
  }

  @Test
  void commandsThatRunNoStatementAreNotCounted() {
    recorder.commandStarted();
    recorder.routed(s0, true);
    recorder.commandEnded(0);

    assertEquals(0.0, durations("_count", "primary"));
    assertEquals(0.0, statements("read", "primary", "ok"));
  }

  @Test
  void timesFromTheCommandsStartToItsEnd() {
    recorder.commandStarted();
    recorder.statement(StatementClassifier.classify("SELECT 1"));
    recorder.routed(s0, true);
    now += TimeUnit.MILLISECONDS.toNanos(3);
    recorder.commandEnded(0);

    assertEquals(0.003, durations("_sum", "primary"), 1e-9);
    assertEquals(1.0, durations("_count", "primary"));
    assertEquals(
        0.0,
        metrics
            .registry()
            .getSampleValue(
                "shardway_statement_duration_seconds_bucket",
                new String[] {"route", "le"},
                new String[] {"primary", "0.0025"}));
    assertEquals(
        1.0,
        metrics
            .registry()
            .getSampleValue(
                "shardway_statement_duration_seconds_bucket",
                new String[] {"route", "le"},
                new String[] {"primary", "0.005"}));
  }

  @Test
  void everyLabelSetOfASuccessIsThereBeforeTheFirstStatement() {
    CollectorRegistry registry = new ShardwayMetrics().registry();
    assertEquals(
        0.0,
        registry.getSampleValue(
            "shardway_statements_total",
            new String[] {"type", "route", "result"},
            new String[] {"write", "replica", "ok"}));
  }
}
