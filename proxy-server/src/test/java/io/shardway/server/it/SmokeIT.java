package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SmokeIT {
  @Test
  void selectsThroughTheProxy() throws Exception {
    TestCluster cluster = TestCluster.get();
    try (Connection c = cluster.proxyConnection("");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), DATABASE() FROM users")) {
      assertTrue(rs.next());
      assertEquals(200, rs.getInt(1));
      assertEquals("appdb", rs.getString(2));
    }
  }
}
