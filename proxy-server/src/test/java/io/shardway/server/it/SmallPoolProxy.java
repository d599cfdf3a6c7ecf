package io.shardway.server.it;

import io.shardway.config.Auth;
import io.shardway.server.ShardwayServer;
import io.shardway.testcluster.DemoSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A proxy of a test class's own with only a few backend connections, so sessions take turns on the
 * same ones and each statement may find another session's state there. Register it with
 * {@code @RegisterExtension static final SmallPoolProxy proxy = new SmallPoolProxy(1);}.
 */
final class SmallPoolProxy implements BeforeAllCallback, AfterAllCallback {
  private final int connections;
  private ShardwayServer server;

  SmallPoolProxy(int connections) {
    this.connections = connections;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws InterruptedException {
    server = TestCluster.get().startProxy(Auth.DEFAULTS, TestCluster.pool(connections));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.close();
  }

  ShardwayServer server() {
    return server;
  }

  Endpoint endpoint() {
    return Endpoint.proxy(server);
  }

  /** A mysql-connector-j session as user app, in appdb. */
  Connection connect(String options) throws SQLException {
    return DriverManager.getConnection(
        TestCluster.url(server.port(), DemoSchema.SCHEMA, options),
        TestCluster.APP_USER,
        TestCluster.APP_PASSWORD);
  }
}
