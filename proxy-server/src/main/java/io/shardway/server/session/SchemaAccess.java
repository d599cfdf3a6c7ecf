package io.shardway.server.session;

import io.shardway.config.SchemaConfig;
import io.shardway.config.User;
import io.shardway.protocol.ErrPacket;
import java.util.Map;

/**
 * Which logical schemas a user may select, and their names on the backend. Shardway exposes the
 * schemas of its configuration (plus information_schema, which every MySQL user can read).
 */
public final class SchemaAccess {
  private static final String INFORMATION_SCHEMA = "information_schema";

  private final Map<String, SchemaConfig> schemas;

  public SchemaAccess(Map<String, SchemaConfig> schemas) {
    this.schemas = schemas;
  }

  /**
   * Null when {@code user} may use {@code schema}; else the error MySQL gives: 1049 for a schema
   * that does not exist here, 1044 for one the user may not use.
   */
  public ErrPacket check(User user, String host, String schema) {
    if (schema.equalsIgnoreCase(INFORMATION_SCHEMA)) {
      return null;
    }
    if (!schemas.containsKey(schema)) {
      return new ErrPacket(1049, "42000", "Unknown database '" + schema + "'");
    }
    if (!user.schemas().contains("*") && !user.schemas().contains(schema)) {
      return new ErrPacket(
          1044,
          "42000",
          "Access denied for user '"
              + user.name()
              + "'@'"
              + host
              + "' to database '"
              + schema
              + "'");
    }
    return null;
  }

  /** The logical name of a backend schema (the same name when it is not configured). */
  public String logicalName(String backendSchema) {
    for (SchemaConfig config : schemas.values()) {
      if (config.backendSchema().equals(backendSchema)) {
        return config.name();
      }
    }
    return backendSchema;
  }

  /**
   * The shard group of the schema's unlisted tables; for no schema, information_schema or an
   * unknown name, the first schema's.
   */
  public String defaultGroup(String schema) {
    SchemaConfig config = schema == null ? null : schemas.get(schema);
    return (config != null ? config : schemas.values().iterator().next()).defaultShardGroup();
  }

  /** The schema's name on the backend server. */
  public String backendName(String schema) {
    SchemaConfig config = schemas.get(schema);
    return config == null ? schema : config.backendSchema();
  }
}
