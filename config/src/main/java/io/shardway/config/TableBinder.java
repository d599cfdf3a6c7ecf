package io.shardway.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds one entry of a schema's {@code tables}: either a broadcast table (a full copy in each of
 * its groups) or a sharded one (a shard key, an algorithm, the groups its rows spread over, and
 * perhaps a key generator).
 */
final class TableBinder {

  private static final Set<String> KEYS =
      Set.of("broadcast", "shardKey", "algorithm", "shardGroups", "keyGenerator");

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
    Optional<ConfigNode> keyGenerator = map.get("keyGenerator");
    shardKey.ifPresent(n -> n.problem("a broadcast table takes no shard key"));
    algorithm.ifPresent(n -> n.problem("a broadcast table takes no algorithm"));
    // A write to a broadcast table runs unchanged on every copy: nothing would add the keys.
    keyGenerator.ifPresent(n -> n.problem("a broadcast table takes no key generator"));
    Optional<List<String>> tableGroups =
        map.optional("shardGroups", groups::references, List.copyOf(groups.names()));
    if (shardKey.isPresent()
        || algorithm.isPresent()
        || keyGenerator.isPresent()
        || tableGroups.isEmpty()) {
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
    // Absent also when it has a problem, which is recorded: the file is then refused anyway.
    Optional<KeyGeneratorConfig> keyGenerator =
        map.get("keyGenerator").flatMap(TableBinder::keyGenerator);
    if (shardKey.isEmpty() || algorithm.isEmpty() || tableGroups.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TableConfig(name, false, shardKey, algorithm, tableGroups.get(), keyGenerator));
  }

  /** A {@code keyGenerator}: its {@code type}, the only key while snowflake is the only type. */
  private static Optional<KeyGeneratorConfig> keyGenerator(ConfigNode node) {
    return node.asMapping(Set.of("type"))
        .flatMap(map -> map.required("type", n -> n.asOneOf(KeyGeneratorConfig.TYPES)))
        .map(type -> new KeyGeneratorConfig.Snowflake());
  }
}
