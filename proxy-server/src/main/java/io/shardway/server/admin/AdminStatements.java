package io.shardway.server.admin;

import io.shardway.server.frontend.LocalResultSet;
import io.shardway.server.session.ClientSession;
import io.shardway.server.session.LocalAnswers;
import io.shardway.server.session.PinReason;
import io.shardway.server.session.PinStatistics;
import io.shardway.server.session.SessionRegistry;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Statements Shardway answers itself, so an operator can see from any MySQL client why multiplexing
 * stopped:
 *
 * <ul>
 *   <li>{@code SHOW SHARDWAY PINS}: each pin reason, the sessions it pins now, and how often it
 *       pinned a session since start;
 *   <li>{@code SHOW SHARDWAY SESSIONS}: each client session, its schema and what pins it.
 * </ul>
 */
public final class AdminStatements implements LocalAnswers {
  private static final String PREFIX = "SHOW SHARDWAY ";

  private final SessionRegistry sessions;
  private final PinStatistics pins;

  public AdminStatements(SessionRegistry sessions, PinStatistics pins) {
    this.sessions = sessions;
    this.pins = pins;
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
