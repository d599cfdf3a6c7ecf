package io.shardway.demo;

import io.shardway.config.Admin;
import io.shardway.config.Listen;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/shardway demo [--port N] [--admin-port N]}: starts a {@link DemoCluster} (two shard
 * groups of real MariaDB servers, each a primary and a replica, with the sample schema {@code
 * appdb} sharded over them, and Shardway in front), prints what runs where and what to try, and
 * stops everything on Ctrl-C.
 */
public final class DemoMain {
  private static final String USAGE = "usage: shardway demo [--port N] [--admin-port N]";

  private DemoMain() {}

  public static void main(String[] args) throws Exception {
    Ports ports = parsePorts(args);
    System.out.println(
        "Starting MariaDB: "
            + DemoConfig.SHARD_GROUPS.size()
            + " shard groups, each a primary and a replica ...");
    long starting = System.nanoTime();
    DemoCluster cluster = DemoCluster.start(ports.port(), ports.adminPort());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping Shardway and MariaDB ...");
                  cluster.close();
                  stopped.countDown();
                },
                "demo-shutdown"));
    System.out.printf("Started in %.1f s.%n", (System.nanoTime() - starting) / 1e9);
    System.out.print(DemoBanner.render(cluster));
    stopped.await();
  }

  /** Where Shardway and its admin endpoint listen. */
  private record Ports(int port, int adminPort) {}

  private static Ports parsePorts(String[] args) {
    if (args.length % 2 != 0) {
      usage();
    }
    int port = Listen.DEFAULT_PORT;
    int adminPort = Admin.DEFAULT_PORT;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--admin-port" -> adminPort = Integer.parseInt(args[i + 1]);
        default -> usage();
      }
    }
    return new Ports(port, adminPort);
  }

  private static void usage() {
    System.err.println(USAGE);
    System.exit(2);
  }
}
