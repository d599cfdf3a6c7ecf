package io.shardway.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds one entry of a schema's {@code tables}: either a broadcast table (a full copy in each of
 * its groups) or a sharded one (a shard key, an algorithm and the groups its rows spread over).
 */
final class TableBinder {

  private static final Set<String> KEYS =
      Set.of("broadcast", "shardKey", "algorithm", "shardGroups");

  private final DeclaredNames groups;

  /**
   * @param groups the shard groups the config declares
   */
  TableBinder(DeclaredNames groups) {
    this.groups = groups;
  }

  Optional<TableConfig> bind(String name, ConfigNode node) {
    return node.asMapping(KEYS)
        .flatMap(
            map ->
                map.optional("broadcast", ConfigNode::asBoolean, false)
                    .flatMap(broadcast -> broadcast ? broadcast(name, map) : sharded(name, map)));
  }

  private Optional<TableConfig> broadcast(String name, ConfigMap map) {
    Optional<ConfigNode> shardKey = map.get("shardKey");
    Optional<ConfigNode> algorithm = map.get("algorithm");
    shardKey.ifPresent(n -> n.problem("a broadcast table takes no shard key"));
    algorithm.ifPresent(n -> n.problem("a broadcast table takes no algorithm"));
    Optional<List<String>> tableGroups =
        map.optional("shardGroups", groups::references, List.copyOf(groups.names()));
    if (shardKey.isPresent() || algorithm.isPresent() || tableGroups.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TableConfig(name, true, Optional.empty(), Optional.empty(), tableGroups.get()));
  }

  private Optional<TableConfig> sharded(String name, ConfigMap map) {
    Optional<String> shardKey = map.required("shardKey", ConfigNode::asNonEmptyString);
    Optional<List<String>> tableGroups = map.required("shardGroups", groups::references);
    Optional<AlgorithmConfig> algorithm =
        map.required("algorithm", new AlgorithmBinder(new TableGroups(tableGroups))::bind);
    if (shardKey.isEmpty() || algorithm.isEmpty() || tableGroups.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TableConfig(name, false, shardKey, algorithm, tableGroups.get()));
  }
}
