package io.shardway.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which Shardway a report measured: the commit of the checkout, and whether the proxy's modules had
 * uncommitted changes. Read-only git commands ({@code --no-optional-locks}, so not even the index
 * is refreshed); "unknown" outside a git checkout.
 */
final class SourceVersion {
  private static final List<String> PROXY_MODULES =
      List.of("protocol", "config", "router", "proxy-server", "pom.xml");

  private SourceVersion() {}

  static String describe(Path root) {
    String commit = git(root, List.of("rev-parse", "--short", "HEAD"));
    if (commit == null || commit.isEmpty()) {
      return "unknown commit (not a git checkout)";
    }
    List<String> status = new ArrayList<>(List.of("status", "--porcelain", "--"));
    status.addAll(PROXY_MODULES);
    String changes = git(root, status);
    return "commit "
        + commit
        + (changes == null
            ? ""
            : changes.isEmpty()
                ? ", no local changes in the proxy's modules"
                : ", with uncommitted changes in the proxy's modules");
  }

  private static String git(Path root, List<String> args) {
    List<String> command =
        new ArrayList<>(List.of("git", "--no-optional-locks", "-C", root.toString()));
    command.addAll(args);
    Path output = null;
    try {
      output = Files.createTempFile("bench-git", ".out");
      Process git =
          new ProcessBuilder(command)
              .redirectOutput(output.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!git.waitFor(10, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return null;
      }
      return git.exitValue() == 0 ? Files.readString(output).trim() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      if (output != null) {
        output.toFile().delete();
      }
    }
  }
}
