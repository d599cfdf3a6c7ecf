package io.shardway.config;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The entries of one YAML mapping, looked up by key.
 *
 * <p>SnakeYAML's composer keeps duplicate keys and accepts any node as a key; both are reported
 * here, and the first occurrence of a duplicated key wins.
 */
final class ConfigMap {

  private final ConfigNode owner;
  private final Map<String, Node> keys = new LinkedHashMap<>();
  private final Map<String, ConfigNode> entries = new LinkedHashMap<>();

  ConfigMap(ConfigNode owner, MappingNode mapping) {
    this.owner = owner;
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        owner.problemAt(
            tuple.getKeyNode(),
            "expected a plain key, got " + ConfigNode.describe(tuple.getKeyNode()));
      } else if (keys.containsKey(key.getValue())) {
        owner.problemAt(key, "duplicate key \"" + key.getValue() + "\"");
      } else {
        keys.put(key.getValue(), key);
        entries.put(key.getValue(), owner.child(key.getValue(), tuple.getValueNode()));
      }
    }
  }

  /** Returns the node of the mapping itself. */
  ConfigNode node() {
    return owner;
  }

  /**
   * Binds the value of every entry with {@code entry}, given the key and the value. Every entry is
   * bound, even after one fails, so that all problems are found; the result keeps file order.
   */
  <T> Optional<Map<String, T>> bindEntries(BiFunction<String, ConfigNode, Optional<T>> entry) {
    Map<String, T> bound = new LinkedHashMap<>();
    boolean complete = true;
    for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
      Optional<T> value = entry.apply(e.getKey(), e.getValue());
      value.ifPresent(v -> bound.put(e.getKey(), v));
      complete &= value.isPresent();
    }
    return complete ? Optional.of(Collections.unmodifiableMap(bound)) : Optional.empty();
  }

  /** Returns the value of {@code key}, if the mapping has it. */
  Optional<ConfigNode> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** Returns the value of {@code key}, or reports it missing at the mapping. */
  Optional<ConfigNode> require(String key) {
    Optional<ConfigNode> value = get(key);
    if (value.isEmpty()) {
      owner.problem("missing required key \"" + key + "\"");
    }
    return value;
  }

  /** Binds the value of a required key. */
  <T> Optional<T> required(String key, Function<ConfigNode, Optional<T>> reader) {
    return require(key).flatMap(reader);
  }

  /** Binds the value of an optional key, or returns {@code fallback} when the key is absent. */
  <T> Optional<T> optional(String key, Function<ConfigNode, Optional<T>> reader, T fallback) {
    return get(key).map(reader).orElse(Optional.of(fallback));
  }

  /**
   * Reports every key not in {@code known}, at the key. A misspelt key is the most common mistake
   * in a hand-written file, and ignoring it would silently leave the default in force.
   */
  void rejectKeysOtherThan(Set<String> known) {
    rejectKeysOtherThan(known, name -> "unknown key \"" + name + "\"");
  }

  /**
   * Reports every key not in {@code known}, at the key, with the message {@code problem} makes of
   * its name: for mappings whose keys are names declared elsewhere.
   *
   * @return whether every key is known
   */
  boolean rejectKeysOtherThan(Collection<String> known, Function<String, String> problem) {
    boolean allKnown = true;
    for (Map.Entry<String, Node> key : keys.entrySet()) {
      if (!known.contains(key.getKey())) {
        owner.problemAt(key.getValue(), problem.apply(key.getKey()));
        allKnown = false;
      }
    }
    return allKnown;
  }
}
