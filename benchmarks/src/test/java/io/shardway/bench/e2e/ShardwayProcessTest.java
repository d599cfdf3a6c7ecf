package io.shardway.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shardway.bench.e2e.ShardwayProcess.GroupPorts;
import io.shardway.config.AlgorithmConfig;
import io.shardway.config.BackendAddress;
import io.shardway.config.ConfigLoader;
import io.shardway.config.Replica;
import io.shardway.config.SchemaConfig;
import io.shardway.config.ShardGroup;
import io.shardway.config.ShardwayConfig;
import io.shardway.config.TableConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShardwayProcessTest {

  private static ShardwayConfig load(String yaml) throws Exception {
    return ConfigLoader.parse(yaml, Path.of("shardway.yaml"), Map.of());
  }

  private static ShardGroup s0(String yaml) throws Exception {
    return load(yaml).shardGroups().get("s0");
  }

  @Test
  void theConfigNamesThePrimaryAlone() throws Exception {
    ShardGroup group =
        s0(ShardwayProcess.yaml(6033, List.of(new GroupPorts(3306, List.of())), "sbtest", 16));
    assertEquals(BackendAddress.parse("mysql://127.0.0.1:3306"), group.primary());
    assertEquals(List.of(), group.replicas());
  }

  @Test
  void theAdminEndpointTakesAFreePort() throws Exception {
    ShardwayConfig config =
        load(ShardwayProcess.yaml(6033, List.of(new GroupPorts(3306, List.of())), "sbtest", 16));
    assertEquals(0, config.admin().orElseThrow().port());
  }

  @Test
  void theConfigListsTheReplicasInOrder() throws Exception {
    ShardGroup group =
        s0(
            ShardwayProcess.yaml(
                6033, List.of(new GroupPorts(3306, List.of(3307, 3308))), "sbtest", 16));
    assertEquals(BackendAddress.parse("mysql://127.0.0.1:3306"), group.primary());
    assertEquals(
        List.of(
            new Replica(BackendAddress.parse("mysql://127.0.0.1:3307"), Replica.DEFAULT_WEIGHT),
            new Replica(BackendAddress.parse("mysql://127.0.0.1:3308"), Replica.DEFAULT_WEIGHT)),
        group.replicas());
  }

  @Test
  void overShardsTheConfigShardsSbtest1ByIdOverEveryGroup() throws Exception {
    ShardwayConfig config =
        load(
            ShardwayProcess.yaml(
                6033,
                List.of(
                    new GroupPorts(4000, List.of()),
                    new GroupPorts(4001, List.of()),
                    new GroupPorts(4002, List.of())),
                "sbtest",
                16));

    assertEquals(List.of("s0", "s1", "s2"), List.copyOf(config.shardGroups().keySet()));
    assertEquals(
        BackendAddress.parse("mysql://127.0.0.1:4002"), config.shardGroups().get("s2").primary());
    SchemaConfig schema = config.schemas().get("sbtest");
    assertEquals(
        Map.of(
            "sbtest1",
            new TableConfig(
                "sbtest1",
                false,
                Optional.of("id"),
                Optional.of(new AlgorithmConfig.Mod()),
                List.of("s0", "s1", "s2"))),
        schema.tables());
  }
}
