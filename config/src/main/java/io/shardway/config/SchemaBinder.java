package io.shardway.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds the {@code schemas} section: the logical schemas and their tables. */
final class SchemaBinder {

  private static final Set<String> KEYS = Set.of("backendSchema", "defaultShardGroup", "tables");

  private final DeclaredNames groups;
  private final TableBinder tables;

  /**
   * @param groups the shard groups the config declares, which schemas and tables may name
   */
  SchemaBinder(DeclaredNames groups) {
    this.groups = groups;
    this.tables = new TableBinder(groups);
  }

  Optional<Map<String, SchemaConfig>> bind(ConfigNode section) {
    Optional<Map<String, SchemaConfig>> schemas = section.asNamedMap(this::schema);
    if (schemas.isPresent() && schemas.get().isEmpty()) {
      section.problem("at least one schema is required");
      return Optional.empty();
    }
    return schemas;
  }

  private Optional<SchemaConfig> schema(String name, ConfigNode node) {
    return node.asMapping(KEYS)
        .flatMap(
            map -> {
              Optional<String> backendSchema =
                  map.optional("backendSchema", ConfigNode::asNonEmptyString, name);
              Optional<String> defaultGroup = defaultShardGroup(map);
              Optional<Map<String, TableConfig>> schemaTables =
                  map.optional("tables", n -> n.asNamedMap(tables::bind), Map.of());
              if (backendSchema.isEmpty() || defaultGroup.isEmpty() || schemaTables.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new SchemaConfig(
                      name, backendSchema.get(), defaultGroup.get(), schemaTables.get()));
            });
  }

  /**
   * The default group may be left out when there is only one group to choose. When the groups could
   * not be read, their section's problem is already reported and this one would only be noise.
   */
  private Optional<String> defaultShardGroup(ConfigMap map) {
    Optional<ConfigNode> node = map.get("defaultShardGroup");
    if (node.isPresent()) {
      return groups.reference(node.get());
    }
    if (groups.names().size() == 1) {
      return Optional.of(groups.names().iterator().next());
    }
    if (groups.checkable()) {
      map.node()
          .problem(
              "missing required key \"defaultShardGroup\" (there is more than one shard group)");
    }
    return Optional.empty();
  }
}
