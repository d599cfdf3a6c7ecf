package io.shardway.bench.jmh;

import io.shardway.router.StatementClassifier;
import io.shardway.router.StatementInfo;
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
 * {@link StatementClassifier#classify}, which runs on every COM_QUERY the proxy forwards: the cost
 * a statement pays before it reaches a backend, for statements an application typically sends.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StatementClassifierBenchmark {

  /** Names for the statements below, so that the JMH report reads on its own. */
  @Param({
    "point_select",
    "join_select",
    "insert",
    "update",
    "set_names",
    "begin",
    "commented_select"
  })
  public String statement;

  private String sql;

  @Setup
  public void setUp() {
    sql =
        switch (statement) {
          case "point_select" -> "SELECT c FROM sbtest1 WHERE id=4711";
          case "join_select" ->
              "SELECT u.id, u.name, o.total FROM users u JOIN orders o ON o.user_id = u.id"
                  + " WHERE u.country = 'DE' AND o.created_at > '2024-01-01' ORDER BY o.total DESC"
                  + " LIMIT 20";
          case "insert" ->
              "INSERT INTO orders (user_id, total, created_at) VALUES (17, 99.50, NOW()),"
                  + " (18, 12.00, NOW()), (19, 7.25, NOW())";
          case "update" -> "UPDATE sbtest1 SET k=k+1 WHERE id=4711";
          case "set_names" -> "SET NAMES utf8mb4 COLLATE utf8mb4_general_ci";
          case "begin" -> "BEGIN";
          case "commented_select" ->
              "/* app=checkout, trace=4bf92f3577b34da6a3ce929d0e0e4736 */"
                  + " SELECT id, status FROM orders WHERE user_id = 42 -- latest first\n"
                  + " ORDER BY id DESC LIMIT 10";
          default -> throw new IllegalArgumentException("statement: " + statement);
        };
  }

  @Benchmark
  public StatementInfo classify() {
    return StatementClassifier.classify(sql);
  }
}
