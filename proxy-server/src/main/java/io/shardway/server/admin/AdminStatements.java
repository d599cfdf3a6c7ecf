package io.shardway.server.admin;

import io.shardway.server.frontend.LocalResultSet;
import io.shardway.server.session.ClientSession;
import io.shardway.server.session.LocalAnswers;
import io.shardway.server.session.PinReason;
import io.shardway.server.session.PinStatistics;
import io.shardway.server.session.SessionRegistry;
import io.shardway.server.topology.BackendGroup;
import io.shardway.server.topology.BackendHealth;
import io.shardway.server.topology.GroupMember;
import io.shardway.server.topology.ShardGroups;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Statements Shardway answers itself, so an operator can see from any MySQL client why multiplexing
 * stopped:
 *
 * <ul>
 *   <li>{@code SHOW SHARDWAY PINS}: each pin reason, the sessions it pins now, and how often it
 *       pinned a session since start;
 *   <li>{@code SHOW SHARDWAY SESSIONS}: each client session, its schema and what pins it;
 *   <li>{@code SHOW SHARDWAY BACKENDS}: each server, its role and health, and the statements routed
 *       to it.
 * </ul>
 */
public final class AdminStatements implements LocalAnswers {
  private static final String PREFIX = "SHOW SHARDWAY ";

  private final SessionRegistry sessions;
  private final PinStatistics pins;
  private final ShardGroups groups;

  public AdminStatements(SessionRegistry sessions, PinStatistics pins, ShardGroups groups) {
    this.sessions = sessions;
    this.pins = pins;
    this.groups = groups;
  }

  /** The answer to {@code sql}, or null when it is not an administration statement. */
  @Override
  public LocalResultSet answer(String sql) {
    String text = sql.strip();
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    if (text.length() <= PREFIX.length()
        || !text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    String what = text.substring(PREFIX.length()).strip().toUpperCase(Locale.ROOT);
    switch (what) {
      case "PINS":
        return pins();
      case "SESSIONS":
        return sessions();
      case "BACKENDS":
        return backends();
      default:
        return null;
    }
  }

  private LocalResultSet pins() {
    LocalResultSet result =
        new LocalResultSet()
            .textColumn("reason")
            .textColumn("description")
            .numberColumn("sessions_now")
            .numberColumn("total");
    for (PinReason reason : PinReason.values()) {
      result.row(
          reason.name().toLowerCase(Locale.ROOT),
          reason.description(),
          pins.current(reason),
          pins.total(reason));
    }
    return result;
  }

  private LocalResultSet backends() {
    LocalResultSet result =
        new LocalResultSet()
            .textColumn("shard_group")
            .textColumn("server")
            .textColumn("address")
            .textColumn("role")
            .textColumn("state")
            .numberColumn("read_only")
            .numberColumn("lag_ms")
            .numberColumn("weight")
            .numberColumn("outstanding")
            .numberColumn("writes_routed")
            .numberColumn("reads_routed")
            .numberColumn("state_changes")
            .textColumn("detail");
    for (BackendGroup group : groups.all()) {
      addBackends(result, group);
    }
    return result;
  }

  private static void addBackends(LocalResultSet result, BackendGroup group) {
    GroupMember writer = group.writer();
    for (GroupMember member : group.members()) {
      BackendHealth health = member.health();
      result.row(
          group.name(),
          member.name(),
          member.pool().address().toString(),
          member == writer ? "writer" : "replica",
          health.state().name().toLowerCase(Locale.ROOT),
          health.readOnly() ? 1 : 0,
          health.lag() == null ? null : health.lag().toMillis(),
          member.weight(),
          member.outstanding(),
          member.writesRouted(),
          member.readsRouted(),
          member.stateChanges(),
          health.detail().isEmpty() ? null : health.detail());
    }
  }

  private LocalResultSet sessions() {
    LocalResultSet result =
        new LocalResultSet()
            .numberColumn("id")
            .textColumn("user")
            .textColumn("host")
            .textColumn("schema")
            .textColumn("pinned_by");
    for (ClientSession session : sessions.sessions()) {
      String pinnedBy =
          session.pinReasons().stream()
              .map(r -> r.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(","));
      result.row(
          session.connectionId(),
          session.user(),
          session.host(),
          session.schema(),
          pinnedBy.isEmpty() ? null : pinnedBy);
    }
    return result;
  }
}
