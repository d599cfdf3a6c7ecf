package io.shardway.server.session;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The reasons one session is pinned now; every change is counted in {@link PinStatistics}. */
final class SessionPins {
  private static final PinReason[] ONE_STATEMENT =
      Arrays.stream(PinReason.values())
          .filter(PinReason::untilNextStatement)
          .toArray(PinReason[]::new);
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

  boolean has(PinReason reason) {
    return reasons.contains(reason);
  }

  /** Ends the pins that lasted for one statement only. */
  void statementDone() {
    if (reasons.isEmpty()) {
      return;
    }
    for (PinReason reason : ONE_STATEMENT) {
      remove(reason);
    }
  }

  void clear() {
    for (PinReason reason : reasons) {
      statistics.unpinned(reason);
    }
    reasons.clear();
  }

  boolean isEmpty() {
    return reasons.isEmpty();
  }

  Set<PinReason> reasons() {
    return Collections.unmodifiableSet(
        EnumSet.copyOf(reasons.isEmpty() ? EnumSet.noneOf(PinReason.class) : reasons));
  }
}
