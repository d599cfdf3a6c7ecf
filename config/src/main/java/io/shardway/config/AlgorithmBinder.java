package io.shardway.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a sharded table's {@code algorithm}: its {@code type}, then the keys that type takes. Keys
 * of another type are reported as unknown, so a setting never silently does nothing.
 */
final class AlgorithmBinder {

  private static final Map<String, Set<String>> KEYS =
      Map.of(
          "mod", Set.of("type"),
          "hash", Set.of("type"),
          "range", Set.of("type", "ranges"),
          "consistent-hash", Set.of("type", "virtualNodes"),
          "list", Set.of("type", "values", "default"));

  private final TableGroups groups;

  /**
   * @param groups the table's shard groups, which ranges and lists may name
   */
  AlgorithmBinder(TableGroups groups) {
    this.groups = groups;
  }

  Optional<AlgorithmConfig> bind(ConfigNode node) {
    return node.asMapping()
        .flatMap(
            map ->
                map.required("type", n -> n.asOneOf(AlgorithmConfig.TYPES))
                    .flatMap(type -> bind(type, map)));
  }

  private Optional<AlgorithmConfig> bind(String type, ConfigMap map) {
    map.rejectKeysOtherThan(KEYS.get(type));
    return switch (type) {
      case "mod" -> Optional.of(new AlgorithmConfig.Mod());
      case "hash" -> Optional.of(new AlgorithmConfig.Hash());
      case "range" -> new RangeBinder(groups).bind(map);
      case "consistent-hash" ->
          map.optional(
                  "virtualNodes",
                  n -> n.asInt(1, AlgorithmConfig.ConsistentHash.MAX_VIRTUAL_NODES),
                  AlgorithmConfig.ConsistentHash.DEFAULT_VIRTUAL_NODES)
              .map(AlgorithmConfig.ConsistentHash::new);
      case "list" -> new ValueListBinder(groups).bind(map);
      default -> throw new IllegalStateException("no binder for algorithm type " + type);
    };
  }
}
