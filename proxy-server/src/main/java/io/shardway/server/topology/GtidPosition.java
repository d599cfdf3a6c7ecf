package io.shardway.server.topology;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A MariaDB GTID position: for each replication domain, the sequence number of the last
 * transaction, as {@code @@gtid_slave_pos}, {@code @@gtid_binlog_pos} and {@code @@last_gtid} write
 * it ({@code domain-server-sequence}, comma-separated). With {@code gtid_strict_mode} the sequence
 * numbers of a domain only grow, so one position covers another when it is at least as far in every
 * domain of the other; the server id does not matter for that.
 */
public final class GtidPosition {
  public static final GtidPosition EMPTY = new GtidPosition(Map.of());

  /** One transaction's id: where it was first written, and its number in its domain. */
  private record Gtid(long domain, long server, long sequence) {
    boolean atLeast(Gtid other) {
      return Long.compareUnsigned(sequence, other.sequence) >= 0;
    }
  }

  private final Map<Long, Gtid> lastByDomain;

  private GtidPosition(Map<Long, Gtid> lastByDomain) {
    this.lastByDomain = lastByDomain;
  }

  /**
   * Parses a position; null, blank and malformed text give {@link #EMPTY}, which covers nothing but
   * itself: a replica whose position cannot be read is never taken to be up to date.
   */
  public static GtidPosition parse(String text) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    Map<Long, Gtid> last = new HashMap<>();
    for (String part : text.split(",")) {
      String[] parts = part.strip().split("-");
      if (parts.length != 3) {
        return EMPTY;
      }
      try {
        Gtid gtid =
            new Gtid(
                Long.parseUnsignedLong(parts[0]),
                Long.parseUnsignedLong(parts[1]),
                Long.parseUnsignedLong(parts[2]));
        last.merge(gtid.domain(), gtid, GtidPosition::later);
      } catch (NumberFormatException e) {
        return EMPTY;
      }
    }
    return new GtidPosition(Collections.unmodifiableMap(last));
  }

  public boolean isEmpty() {
    return lastByDomain.isEmpty();
  }

  /** Whether a server at this position has applied every transaction up to {@code other}. */
  public boolean covers(GtidPosition other) {
    for (Gtid theirs : other.lastByDomain.values()) {
      Gtid mine = lastByDomain.get(theirs.domain());
      if (mine == null || !mine.atLeast(theirs)) {
        return false;
      }
    }
    return true;
  }

  /** The position that covers both: the later sequence of each domain. */
  public GtidPosition union(GtidPosition other) {
    if (other.isEmpty() || covers(other)) {
      return this;
    }
    Map<Long, Gtid> merged = new HashMap<>(lastByDomain);
    other
        .lastByDomain
        .values()
        .forEach(gtid -> merged.merge(gtid.domain(), gtid, GtidPosition::later));
    return new GtidPosition(Collections.unmodifiableMap(merged));
  }

  private static Gtid later(Gtid a, Gtid b) {
    return a.atLeast(b) ? a : b;
  }

  /** The position in MariaDB's notation, as {@code MASTER_GTID_WAIT} takes it. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Gtid gtid : lastByDomain.values()) {
      text.append(text.length() == 0 ? "" : ",")
          .append(Long.toUnsignedString(gtid.domain()))
          .append('-')
          .append(Long.toUnsignedString(gtid.server()))
          .append('-')
          .append(Long.toUnsignedString(gtid.sequence()));
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GtidPosition other && lastByDomain.equals(other.lastByDomain);
  }

  @Override
  public int hashCode() {
    return lastByDomain.hashCode();
  }
}
