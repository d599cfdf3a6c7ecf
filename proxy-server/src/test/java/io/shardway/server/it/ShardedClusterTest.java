package io.shardway.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Integration tests against one {@link ShardedCluster}, started once for the test class. */
abstract class ShardedClusterTest {
  static ShardedCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ShardedCluster.start();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }
}
