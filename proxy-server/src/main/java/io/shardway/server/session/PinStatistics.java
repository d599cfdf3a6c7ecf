package io.shardway.server.session;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each {@link PinReason} pinned a session, and how many sessions it pins now: the answer
 * to "why did multiplexing stop?".
 */
public final class PinStatistics {
  private final Map<PinReason, LongAdder> total = new EnumMap<>(PinReason.class);
  private final Map<PinReason, LongAdder> current = new EnumMap<>(PinReason.class);

  public PinStatistics() {
    for (PinReason reason : PinReason.values()) {
      total.put(reason, new LongAdder());
      current.put(reason, new LongAdder());
    }
  }

  void pinned(PinReason reason) {
    total.get(reason).increment();
    current.get(reason).increment();
  }

  void unpinned(PinReason reason) {
    current.get(reason).decrement();
  }

  /** Times the reason pinned a session since start. */
  public long total(PinReason reason) {
    return total.get(reason).sum();
  }

  /** Sessions the reason pins right now. */
  public long current(PinReason reason) {
    return current.get(reason).sum();
  }
}
