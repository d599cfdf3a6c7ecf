package io.shardway.server.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The metrics Shardway updates as it works, in a registry of this server's own: tests run several
 * servers in one JVM, and each must report only what it did, so nothing goes to simpleclient's
 * JVM-wide default registry.
 *
 * <ul>
 *   <li>{@code shardway_frontend_connections}: client connections open now, authenticated or not;
 *   <li>{@code shardway_frontend_connections_accepted_total}: client connections accepted;
 *   <li>{@code shardway_frontend_connections_rejected_total{reason}}: connections closed before
 *       they became a session, by {@link ConnectionRejection};
 *   <li>{@code shardway_frontend_received_bytes_total}, {@code shardway_frontend_sent_bytes_total}:
 *       bytes on the client connections, as on the wire (encrypted under TLS);
 *   <li>{@code shardway_statements_total{type, route, result}}: each COM_QUERY and
 *       COM_STMT_EXECUTE, by {@link StatementType}, {@link StatementRoute} and {@code result},
 *       {@code ok} or the MySQL error code the client got;
 *   <li>{@code shardway_statement_duration_seconds{route}}: from the start of a statement's
 *       handling to the hand-off of its last response packet to the client connection.
 * </ul>
 *
 * <p>The views of state kept elsewhere (backends, pins) are collectors read at scrape time: {@link
 * BackendCollector} and {@link PinCollector}.
 *
 * <p>The statement path uses children resolved once here, so a statement that succeeds costs two
 * adder increments and a bucket search, and allocates nothing.
 */
public final class ShardwayMetrics {
  /** From half a millisecond, a point select through a local proxy, to a 10-second report. */
  private static final double[] DURATION_BUCKETS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private static final String OK = "ok";
  private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

  private final CollectorRegistry registry = new CollectorRegistry(true);
  private final LongSupplier nanoTime;

  private final Gauge connections =
      Gauge.build("shardway_frontend_connections", "Client connections open now.")
          .register(registry);
  private final Counter accepted =
      Counter.build("shardway_frontend_connections_accepted_total", "Client connections accepted.")
          .register(registry);
  private final Counter rejected =
      Counter.build(
              "shardway_frontend_connections_rejected_total",
              "Client connections closed before authentication completed, by reason.")
          .labelNames("reason")
          .register(registry);
  private final Counter received =
      Counter.build(
              "shardway_frontend_received_bytes_total", "Bytes received from client connections.")
          .register(registry);
  private final Counter sent =
      Counter.build("shardway_frontend_sent_bytes_total", "Bytes sent to client connections.")
          .register(registry);
  private final Counter statements =
      Counter.build(
              "shardway_statements_total",
              "Statements (COM_QUERY, COM_STMT_EXECUTE) by type, route and result (ok or the MySQL"
                  + " error code).")
          .labelNames("type", "route", "result")
          .register(registry);
  private final Histogram durations =
      Histogram.build(
              "shardway_statement_duration_seconds",
              "Time from a statement's arrival at its session to its response's hand-off to the"
                  + " client connection.")
          .labelNames("route")
          .buckets(DURATION_BUCKETS)
          .register(registry);

  private final Counter.Child[] rejectedByReason;
  private final Counter.Child[][] succeeded;
  private final Histogram.Child[] durationByRoute;

  public ShardwayMetrics() {
    this(System::nanoTime);
  }

  /**
   * @param nanoTime the clock statements are timed with, {@link System#nanoTime} but in tests
   */
  ShardwayMetrics(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    ConnectionRejection[] reasons = ConnectionRejection.values();
    rejectedByReason = new Counter.Child[reasons.length];
    for (ConnectionRejection reason : reasons) {
      rejectedByReason[reason.ordinal()] = rejected.labels(reason.label());
    }
    StatementType[] types = StatementType.values();
    StatementRoute[] routes = StatementRoute.values();
    succeeded = new Counter.Child[types.length][routes.length];
    durationByRoute = new Histogram.Child[routes.length];
    for (StatementRoute route : routes) {
      durationByRoute[route.ordinal()] = durations.labels(route.label());
      for (StatementType type : types) {
        succeeded[type.ordinal()][route.ordinal()] =
            statements.labels(type.label(), route.label(), OK);
      }
    }
  }

  /** Where everything is registered, including the collectors added by the server. */
  public CollectorRegistry registry() {
    return registry;
  }

  /** A recorder for the statements of one new session. */
  public StatementRecorder newStatementRecorder() {
    return new StatementRecorder(this);
  }

  /** A client connection ended before it became a session. */
  public void rejected(ConnectionRejection reason) {
    rejectedByReason[reason.ordinal()].inc();
  }

  long nanoTime() {
    return nanoTime.getAsLong();
  }

  void connectionOpened() {
    accepted.inc();
    connections.inc();
  }

  void connectionClosed() {
    connections.dec();
  }

  void received(int bytes) {
    received.inc(bytes);
  }

  void sent(int bytes) {
    sent.inc(bytes);
  }

  /**
   * @param errorCode the MySQL error code the statement ended with, 0 when it succeeded
   */
  void statementDone(StatementType type, StatementRoute route, int errorCode, long nanos) {
    if (errorCode == 0) {
      succeeded[type.ordinal()][route.ordinal()].inc();
    } else {
      statements.labels(type.label(), route.label(), Integer.toString(errorCode)).inc();
    }
    durationByRoute[route.ordinal()].observe(nanos / NANOS_PER_SECOND);
  }
}
