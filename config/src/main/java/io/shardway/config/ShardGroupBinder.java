package io.shardway.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the {@code shardGroups} section: names mapped to a primary and its replicas, each replica
 * written as an address or as a mapping with its address and weight.
 */
final class ShardGroupBinder {

  private static final Set<String> KEYS = Set.of("primary", "replicas");
  private static final Set<String> REPLICA_KEYS = Set.of("address", "weight");

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
              // The servers of the group so far, by host and port, each with what it is.
              Map<String, String> servers = new HashMap<>();
              primary.ifPresent(p -> servers.put(server(p), "the primary"));
              Optional<List<Replica>> replicas =
                  map.optional("replicas", n -> n.asListOf(r -> replica(r, servers)), List.of());
              if (primary.isEmpty() || replicas.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(new ShardGroup(name, primary.get(), replicas.get()));
            });
  }

  private static Optional<Replica> replica(ConfigNode node, Map<String, String> servers) {
    if (!node.isMapping()) {
      return node.as(
              "mysql://host:port or a mapping with address and weight", BackendAddress::parse)
          .filter(address -> distinct(node, address, servers))
          .map(address -> new Replica(address, Replica.DEFAULT_WEIGHT));
    }
    return node.asMapping(REPLICA_KEYS)
        .flatMap(
            map -> {
              Optional<BackendAddress> address =
                  map.required("address", n -> address(n).filter(a -> distinct(n, a, servers)));
              Optional<Integer> weight =
                  map.optional(
                      "weight", n -> n.asInt(0, Replica.MAX_WEIGHT), Replica.DEFAULT_WEIGHT);
              if (address.isEmpty() || weight.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(new Replica(address.get(), weight.get()));
            });
  }

  /**
   * Reports a replica that is a server the group already names: reads would double up on it, or
   * land on the primary while counted as a replica's.
   */
  private static boolean distinct(
      ConfigNode node, BackendAddress address, Map<String, String> servers) {
    String already = servers.putIfAbsent(server(address), "a replica");
    if (already != null) {
      node.problem(address + " is already " + already + " of this shard group");
    }
    return already == null;
  }

  /** Host names are case-insensitive, so {@code DB-1} and {@code db-1} are one server. */
  private static String server(BackendAddress address) {
    return address.host().toLowerCase(Locale.ROOT) + ":" + address.port();
  }

  private static Optional<BackendAddress> address(ConfigNode node) {
    return node.as("mysql://host:port", BackendAddress::parse);
  }
}
