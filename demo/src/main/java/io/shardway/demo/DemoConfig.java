package io.shardway.demo;

import io.shardway.config.Admin;
import io.shardway.config.AlgorithmConfig;
import io.shardway.config.Auth;
import io.shardway.config.BackendAddress;
import io.shardway.config.BackendUser;
import io.shardway.config.Listen;
import io.shardway.config.Pool;
import io.shardway.config.ReadWrite;
import io.shardway.config.Replica;
import io.shardway.config.SchemaConfig;
import io.shardway.config.ShardGroup;
import io.shardway.config.ShardwayConfig;
import io.shardway.config.TableConfig;
import io.shardway.config.User;
import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardingAlgorithm;
import io.shardway.router.shard.ShardingAlgorithms;
import io.shardway.testcluster.DemoSchema;
import io.shardway.testcluster.MariaDbServer;
import io.shardway.testcluster.ReplicatedGroup;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shardway's configuration for the demo, the one of examples/sharded.yaml: schema {@code appdb}
 * over shard groups s0 and s1, each a primary and its replica. {@code users} is sharded by {@code
 * id} and {@code orders} by {@code user_id} with the same algorithm over the same groups, so a
 * user's orders live in the user's group and a join on the user id stays in one group; {@code
 * countries} is broadcast, a full copy in each group.
 */
final class DemoConfig {
  static final List<String> SHARD_GROUPS = List.of("s0", "s1");
  static final String APP_USER = "app";
  static final String APP_PASSWORD = "app";
  static final String BACKEND_USER = "shardway";
  static final String BACKEND_PASSWORD = "shardway";

  /** The admin endpoint's token, so that the demo can show its /admin pages. */
  static final String ADMIN_TOKEN = "demo";

  // mod rather than examples/sharded.yaml's hash: the demo's ids are small integers, and mod puts
  // exactly half of them in each group, even ids in s0 and odd ones in s1.
  private static final AlgorithmConfig ALGORITHM = new AlgorithmConfig.Mod();
  private static final ShardingAlgorithm USERS = ShardingAlgorithms.create(ALGORITHM, SHARD_GROUPS);

  private DemoConfig() {}

  /**
   * The configuration for Shardway on {@code port}, with its admin endpoint on {@code adminPort}
   * (each 0 for any free one), in front of {@code groups}, one for each of {@link #SHARD_GROUPS},
   * in that order.
   */
  static ShardwayConfig of(List<ReplicatedGroup> groups, int port, int adminPort) {
    if (groups.size() != SHARD_GROUPS.size()) {
      throw new IllegalArgumentException(
          "groups: " + groups.size() + " (expected: " + SHARD_GROUPS.size() + ")");
    }
    Map<String, ShardGroup> shardGroups = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      shardGroups.put(SHARD_GROUPS.get(i), shardGroup(SHARD_GROUPS.get(i), groups.get(i)));
    }
    return new ShardwayConfig(
        new Listen("127.0.0.1", port),
        Optional.empty(),
        Auth.DEFAULTS,
        ShardwayConfig.DEFAULT_MAX_ALLOWED_PACKET,
        List.of(new User(APP_USER, APP_PASSWORD, List.of(DemoSchema.SCHEMA))),
        new BackendUser(BACKEND_USER, BACKEND_PASSWORD),
        shardGroups,
        Map.of(
            DemoSchema.SCHEMA,
            new SchemaConfig(DemoSchema.SCHEMA, DemoSchema.SCHEMA, SHARD_GROUPS.get(0), tables())),
        Pool.DEFAULTS,
        ReadWrite.DEFAULTS,
        Optional.of(new Admin(Admin.DEFAULT_HOST, adminPort, Optional.of(ADMIN_TOKEN))),
        0,
        Path.of("demo"));
  }

  /**
   * The shard group that holds user {@code userId} and its orders, computed by the router's own
   * algorithm.
   */
  static String shardGroupOf(long userId) {
    return SHARD_GROUPS.get(USERS.shardOf(ShardKey.ofLong(userId)));
  }

  static String algorithmType() {
    return ALGORITHM.type();
  }

  private static Map<String, TableConfig> tables() {
    Map<String, TableConfig> tables = new LinkedHashMap<>();
    tables.put("users", sharded("users", "id"));
    tables.put("orders", sharded("orders", "user_id"));
    tables.put(
        "countries",
        new TableConfig("countries", true, Optional.empty(), Optional.empty(), SHARD_GROUPS));
    return tables;
  }

  private static TableConfig sharded(String table, String shardKey) {
    return new TableConfig(
        table, false, Optional.of(shardKey), Optional.of(ALGORITHM), SHARD_GROUPS);
  }

  private static ShardGroup shardGroup(String name, ReplicatedGroup group) {
    List<Replica> replicas =
        group.replicas().stream()
            .map(replica -> new Replica(address(replica), Replica.DEFAULT_WEIGHT))
            .toList();
    return new ShardGroup(name, address(group.primary()), replicas);
  }

  private static BackendAddress address(MariaDbServer server) {
    return new BackendAddress(server.host(), server.port(), Map.of());
  }
}
