package io.shardway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplicaTest {

  private static final BackendAddress ADDRESS = new BackendAddress("db", 3306, Map.of());

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 10_000})
  void acceptsWeightsFromZeroToTenThousand(int weight) {
    assertEquals(weight, new Replica(ADDRESS, weight).weight());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 10_001})
  void rejectsOtherWeights(int weight) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Replica(ADDRESS, weight));

    assertEquals("weight must be between 0 and 10000, got " + weight, e.getMessage());
  }
}
