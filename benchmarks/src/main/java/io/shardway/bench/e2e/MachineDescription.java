package io.shardway.bench.e2e;

import io.shardway.testcluster.MariaDbServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The report's closing lines: the machine, the Shardway source, and the software of the run. */
final class MachineDescription {
  private MachineDescription() {}

  /**
   * @param servers the MariaDB servers of the run
   * @param haproxyVersion haproxy's version line; null when no relay ran
   */
  static Map<String, String> describe(
      BenchOptions options, Path projectRoot, MariaDbServers servers, String haproxyVersion) {
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put(
        "Machine",
        Runtime.getRuntime().availableProcessors()
            + " cores ("
            + firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU")
            + "), "
            + firstValue(Path.of("/proc/meminfo"), "MemTotal").orElse("? kB")
            + " RAM, "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + "; client, proxy and database share these cores");
    machine.put("Shardway", SourceVersion.describe(projectRoot));
    String shape = servers.describe();
    machine.put(
        "Software",
        "Java "
            + System.getProperty("java.runtime.version")
            + ", MariaDB "
            + version(servers.direct())
            + (shape.isEmpty() ? "" : " (" + shape + ")")
            + ", mysql-connector-j "
            + com.mysql.cj.Constants.CJ_VERSION
            + (haproxyVersion == null ? "" : ", " + haproxyVersion)
            + (options.proxyJvmOptions().isEmpty()
                ? ""
                : ", Shardway JVM options " + String.join(" ", options.proxyJvmOptions()))
            + (options.jfr() ? ", Shardway recorded with JFR (numbers not for comparison)" : ""));
    return machine;
  }

  private static String version(MariaDbServer server) {
    try (Connection connection = server.connectAsRoot(null);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT VERSION()")) {
      return result.next() ? result.getString(1) : "?";
    } catch (SQLException e) {
      return "?";
    }
  }

  private static Optional<String> firstValue(Path file, String key) {
    try {
      return Files.readAllLines(file).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
