package io.shardway.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Binds the {@code readWrite} section; every key is optional and defaults to {@link
 * ReadWrite#DEFAULTS}.
 */
final class ReadWriteBinder {

  private static final Set<String> KEYS =
      Set.of(
          "stickyAfterWrite",
          "readYourWrites",
          "gtidWaitTimeout",
          "maxReplicaLag",
          "balance",
          "monitorInterval",
          "heartbeatTable");

  private ReadWriteBinder() {}

  static Optional<ReadWrite> bind(ConfigNode node) {
    return node.asMapping(KEYS).flatMap(ReadWriteBinder::bind);
  }

  private static Optional<ReadWrite> bind(ConfigMap map) {
    ReadWrite defaults = ReadWrite.DEFAULTS;
    Optional<Duration> stickyAfterWrite =
        map.optional("stickyAfterWrite", ConfigNode::asDuration, defaults.stickyAfterWrite());
    Optional<ReadWrite.ReadYourWrites> readYourWrites =
        map.optional(
            "readYourWrites",
            n -> oneOf(n, ReadWrite.ReadYourWrites.values(), ReadWrite.ReadYourWrites::yamlName),
            defaults.readYourWrites());
    Optional<Duration> gtidWaitTimeout =
        map.optional(
            "gtidWaitTimeout",
            n -> within(n, Duration.ZERO, ReadWrite.MAX_GTID_WAIT_TIMEOUT, "must be at most 10s"),
            defaults.gtidWaitTimeout());
    // A replica always lags by some milliseconds: a limit of 0 would take every read off it.
    Optional<Duration> maxReplicaLag =
        map.optional("maxReplicaLag", ConfigNode::asPositiveDuration, defaults.maxReplicaLag());
    Optional<ReadWrite.Balance> balance =
        map.optional(
            "balance",
            n -> oneOf(n, ReadWrite.Balance.values(), ReadWrite.Balance::yamlName),
            defaults.balance());
    Optional<Duration> monitorInterval =
        map.optional(
            "monitorInterval",
            n ->
                within(
                    n,
                    ReadWrite.MIN_MONITOR_INTERVAL,
                    ReadWrite.MAX_MONITOR_INTERVAL,
                    "must be between 10ms and 1h"),
            defaults.monitorInterval());
    Optional<Optional<String>> heartbeatTable =
        map.optional(
            "heartbeatTable", n -> heartbeatTable(n).map(Optional::of), defaults.heartbeatTable());
    if (stickyAfterWrite.isEmpty()
        || readYourWrites.isEmpty()
        || gtidWaitTimeout.isEmpty()
        || maxReplicaLag.isEmpty()
        || balance.isEmpty()
        || monitorInterval.isEmpty()
        || heartbeatTable.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ReadWrite(
            stickyAfterWrite.get(),
            readYourWrites.get(),
            gtidWaitTimeout.get(),
            maxReplicaLag.get(),
            balance.get(),
            monitorInterval.get(),
            heartbeatTable.get()));
  }

  /** Reads one of the constants of an enum, as {@code spelling} writes them. */
  private static <E extends Enum<E>> Optional<E> oneOf(
      ConfigNode node, E[] values, Function<E, String> spelling) {
    List<String> allowed = Arrays.stream(values).map(spelling).toList();
    return node.asOneOf(allowed).map(text -> values[allowed.indexOf(text)]);
  }

  /** Reads a duration from {@code min} to {@code max}, reporting {@code rule} outside them. */
  private static Optional<Duration> within(
      ConfigNode node, Duration min, Duration max, String rule) {
    return node.asDuration()
        .filter(
            duration -> {
              boolean inRange = duration.compareTo(min) >= 0 && duration.compareTo(max) <= 0;
              if (!inRange) {
                node.problem(rule);
              }
              return inRange;
            });
  }

  private static Optional<String> heartbeatTable(ConfigNode node) {
    return node.asString()
        .filter(
            text -> {
              boolean valid = ReadWrite.HEARTBEAT_TABLE.matcher(text).matches();
              if (!valid) {
                node.problem(
                    "expected schema.table, each part of letters, digits, _ or $, got \""
                        + text
                        + "\"");
              }
              return valid;
            });
  }
}
