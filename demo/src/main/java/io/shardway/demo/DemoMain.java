package io.shardway.demo;

import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/shardway demo [--port N]}: starts a {@link DemoCluster} (two shard groups of real
 * MariaDB servers, each a primary and a replica, with the sample schema {@code appdb} sharded over
 * them, and Shardway in front), prints what runs where and what to try, and stops everything on
 * Ctrl-C.
 */
public final class DemoMain {
  private static final int DEFAULT_PORT = 6033;

  private DemoMain() {}

  public static void main(String[] args) throws Exception {
    int port = parsePort(args);
    System.out.println(
        "Starting MariaDB: "
            + DemoConfig.SHARD_GROUPS.size()
            + " shard groups, each a primary and a replica ...");
    long starting = System.nanoTime();
    DemoCluster cluster = DemoCluster.start(port);
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
}
