package io.shardway.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shardway.bench.e2e.ShardwayBackends.Routed;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardwayBackendsTest {

  @Test
  void deltaIsTheGrowthPerServerWithTheRoleAfter() {
    List<Routed> before =
        List.of(
            new Routed("s0-primary", "127.0.0.1:1", "writer", 100, 0),
            new Routed("s0-replica-1", "127.0.0.1:2", "replica", 0, 40));
    List<Routed> after =
        List.of(
            new Routed("s0-primary", "127.0.0.1:1", "replica", 130, 5),
            new Routed("s0-replica-1", "127.0.0.1:2", "writer", 7, 90),
            new Routed("s0-replica-2", "127.0.0.1:3", "replica", 0, 60));
    assertEquals(
        List.of(
            new Routed("s0-primary", "127.0.0.1:1", "replica", 30, 5),
            new Routed("s0-replica-1", "127.0.0.1:2", "writer", 7, 50),
            new Routed("s0-replica-2", "127.0.0.1:3", "replica", 0, 60)),
        ShardwayBackends.delta(before, after));
  }
}
