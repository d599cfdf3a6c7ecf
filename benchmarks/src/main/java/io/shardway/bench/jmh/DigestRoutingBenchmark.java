package io.shardway.bench.jmh;

import io.shardway.config.AlgorithmConfig;
import io.shardway.router.digest.StatementDigest;
import io.shardway.router.plan.Layouts;
import io.shardway.router.plan.PlanCache;
import io.shardway.router.plan.Route;
import io.shardway.router.plan.RoutePlan;
import io.shardway.router.plan.ShardRouter;
import io.shardway.router.plan.TableLayout;
import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardingAlgorithms;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routing a text statement on a sharded table, as the proxy does for every COM_QUERY of a sharded
 * schema: {@link PlanCache#plan} (the statement's digest and the cached plan of its shape) and
 * {@link RoutePlan#bind}. For comparison, planning each text itself with {@link ShardRouter#plan},
 * which parses it with JSqlParser, and binding the kept plan of a prepared statement.
 *
 * <p>Each call takes the next of 1024 texts that differ only in their literals, so the digest runs
 * on a new string every time while the plan of the shape stays cached, as with an application that
 * sends literals rather than parameters.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DigestRoutingBenchmark {

  private static final int TEXTS = 1024;
  private static final List<String> GROUPS = List.of("s0", "s1", "s2", "s3");

  /** Names for the statements below, so that the JMH report reads on its own. */
  @Param({"point_select", "update", "insert"})
  public String statement;

  private final String[] texts = new String[TEXTS];
  private final List<List<ShardKey>> params = new ArrayList<>(TEXTS);
  private int next;
  private ShardRouter router;
  private PlanCache cache;
  private RoutePlan prepared;

  @Setup
  public void setUp() {
    TableLayout sharded =
        new TableLayout.Sharded(
            "id", ShardingAlgorithms.create(new AlgorithmConfig.Hash(), GROUPS), GROUPS, "sbtest");
    TableLayout home = new TableLayout.Unsharded("s0");
    router =
        new ShardRouter(
            new Layouts() {
              @Override
              public String defaultGroup() {
                return "s0";
              }

              @Override
              public TableLayout layout(String schema, String table) {
                return table.equals("sbtest1") ? sharded : home;
              }
            });
    cache = new PlanCache(router, 10_000);
    prepared = cache.plan(preparedText());
    Random random = new Random(42);
    for (int i = 0; i < TEXTS; i++) {
      int id = random.nextInt(1_000_000) + 1;
      int k = random.nextInt(1_000_000) + 1;
      texts[i] = text(id, k);
      List<ShardKey> values = new ArrayList<>(List.of(ShardKey.ofLong(id), ShardKey.ofLong(k)));
      params.add(values.subList(0, prepared.parameterCount()));
    }
  }

  private String preparedText() {
    return switch (statement) {
      case "point_select" -> "SELECT c FROM sbtest1 WHERE id = ?";
      case "update" -> "UPDATE sbtest1 SET k=k+1 WHERE id=?";
      case "insert" ->
          "INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, ?,"
              + " '83868641912-28773972837-60736120486-75162659906', 'x')";
      default -> throw new IllegalArgumentException("statement: " + statement);
    };
  }

  private String text(int id, int k) {
    return switch (statement) {
      case "point_select" -> "SELECT c FROM sbtest1 WHERE id = " + id;
      case "update" -> "UPDATE sbtest1 SET k=k+1 WHERE id=" + id;
      case "insert" ->
          "INSERT INTO sbtest1 (id, k, c, pad) VALUES ("
              + id
              + ", "
              + k
              + ", '83868641912-28773972837-60736120486-75162659906', '"
              + k
              + "')";
      default -> throw new IllegalArgumentException("statement: " + statement);
    };
  }

  private String nextText() {
    return texts[next++ & (TEXTS - 1)];
  }

  /** What the proxy pays per text statement: digest, cached plan of the shape, bind. */
  @Benchmark
  public Route digestPlanBind() {
    return cache.plan(nextText()).bind(List.of());
  }

  /** The digest alone: the lexer pass that takes the literals out. */
  @Benchmark
  public StatementDigest digest() {
    return StatementDigest.of(nextText());
  }

  /** Parsing every text, as a cache keyed by exact text does for texts with new literals. */
  @Benchmark
  public Route parseEachText() {
    return router.plan(nextText()).bind(List.of());
  }

  /** A prepared statement's execution: its kept plan bound to values read from the packet. */
  @Benchmark
  public Route preparedBind() {
    return prepared.bind(params.get(next++ & (TEXTS - 1)));
  }
}
