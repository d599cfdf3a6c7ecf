package io.shardway.server.it;

import io.shardway.server.ShardwayServer;
import io.shardway.testcluster.DemoSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where a fidelity test connects: MariaDB itself (as the backend user) or a Shardway in front of it
 * (as the application user). The same test body runs against both and their transcripts must agree.
 */
record Endpoint(String name, int port, String user, String password) {

  static Endpoint direct() {
    return new Endpoint(
        "direct",
        TestCluster.get().mariadb().port(),
        TestCluster.BACKEND_USER,
        TestCluster.BACKEND_PASSWORD);
  }

  /** The shared proxy. */
  static Endpoint proxy() {
    return proxy(TestCluster.get().proxy());
  }

  /** A proxy of the test's own, started with other settings. */
  static Endpoint proxy(ShardwayServer server) {
    return new Endpoint("proxy", server.port(), TestCluster.APP_USER, TestCluster.APP_PASSWORD);
  }

  boolean isProxy() {
    return name.equals("proxy");
  }

  /** A connection to {@code appdb}; {@code options} are added to the client's own. */
  Connection connect(Client client, String options) throws SQLException {
    return connect(client, DemoSchema.SCHEMA, options);
  }

  Connection connect(Client client, String schema, String options) throws SQLException {
    return DriverManager.getConnection(client.url(port, schema, options), user, password);
  }

  /** A connection as another user (who must exist on both sides with the same password). */
  Connection connectAs(String otherUser, String otherPassword, Client client, String schema)
      throws SQLException {
    return DriverManager.getConnection(client.url(port, schema, ""), otherUser, otherPassword);
  }

  @Override
  public String toString() {
    return name;
  }
}
