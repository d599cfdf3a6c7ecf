package io.shardway.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds the {@code shardGroups} section: names mapped to a primary and its replicas. */
final class ShardGroupBinder {

  private static final Set<String> KEYS = Set.of("primary", "replicas");

  private ShardGroupBinder() {}

  static Optional<Map<String, ShardGroup>> bind(ConfigNode section) {
    Optional<Map<String, ShardGroup>> groups = section.asNamedMap(ShardGroupBinder::group);
    if (groups.isPresent() && groups.get().isEmpty()) {
      section.problem("at least one shard group is required");
      return Optional.empty();
    }
    return groups;
  }

  private static Optional<ShardGroup> group(String name, ConfigNode node) {
    return node.asMapping(KEYS)
        .flatMap(
            map -> {
              Optional<BackendAddress> primary = map.required("primary", ShardGroupBinder::address);
              Optional<List<BackendAddress>> replicas =
                  map.optional("replicas", n -> n.asListOf(ShardGroupBinder::address), List.of());
              if (primary.isEmpty() || replicas.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(new ShardGroup(name, primary.get(), replicas.get()));
            });
  }

  private static Optional<BackendAddress> address(ConfigNode node) {
    return node.as("mysql://host:port", BackendAddress::parse);
  }
}
