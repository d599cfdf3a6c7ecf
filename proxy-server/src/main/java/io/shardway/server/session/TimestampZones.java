package io.shardway.server.session;

import io.shardway.server.backend.BackendConnection;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a backend session renders TIMESTAMP values at one fixed UTC offset. MySQL orders
 * TIMESTAMPs by instant while rows carry local times; where clocks go back, a later instant reads
 * earlier, so a merge may order TIMESTAMPs by their text only at a fixed offset: a {@code
 * time_zone} of the form {@code +00:00}, or UTC by name. A zone named otherwise may have daylight
 * saving time, now or in some past year, and the abbreviation a server reports for its system zone
 * ({@code GMT} in a London winter) does not say which.
 */
final class TimestampZones {

  private static final Pattern OFFSET = Pattern.compile("[+-]\\d{1,2}:\\d{2}");

  private static final Set<String> UTC =
      Set.of("UTC", "ETC/UTC", "UCT", "ETC/UCT", "UNIVERSAL", "ETC/UNIVERSAL", "ZULU", "ETC/ZULU");

  private static final String EFFECTIVE_ZONE =
      "SELECT IF(@@session.time_zone = 'SYSTEM', @@system_time_zone, @@session.time_zone)";

  private TimestampZones() {}

  /**
   * For a connection brought to its session's state: asked of the server once per connection and
   * {@code time_zone} setting, then remembered on the connection.
   */
  static boolean fixedOffset(BackendConnection backend) throws IOException {
    String setting = String.valueOf(backend.state().variables().get("time_zone"));
    Boolean known = backend.fixedOffsetTimestamps(setting);
    if (known == null) {
      known = isFixed(BackendCommands.selectValue(backend.channel(), EFFECTIVE_ZONE));
      backend.fixedOffsetTimestamps(setting, known);
    }
    return known;
  }

  /** Whether a zone as the server names it is at a fixed offset; false for null (unknown). */
  static boolean isFixed(String zone) {
    if (zone == null) {
      return false;
    }
    String name = zone.strip();
    return OFFSET.matcher(name).matches() || UTC.contains(name.toUpperCase(Locale.ROOT));
  }
}
