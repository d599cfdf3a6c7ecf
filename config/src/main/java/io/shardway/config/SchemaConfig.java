package io.shardway.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A logical schema, the database name clients see (an entry of {@code schemas}).
 *
 * @param name the key the schema has in {@code schemas}
 * @param backendSchema the schema name on the backends; defaults to {@code name}
 * @param defaultShardGroup the group that holds every table not listed in {@code tables}; may be
 *     left out of the file when there is exactly one shard group
 * @param tables the sharded and broadcast tables, in file order
 */
public record SchemaConfig(
    String name, String backendSchema, String defaultShardGroup, Map<String, TableConfig> tables) {

  /** Checks the arguments and copies the map, keeping its order. */
  public SchemaConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(backendSchema, "backendSchema");
    Objects.requireNonNull(defaultShardGroup, "defaultShardGroup");
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
  }
}
