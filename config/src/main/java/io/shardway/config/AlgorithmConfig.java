package io.shardway.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sharding algorithm of a table (key {@code algorithm} of a table): its {@code type}, and the
 * keys that type takes.
 *
 * <p>There is one record per type, so that the loader checks every key where it is written, with
 * its line and column, and the router builds the algorithm from values that are already checked.
 * The records check what they can on their own as well; the names of shard groups they hold are
 * checked against the table's {@code shardGroups} by the loader and by the router.
 */
public sealed interface AlgorithmConfig
    permits AlgorithmConfig.Mod,
        AlgorithmConfig.Hash,
        AlgorithmConfig.Range,
        AlgorithmConfig.ConsistentHash,
        AlgorithmConfig.ValueList {

  /** The algorithm types, as written in {@code type}. */
  List<String> TYPES = List.of("mod", "hash", "range", "consistent-hash", "list");

  /** Returns the type, as written in {@code type}. */
  String type();

  /**
   * {@code type: mod}: an integer shard key, modulo the number of the table's groups, is the index
   * of its group. It takes no other keys.
   */
  record Mod() implements AlgorithmConfig {
    @Override
    public String type() {
      return "mod";
    }
  }

  /**
   * {@code type: hash}: a stable 64-bit hash of the shard key, modulo the number of the table's
   * groups, is the index of its group. It takes no other keys.
   */
  record Hash() implements AlgorithmConfig {
    @Override
    public String type() {
      return "hash";
    }
  }

  /**
   * {@code type: range}: each range of integer keys belongs to one group.
   *
   * @param ranges key {@code ranges}: at least one, in ascending order, none overlapping; there may
   *     be gaps between them, and a group may hold several ranges or none
   */
  record Range(List<KeyRange> ranges) implements AlgorithmConfig {

    /**
     * Checks the arguments and copies the list.
     *
     * @throws IllegalArgumentException if there is no range, or a range does not start at or after
     *     the end of the one before it (so only the first may be unbounded below, and only the last
     *     unbounded above)
     */
    public Range {
      ranges = List.copyOf(ranges);
      if (ranges.isEmpty()) {
        throw new IllegalArgumentException("at least one range is required");
      }
      for (int i = 1; i < ranges.size(); i++) {
        Optional<Long> end = ranges.get(i - 1).to();
        Optional<Long> start = ranges.get(i).from();
        if (end.isEmpty() || start.isEmpty() || start.get() < end.get()) {
          throw new IllegalArgumentException(
              "ranges[" + i + "] must start at or after the end of ranges[" + (i - 1) + "]");
        }
      }
    }

    @Override
    public String type() {
      return "range";
    }
  }

  /**
   * One entry of a {@code range} algorithm's {@code ranges}: the keys from {@code from}, inclusive,
   * to {@code to}, exclusive.
   *
   * @param shardGroup key {@code shardGroup}: the group that holds these keys, one of the table's
   * @param from key {@code from}: the lowest key; empty for no lower bound
   * @param to key {@code to}: the key above the highest; empty for no upper bound; above {@code
   *     from}
   */
  record KeyRange(String shardGroup, Optional<Long> from, Optional<Long> to) {

    /**
     * Checks the arguments.
     *
     * @throws IllegalArgumentException if {@code to} is not above {@code from}
     */
    public KeyRange {
      Objects.requireNonNull(shardGroup, "shardGroup");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.isPresent() && to.isPresent() && to.get() <= from.get()) {
        throw new IllegalArgumentException(
            "to must be greater than from (" + from.get() + "), got " + to.get());
      }
    }
  }

  /**
   * {@code type: consistent-hash}: each group has {@code virtualNodes} points on a ring of 64-bit
   * hashes, and a key belongs to the group of the first point at or after its own hash. Adding a
   * group to n moves about 1/(n+1) of the keys, all to the new group, where {@code hash} moves
   * most.
   *
   * @param virtualNodes key {@code virtualNodes}: the points of each group, from 1 to {@value
   *     #MAX_VIRTUAL_NODES}; defaults to {@value #DEFAULT_VIRTUAL_NODES}. More points spread the
   *     keys more evenly.
   */
  record ConsistentHash(int virtualNodes) implements AlgorithmConfig {

    /** The points of each group when {@code virtualNodes} is left out. */
    public static final int DEFAULT_VIRTUAL_NODES = 160;

    /** The most points a group may have. */
    public static final int MAX_VIRTUAL_NODES = 10_000;

    /**
     * Checks the argument.
     *
     * @throws IllegalArgumentException if {@code virtualNodes} is not from 1 to {@value
     *     #MAX_VIRTUAL_NODES}
     */
    public ConsistentHash {
      if (virtualNodes < 1 || virtualNodes > MAX_VIRTUAL_NODES) {
        throw new IllegalArgumentException(
            "virtualNodes must be between 1 and " + MAX_VIRTUAL_NODES + ", got " + virtualNodes);
      }
    }

    @Override
    public String type() {
      return "consistent-hash";
    }
  }

  /**
   * {@code type: list}: each group holds the keys listed for it, such as the countries of a region.
   *
   * @param values key {@code values}: the values each group holds, by group, in file order, as
   *     written; each value is listed once, as {@link ShardKeyText} compares them ({@code US} and
   *     {@code us} are one value, and so are {@code 42} and {@code 42.0})
   * @param defaultShardGroup key {@code default}: the group of the keys that are not listed; when
   *     empty, such a key is an error
   */
  record ValueList(Map<String, List<String>> values, Optional<String> defaultShardGroup)
      implements AlgorithmConfig {

    /**
     * Checks the arguments and copies the map and lists, keeping their order.
     *
     * @throws IllegalArgumentException if a value is listed twice
     */
    public ValueList {
      Objects.requireNonNull(defaultShardGroup, "defaultShardGroup");
      Map<String, List<String>> copy = new LinkedHashMap<>();
      Map<Object, String> groupOf = new HashMap<>();
      values.forEach(
          (group, listed) -> {
            copy.put(group, List.copyOf(listed));
            for (String value : listed) {
              String first = groupOf.putIfAbsent(ShardKeyText.comparable(value), group);
              if (first != null) {
                throw new IllegalArgumentException(
                    "\"" + value + "\" of " + group + " is already listed for " + first);
              }
            }
          });
      values = Collections.unmodifiableMap(copy);
    }

    @Override
    public String type() {
      return "list";
    }
  }
}
