package io.shardway.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Binds the {@code pool} section; every key is optional and defaults to {@link Pool#DEFAULTS}. */
final class PoolBinder {

  private static final Set<String> KEYS =
      Set.of("maxSize", "minIdle", "connectionTimeout", "idleTimeout", "maxLifetime");

  private PoolBinder() {}

  static Optional<Pool> bind(ConfigNode node) {
    return node.asMapping(KEYS).flatMap(PoolBinder::bind);
  }

  private static Optional<Pool> bind(ConfigMap map) {
    Pool defaults = Pool.DEFAULTS;
    Optional<Integer> maxSize =
        map.optional("maxSize", n -> n.asInt(1, Integer.MAX_VALUE), defaults.maxSize());
    Optional<Integer> minIdle =
        map.optional("minIdle", n -> n.asInt(0, Integer.MAX_VALUE), defaults.minIdle());
    Optional<Duration> connectionTimeout =
        map.optional(
            "connectionTimeout", PoolBinder::positiveDuration, defaults.connectionTimeout());
    Optional<Duration> idleTimeout =
        map.optional("idleTimeout", PoolBinder::duration, defaults.idleTimeout());
    Optional<Duration> maxLifetime =
        map.optional("maxLifetime", PoolBinder::duration, defaults.maxLifetime());
    boolean minIdleFits = minIdleFits(map, maxSize, minIdle);
    if (!minIdleFits
        || maxSize.isEmpty()
        || minIdle.isEmpty()
        || connectionTimeout.isEmpty()
        || idleTimeout.isEmpty()
        || maxLifetime.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Pool(
            maxSize.get(),
            minIdle.get(),
            connectionTimeout.get(),
            idleTimeout.get(),
            maxLifetime.get()));
  }

  private static boolean minIdleFits(
      ConfigMap map, Optional<Integer> maxSize, Optional<Integer> minIdle) {
    if (maxSize.isEmpty() || minIdle.isEmpty() || minIdle.get() <= maxSize.get()) {
      return true;
    }
    // minIdle is then in the file: its default, 0, is below every valid maxSize.
    map.get("minIdle")
        .orElse(map.node())
        .problem("must be at most maxSize (" + maxSize.get() + "), got " + minIdle.get());
    return false;
  }

  private static Optional<Duration> duration(ConfigNode node) {
    return node.as("a duration", Durations::parse);
  }

  // A zero connection timeout would fail every statement the moment the pool is busy.
  private static Optional<Duration> positiveDuration(ConfigNode node) {
    return duration(node)
        .filter(
            duration -> {
              if (duration.isZero()) {
                node.problem("must be longer than 0ms");
              }
              return !duration.isZero();
            });
  }
}
