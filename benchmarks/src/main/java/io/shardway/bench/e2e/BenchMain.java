package io.shardway.bench.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * {@code bin/bench}: point selects by primary key against MariaDB directly, through haproxy as an
 * L4 relay, and through Shardway, alternating in rounds; with {@code --shards}, point selects and
 * range counts through Shardway over shards and directly against one server with every row. Prints
 * a markdown table per workload. See {@link BenchOptions#USAGE} and benchmarks/README.md.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Path root = projectRoot();
    String timestamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Optional<BenchOptions> options;
    try {
      options = BenchOptions.parse(args, root, timestamp);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.print(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.isEmpty()) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    String command = System.getProperty("bench.command", "bin/bench " + String.join(" ", args));
    int exitCode = 0;
    Harness harness = new Harness(options.get(), command.trim(), root);
    Thread hook = new Thread(harness::close, "bench-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      harness.run();
    } catch (Exception e) {
      if (harness.isClosed()) {
        // Ctrl-C or SIGTERM: the shutdown hook is stopping everything; the JVM exits after it.
        System.err.println("bench: stopped");
        return;
      }
      // What failed and why, without a stack trace: the logs in the work directory say more.
      System.err.println("bench: failed: " + e.getMessage());
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        System.err.println("  caused by: " + cause);
      }
      System.err.println("  logs: " + options.get().workDirectory());
      exitCode = 1;
    } finally {
      harness.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running; it closes the same things.
      }
    }
    System.exit(exitCode);
  }

  /**
   * The checkout: {@code -Dshardway.root} (bin/bench sets it), else the working directory or its
   * parent, whichever holds proxy-server/.
   */
  private static Path projectRoot() {
    String property = System.getProperty("shardway.root");
    if (property != null) {
      return Path.of(property).toAbsolutePath();
    }
    Path here = Path.of("").toAbsolutePath();
    if (!Files.isDirectory(here.resolve("proxy-server"))
        && here.getParent() != null
        && Files.isDirectory(here.getParent().resolve("proxy-server"))) {
      return here.getParent();
    }
    return here;
  }
}
