package io.shardway.server.topology;

import java.time.Duration;
import java.util.Locale;

/**
 * What the last health check found on one server.
 *
 * @param state whether the server may take statements, and why not
 * @param readOnly {@code @@read_only}: a writable server is where writes go
 * @param lag how far behind its primary a replica is, null when not known (not replicating)
 * @param applied the replica's {@code @@gtid_slave_pos}, empty on a primary or without GTIDs
 * @param gtids whether the server writes a binlog with GTIDs, so read-your-writes can use them
 * @param detail why the state is what it is, for logs and administration; empty when healthy
 */
public record BackendHealth(
    State state,
    boolean readOnly,
    Duration lag,
    GtidPosition applied,
    boolean gtids,
    String detail) {

  /** The state of a server. */
  public enum State {
    /** Not checked yet: trusted in the role the configuration gives it. */
    UNKNOWN,
    /** Reachable, and when it replicates, within the allowed lag. */
    UP,
    /** Replicating but too far behind, or with replication stopped: no reads. */
    LAGGING,
    /** Not reachable. */
    DOWN
  }

  /** Before the first check. */
  static BackendHealth unknown(boolean readOnly) {
    return new BackendHealth(State.UNKNOWN, readOnly, null, GtidPosition.EMPTY, false, "");
  }

  static BackendHealth down(String reason) {
    return new BackendHealth(State.DOWN, true, null, GtidPosition.EMPTY, false, reason);
  }

  boolean reachable() {
    return state != State.DOWN;
  }

  /** Whether a check has run and reached the server, which may still lag or be read-only. */
  public boolean reachedByCheck() {
    return state == State.UP || state == State.LAGGING;
  }

  /** The state and its reason, compared to log a change only once. */
  String summary() {
    return state.name().toLowerCase(Locale.ROOT)
        + (readOnly ? ", read-only" : ", writable")
        + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
