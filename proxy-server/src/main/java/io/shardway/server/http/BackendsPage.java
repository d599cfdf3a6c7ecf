package io.shardway.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.shardway.server.backend.PoolCounts;
import io.shardway.server.topology.BackendGroup;
import io.shardway.server.topology.BackendHealth;
import io.shardway.server.topology.GroupMember;
import io.shardway.server.topology.ShardGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /admin/backends}: every shard group and its servers, each with its role, its last health
 * check, its pooled connections and the statements routed to it; what {@code SHOW SHARDWAY
 * BACKENDS} answers, as JSON.
 */
final class BackendsPage {
  private final ShardGroups groups;

  BackendsPage(ShardGroups groups) {
    this.groups = groups;
  }

  Answer answer() {
    List<Object> list = new ArrayList<>();
    for (BackendGroup group : groups.all()) {
      GroupMember writer = group.writer();
      List<Object> backends = new ArrayList<>();
      for (GroupMember member : group.members()) {
        backends.add(backend(member, member == writer));
      }
      list.add(
          Json.object(
              "name",
              group.name(),
              "writer",
              writer == null ? null : writer.name(),
              "backends",
              backends));
    }
    return Answer.json(HttpResponseStatus.OK, Json.object("groups", list));
  }

  private static Map<String, Object> backend(GroupMember member, boolean writer) {
    BackendHealth health = member.health();
    PoolCounts pool = member.pool().connections();
    return Json.object(
        "name", member.name(),
        "address", member.pool().address().toString(),
        "role", writer ? "writer" : "replica",
        "configuredPrimary", member.configuredPrimary(),
        "health", health.state().name().toLowerCase(Locale.ROOT),
        "readOnly", health.readOnly(),
        "lagSeconds", health.lag() == null ? null : health.lag().toMillis() / 1000.0,
        "detail", health.detail(),
        "weight", member.weight(),
        "pool",
            Json.object(
                "active", pool.active(),
                "idle", pool.idle(),
                "total", pool.total(),
                "waiting", pool.waiting()),
        "routed", Json.object("writer", member.writesRouted(), "replica", member.readsRouted()));
  }
}
