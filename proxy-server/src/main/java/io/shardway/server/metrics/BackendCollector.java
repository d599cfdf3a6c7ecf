package io.shardway.server.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.shardway.server.backend.PoolCounts;
import io.shardway.server.topology.BackendGroup;
import io.shardway.server.topology.BackendHealth;
import io.shardway.server.topology.GroupMember;
import io.shardway.server.topology.ShardGroups;
import java.time.Duration;
import java.util.List;

/**
 * Every backend server as the health monitors and the pools see it, read at scrape time:
 *
 * <ul>
 *   <li>{@code shardway_backend_up{group, backend}}: 1 when the last health check reached the
 *       server, 0 when it did not or none has run yet;
 *   <li>{@code shardway_backend_writer{group, backend}}: 1 for the server that takes its group's
 *       writes now;
 *   <li>{@code shardway_backend_replica_lag_seconds{group, backend}}: how far a replica is behind,
 *       for replicas whose lag is known;
 *   <li>{@code shardway_backend_pool_connections{group, backend, state}}: pooled connections,
 *       {@code active} (borrowed) or {@code idle}, both pools of the server together;
 *   <li>{@code shardway_backend_pool_waiting_threads{group, backend}}: statements waiting for a
 *       connection;
 *   <li>{@code shardway_backend_routed_statements_total{group, backend, role}}: statements sent to
 *       the server as its group's {@code writer} or as a {@code replica}.
 * </ul>
 */
public final class BackendCollector extends Collector {
  private static final List<String> SERVER = List.of("group", "backend");
  private static final List<String> SERVER_AND_STATE = List.of("group", "backend", "state");
  private static final List<String> SERVER_AND_ROLE = List.of("group", "backend", "role");

  private final ShardGroups groups;

  public BackendCollector(ShardGroups groups) {
    this.groups = groups;
  }

  @Override
  public List<MetricFamilySamples> collect() {
    GaugeMetricFamily up =
        new GaugeMetricFamily(
            "shardway_backend_up", "Whether the last health check reached the server.", SERVER);
    GaugeMetricFamily writer =
        new GaugeMetricFamily(
            "shardway_backend_writer",
            "Whether the server takes its shard group's writes now.",
            SERVER);
    GaugeMetricFamily lag =
        new GaugeMetricFamily(
            "shardway_backend_replica_lag_seconds",
            "How far the replica is behind its primary, where known.",
            SERVER);
    GaugeMetricFamily connections =
        new GaugeMetricFamily(
            "shardway_backend_pool_connections",
            "Pooled connections to the server, active (borrowed) or idle.",
            SERVER_AND_STATE);
    GaugeMetricFamily waiting =
        new GaugeMetricFamily(
            "shardway_backend_pool_waiting_threads",
            "Statements waiting for a connection to the server.",
            SERVER);
    CounterMetricFamily routed =
        new CounterMetricFamily(
            "shardway_backend_routed_statements",
            "Statements sent to the server, as its group's writer or as a replica.",
            SERVER_AND_ROLE);
    for (BackendGroup group : groups.all()) {
      GroupMember current = group.writer();
      for (GroupMember member : group.members()) {
        List<String> server = List.of(group.name(), member.name());
        BackendHealth health = member.health();
        up.addMetric(server, health.reachedByCheck() ? 1 : 0);
        writer.addMetric(server, member == current ? 1 : 0);
        if (health.lag() != null) {
          lag.addMetric(server, seconds(health.lag()));
        }
        PoolCounts pool = member.pool().connections();
        connections.addMetric(List.of(group.name(), member.name(), "active"), pool.active());
        connections.addMetric(List.of(group.name(), member.name(), "idle"), pool.idle());
        waiting.addMetric(server, pool.waiting());
        routed.addMetric(List.of(group.name(), member.name(), "writer"), member.writesRouted());
        routed.addMetric(List.of(group.name(), member.name(), "replica"), member.readsRouted());
      }
    }
    return List.of(up, writer, lag, connections, waiting, routed);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
