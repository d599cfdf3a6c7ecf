package io.shardway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a whole document to a {@link ShardwayConfig}: each section through its binder, with the
 * names that one section declares handed to the sections that refer to them.
 */
final class ConfigBinder {

  /** Sections that later work will define; until then any mapping is accepted and ignored. */
  private static final List<String> RESERVED = List.of("cache");

  private static final Set<String> KEYS =
      Set.of(
          "listen",
          "tls",
          "auth",
          "maxAllowedPacket",
          "users",
          "backendUser",
          "shardGroups",
          "schemas",
          "pool",
          "admin",
          "readWrite",
          "workerId",
          "cache",
          "metrics");

  private final Path source;
  private final Problems problems;

  /**
   * @param source the file, as named to the loader
   * @param problems where the binders record what they find
   */
  ConfigBinder(Path source, Problems problems) {
    this.source = source;
    this.problems = problems;
  }

  /** Returns the config, or empty when any problem was recorded. */
  Optional<ShardwayConfig> bind(ConfigNode root) {
    return root.asMapping(KEYS).flatMap(this::bind);
  }

  private Optional<ShardwayConfig> bind(ConfigMap root) {
    FrontendBinder frontend = new FrontendBinder(baseDirectory());
    Optional<Listen> listen = root.optional("listen", frontend::listen, Listen.DEFAULTS);
    Optional<Tls> tls = root.get("tls").flatMap(frontend::tls);
    Optional<Auth> auth = root.optional("auth", frontend::auth, Auth.DEFAULTS);
    Optional<Long> maxAllowedPacket =
        root.optional(
            "maxAllowedPacket",
            frontend::maxAllowedPacket,
            ShardwayConfig.DEFAULT_MAX_ALLOWED_PACKET);
    Optional<Optional<Admin>> admin =
        root.optional("admin", frontend::admin, Optional.of(Admin.DEFAULTS));
    Optional<Pool> pool = root.optional("pool", PoolBinder::bind, Pool.DEFAULTS);
    Optional<ReadWrite> readWrite =
        root.optional("readWrite", ReadWriteBinder::bind, ReadWrite.DEFAULTS);
    Optional<Integer> workerId =
        root.optional("workerId", n -> n.asInt(0, ShardwayConfig.MAX_WORKER_ID), 0);
    RESERVED.forEach(key -> root.get(key).ifPresent(ConfigNode::asMapping));
    // Once reserved for a metrics listener of its own: ignoring it would leave the metrics where
    // the file does not say they are.
    root.get("metrics")
        .ifPresent(
            node ->
                node.problem(
                    "the admin endpoint serves the metrics: set admin.host and admin.port instead"));

    Optional<ConfigNode> groupSection = root.require("shardGroups");
    Optional<ConfigNode> schemaSection = root.require("schemas");
    DeclaredNames groupNames = DeclaredNames.of("shard group", groupSection);
    DeclaredNames schemaNames = DeclaredNames.of("schema", schemaSection);
    Optional<Map<String, ShardGroup>> groups = groupSection.flatMap(ShardGroupBinder::bind);
    Optional<Map<String, SchemaConfig>> schemas =
        schemaSection.flatMap(new SchemaBinder(groupNames)::bind);
    Optional<List<User>> users = root.required("users", new UserBinder(schemaNames)::users);
    Optional<BackendUser> backendUser = root.required("backendUser", UserBinder::backendUser);

    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    // No problems, so every binder returned a value (see ConfigNode); an absent tls is absent from
    // the file, an absent admin turned off there.
    return Optional.of(
        new ShardwayConfig(
            listen.orElseThrow(),
            tls,
            auth.orElseThrow(),
            maxAllowedPacket.orElseThrow(),
            users.orElseThrow(),
            backendUser.orElseThrow(),
            groups.orElseThrow(),
            schemas.orElseThrow(),
            pool.orElseThrow(),
            readWrite.orElseThrow(),
            admin.orElseThrow(),
            workerId.orElseThrow(),
            source));
  }

  private Path baseDirectory() {
    Path parent = source.toAbsolutePath().getParent();
    return parent != null ? parent : source.toAbsolutePath();
  }
}
