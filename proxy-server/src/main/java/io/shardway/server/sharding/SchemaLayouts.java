package io.shardway.server.sharding;

import io.shardway.config.SchemaConfig;
import io.shardway.config.TableConfig;
import io.shardway.router.plan.Layouts;
import io.shardway.router.plan.TableLayout;
import io.shardway.router.shard.ShardingAlgorithms;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table layouts of every logical schema, as the configuration's {@code tables} say, seen from
 * statements whose default schema is one of them.
 */
final class SchemaLayouts implements Layouts {
  private final String schema;
  private final String defaultGroup;
  private final Map<String, Map<String, TableLayout>> bySchema;
  private final Map<String, String> defaultGroups;

  private SchemaLayouts(
      String schema,
      Map<String, Map<String, TableLayout>> bySchema,
      Map<String, String> defaultGroups) {
    this.schema = schema;
    this.defaultGroup = defaultGroups.get(schema);
    this.bySchema = bySchema;
    this.defaultGroups = defaultGroups;
  }

  /** The layouts of all schemas, each seen from itself. */
  static Map<String, SchemaLayouts> of(Map<String, SchemaConfig> schemas) {
    Map<String, Map<String, TableLayout>> bySchema = new HashMap<>();
    Map<String, String> defaultGroups = new HashMap<>();
    for (SchemaConfig config : schemas.values()) {
      String name = config.name().toLowerCase(Locale.ROOT);
      Map<String, TableLayout> tables = new HashMap<>();
      config
          .tables()
          .values()
          .forEach(t -> tables.put(t.name().toLowerCase(Locale.ROOT), layout(t)));
      bySchema.put(name, tables);
      defaultGroups.put(name, config.defaultShardGroup());
    }
    Map<String, SchemaLayouts> layouts = new HashMap<>();
    for (String name : bySchema.keySet()) {
      layouts.put(name, new SchemaLayouts(name, bySchema, defaultGroups));
    }
    return layouts;
  }

  /**
   * Tables sharded with equal algorithm settings over the same groups keep equal keys in the same
   * group, so joins on their keys stay inside one group.
   */
  private static TableLayout layout(TableConfig table) {
    List<String> groups = table.shardGroups();
    if (table.broadcast()) {
      return new TableLayout.Broadcast(groups);
    }
    return new TableLayout.Sharded(
        table.shardKey().orElseThrow().toLowerCase(Locale.ROOT),
        ShardingAlgorithms.create(table.algorithm().orElseThrow(), groups),
        groups,
        List.of(table.algorithm().orElseThrow(), groups),
        table.keyGenerator().isPresent());
  }

  /** Whether statements of this schema need routing: it lists tables. */
  boolean shardsAnything() {
    return !bySchema.get(schema).isEmpty();
  }

  @Override
  public String defaultGroup() {
    return defaultGroup;
  }

  @Override
  public TableLayout layout(String qualifier, String table) {
    String owner = qualifier == null ? schema : qualifier;
    Map<String, TableLayout> tables = bySchema.get(owner);
    if (tables == null) {
      // information_schema, mysql, or a backend schema Shardway does not know: the default group.
      return new TableLayout.Unsharded(defaultGroup);
    }
    TableLayout layout = tables.get(table);
    return layout != null ? layout : new TableLayout.Unsharded(defaultGroups.get(owner));
  }
}
