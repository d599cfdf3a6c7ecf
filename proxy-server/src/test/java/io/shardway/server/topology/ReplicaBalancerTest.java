package io.shardway.server.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shardway.config.BackendAddress;
import io.shardway.config.BackendUser;
import io.shardway.config.Pool;
import io.shardway.config.ReadWrite;
import io.shardway.server.backend.BackendPool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaBalancerTest {

  private static GroupMember replica(String name, int weight) {
    // A pool connects on first borrow only; these are never borrowed from.
    BackendPool pool =
        new BackendPool(
            name,
            new BackendAddress("127.0.0.1", 3306, Map.of()),
            new BackendUser("u", "p"),
            Pool.DEFAULTS);
    return new GroupMember(pool, false, weight);
  }

  private static Map<String, Integer> picks(
      ReplicaBalancer balancer, List<GroupMember> members, int n) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      counts.merge(balancer.pick(members).name(), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void roundRobinTakesEachInTurn() {
    List<GroupMember> members = List.of(replica("a", 1), replica("b", 5), replica("c", 1));
    ReplicaBalancer balancer = ReplicaBalancer.of(ReadWrite.Balance.ROUND_ROBIN);
    assertEquals(Map.of("a", 3, "b", 3, "c", 3), picks(balancer, members, 9));
  }

  @Test
  void weightedFollowsTheWeights() {
    List<GroupMember> members = List.of(replica("a", 3), replica("b", 1));
    ReplicaBalancer balancer = ReplicaBalancer.of(ReadWrite.Balance.WEIGHTED);
    assertEquals(Map.of("a", 30, "b", 10), picks(balancer, members, 40));
  }

  @Test
  void leastOutstandingSharesTiesInTurn() {
    List<GroupMember> members = List.of(replica("a", 1), replica("b", 1));
    ReplicaBalancer balancer = ReplicaBalancer.of(ReadWrite.Balance.LEAST_OUTSTANDING);
    assertEquals(Map.of("a", 5, "b", 5), picks(balancer, members, 10));
  }
}
