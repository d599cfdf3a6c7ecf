package io.shardway.server.cli;

import io.shardway.config.ConfigException;
import io.shardway.config.ConfigLoader;
import io.shardway.config.ShardwayConfig;
import io.shardway.server.ShardwayServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** The {@code shardway} command line: serve, check-config, help. */
public final class ShardwayCli {
  /**
   * How long SIGTERM lets running statements finish: under Kubernetes' default grace of 30 s before
   * it kills the container.
   */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

  static final String USAGE =
      """
      Usage: shardway <command> [options]

      Commands:
        serve --config FILE      run the proxy with the configuration in FILE
        check-config FILE        validate FILE; print every problem as FILE:LINE:COLUMN: message
        demo [--port N] [--admin-port N]
                                 start two shard groups of embedded MariaDB (primary and replica
                                 each) with sample data and a proxy in front (127.0.0.1:6033 unless
                                 --port; health and metrics on 127.0.0.1:9104 unless --admin-port);
                                 Ctrl-C stops everything
        --help                   show this help
      """;

  private ShardwayCli() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command and returns the process exit code; {@code serve} returns only at shutdown. */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0
        || args[0].equals("--help")
        || args[0].equals("-h")
        || args[0].equals("help")) {
      out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    switch (args[0]) {
      case "check-config":
        if (args.length != 2) {
          err.println("usage: shardway check-config FILE");
          return 2;
        }
        return checkConfig(Path.of(args[1]), out, err);
      case "serve":
        if (args.length != 3 || !args[1].equals("--config")) {
          err.println("usage: shardway serve --config FILE");
          return 2;
        }
        return serve(Path.of(args[2]), err);
      case "demo":
        err.println(
            "the demo runs from the launcher: bin/shardway demo [--port N] [--admin-port N]");
        return 2;
      default:
        err.println("unknown command: " + args[0]);
        err.print(USAGE);
        return 2;
    }
  }

  private static int checkConfig(Path file, PrintStream out, PrintStream err) {
    if (!Files.isRegularFile(file)) {
      err.println(file + ":1:1: no such file");
      return 1;
    }
    try {
      ConfigLoader.load(file);
      out.println(file + ": OK");
      return 0;
    } catch (ConfigException e) {
      e.problems().forEach(problem -> err.println(problem));
      return 1;
    }
  }

  private static int serve(Path file, PrintStream err) throws InterruptedException {
    ShardwayConfig config;
    try {
      config = ConfigLoader.load(file);
    } catch (ConfigException e) {
      e.problems().forEach(problem -> err.println(problem));
      return 1;
    }
    ShardwayServer server = ShardwayServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutDown(SHUTDOWN_GRACE);
                  stopped.countDown();
                },
                "shardway-shutdown"));
    stopped.await();
    return 0;
  }
}
