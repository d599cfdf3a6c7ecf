package io.shardway.server.session;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The reasons one session is pinned now; every change is counted in {@link PinStatistics}. */
final class SessionPins {
  private final EnumSet<PinReason> reasons = EnumSet.noneOf(PinReason.class);
  private final PinStatistics statistics;

  SessionPins(PinStatistics statistics) {
    this.statistics = statistics;
  }

  void add(PinReason reason) {
    if (reasons.add(reason)) {
      statistics.pinned(reason);
    }
  }

  void remove(PinReason reason) {
    if (reasons.remove(reason)) {
      statistics.unpinned(reason);
    }
  }

  /** Ends the pins that lasted for one statement only. */
  void statementDone() {
    for (PinReason reason : PinReason.values()) {
      if (reason.untilNextStatement()) {
        remove(reason);
      }
    }
  }

  void clear() {
    for (PinReason reason : PinReason.values()) {
      remove(reason);
    }
  }

  boolean isEmpty() {
    return reasons.isEmpty();
  }

  Set<PinReason> reasons() {
    return Collections.unmodifiableSet(
        EnumSet.copyOf(reasons.isEmpty() ? EnumSet.noneOf(PinReason.class) : reasons));
  }
}
