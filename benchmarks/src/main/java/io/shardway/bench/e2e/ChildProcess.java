package io.shardway.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server the harness starts in its own process (Shardway, haproxy), so that its CPU time can be
 * read from {@code /proc/PID/stat} apart from the client's. Its output goes to a log file, so no
 * pipe can fill up and block it, and a failure is explained with its last lines. Every wait is
 * bounded.
 */
final class ChildProcess implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);
  private static final int LOG_TAIL_LINES = 30;

  private final String name;
  private final Process process;
  private final Path log;
  private final Duration stopGrace;

  private ChildProcess(String name, Process process, Path log, Duration stopGrace) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.stopGrace = stopGrace;
  }

  /** Starts {@code command} with its stdout and stderr appended to {@code log}. */
  static ChildProcess start(String name, List<String> command, Path log, Duration stopGrace) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      return new ChildProcess(name, process, log, stopGrace);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
    }
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /**
   * Returns once 127.0.0.1:{@code port} accepts a TCP connection; fails with the log's last lines
   * if the process exits first or {@code timeout} passes.
   */
  void awaitPort(int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw failure(name + " exited with " + process.exitValue() + " before listening");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(Target.HOST, port), (int) POLL.toMillis());
        return;
      } catch (IOException notYet) {
        Thread.sleep(POLL.toMillis());
      }
    }
    throw failure(name + " was not listening on " + Target.HOST + ":" + port + " after " + timeout);
  }

  /** Asks the process to stop (SIGTERM), then kills it after the grace period. Idempotent. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
        System.err.printf("%s did not stop within %s; killing it%n", name, stopGrace);
        process.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private IllegalStateException failure(String what) {
    close();
    return new IllegalStateException(what + "; last lines of " + log + ":\n" + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
