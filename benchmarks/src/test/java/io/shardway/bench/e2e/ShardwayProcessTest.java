package io.shardway.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shardway.config.BackendAddress;
import io.shardway.config.ConfigLoader;
import io.shardway.config.Replica;
import io.shardway.config.ShardGroup;
import io.shardway.config.ShardwayConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardwayProcessTest {

  private static ShardGroup s0(String yaml) throws Exception {
    ShardwayConfig config = ConfigLoader.parse(yaml, Path.of("shardway.yaml"), Map.of());
    return config.shardGroups().get("s0");
  }

  @Test
  void theConfigNamesThePrimaryAlone() throws Exception {
    ShardGroup group = s0(ShardwayProcess.yaml(6033, 3306, List.of(), "sbtest", 16));
    assertEquals(BackendAddress.parse("mysql://127.0.0.1:3306"), group.primary());
    assertEquals(List.of(), group.replicas());
  }

  @Test
  void theConfigListsTheReplicasInOrder() throws Exception {
    ShardGroup group = s0(ShardwayProcess.yaml(6033, 3306, List.of(3307, 3308), "sbtest", 16));
    assertEquals(BackendAddress.parse("mysql://127.0.0.1:3306"), group.primary());
    assertEquals(
        List.of(
            new Replica(BackendAddress.parse("mysql://127.0.0.1:3307"), Replica.DEFAULT_WEIGHT),
            new Replica(BackendAddress.parse("mysql://127.0.0.1:3308"), Replica.DEFAULT_WEIGHT)),
        group.replicas());
  }
}
