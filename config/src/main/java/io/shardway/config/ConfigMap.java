package io.shardway.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** Returns every entry, in file order. */
  Map<String, ConfigNode> entries() {
    return Collections.unmodifiableMap(entries);
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
    keys.forEach(
        (name, key) -> {
          if (!known.contains(name)) {
            owner.problemAt(key, "unknown key \"" + name + "\"");
          }
        });
  }
}
