package io.shardway.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Binds the {@code pool} section; every key is optional and defaults to {@link Pool#DEFAULTS}. */
final class PoolBinder {

  private static final Set<String> KEYS =
      Set.of(
          "maxSize",
          "minIdle",
          "connectionTimeout",
          "idleTimeout",
          "maxLifetime",
          "loopConnections");

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
    // A zero connection timeout would fail every statement the moment the pool is busy.
    Optional<Duration> connectionTimeout =
        map.optional(
            "connectionTimeout", ConfigNode::asPositiveDuration, defaults.connectionTimeout());
    Optional<Duration> idleTimeout =
        map.optional("idleTimeout", ConfigNode::asDuration, defaults.idleTimeout());
    Optional<Duration> maxLifetime =
        map.optional("maxLifetime", ConfigNode::asDuration, defaults.maxLifetime());
    Optional<Integer> loopConnections =
        map.optional(
            "loopConnections", n -> n.asInt(0, Integer.MAX_VALUE), defaults.loopConnections());
    boolean minIdleFits = minIdleFits(map, maxSize, minIdle);
    if (!minIdleFits
        || maxSize.isEmpty()
        || minIdle.isEmpty()
        || connectionTimeout.isEmpty()
        || idleTimeout.isEmpty()
        || maxLifetime.isEmpty()
        || loopConnections.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Pool(
            maxSize.get(),
            minIdle.get(),
            connectionTimeout.get(),
            idleTimeout.get(),
            maxLifetime.get(),
            loopConnections.get()));
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
}
