package io.shardway.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.shardway.server.topology.BackendGroup;
import io.shardway.server.topology.BackendHealth;
import io.shardway.server.topology.GroupMember;
import io.shardway.server.topology.ShardGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /health/ready}: whether every shard group has a writer that its health monitor last
 * reached. The answer comes from the monitors' state, not from a connection made for the probe, so
 * it costs nothing and never waits on a hung server; it is at most one {@code
 * readWrite.monitorInterval} old. A group whose primary failed over to a promoted replica is ready:
 * its writes have somewhere to go.
 */
final class Readiness {
  private final ShardGroups groups;

  Readiness(ShardGroups groups) {
    this.groups = groups;
  }

  /** 200 when every group is ready; else 503, naming each group that is not and why. */
  Answer answer() {
    List<Object> unavailable = new ArrayList<>();
    for (BackendGroup group : groups.all()) {
      Map<String, Object> problem = problem(group);
      if (problem != null) {
        unavailable.add(problem);
      }
    }
    if (unavailable.isEmpty()) {
      return Answer.json(HttpResponseStatus.OK, Json.object("status", "ready"));
    }
    return Answer.json(
        HttpResponseStatus.SERVICE_UNAVAILABLE,
        Json.object("status", "unavailable", "unavailable", unavailable));
  }

  /** What keeps {@code group} from taking writes, or null when nothing does. */
  private static Map<String, Object> problem(BackendGroup group) {
    GroupMember writer = group.writer();
    if (writer == null) {
      return Json.object(
          "group",
          group.name(),
          "detail",
          "no writable server: every reachable server is read-only");
    }
    BackendHealth health = writer.health();
    if (health.reachedByCheck()) {
      return null;
    }
    return Json.object(
        "group", group.name(),
        "backend", writer.name(),
        "address", writer.pool().address().toString(),
        "state", health.state().name().toLowerCase(Locale.ROOT),
        "detail", health.detail().isEmpty() ? "not checked yet" : health.detail());
  }
}
