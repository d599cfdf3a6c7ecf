package io.shardway.deploy;

import static io.shardway.deploy.YamlTree.map;
import static io.shardway.deploy.YamlTree.named;
import static io.shardway.deploy.YamlTree.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.config.ConfigException;
import io.shardway.config.ShardwayConfig;
import io.shardway.config.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/kubernetes/app-chart: an application chart that depends on the Shardway chart and adds
 * the sidecar to its pods the way the chart's README says.
 */
class ExampleAppChartTest {

  private static final Path APP_CHART = ShardwayChart.EXAMPLES.resolve("app-chart");
  private static final String RELEASE = "shop";
  private static final String SHARDWAY = RELEASE + "-shardway";

  @TempDir Path directory;

  @Test
  void lints() throws IOException {
    HelmRun run = Helm.get().run(List.of("lint", "--strict", chart().toString()));
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
  }

  @Test
  void rendersTheApplicationWithTheSidecarAndItsConfigMapAndSecret() throws IOException {
    Manifests manifests = render();
    assertEquals(List.of("ConfigMap", "Deployment", "Secret"), manifests.kinds());
    Map<String, Object> pod = map(manifests.only("Deployment"), "spec", "template");
    ShardwayPod.assertRunsShardway(map(pod, "spec"), SHARDWAY, SHARDWAY);
    ShardwayPod.assertScraped(map(pod, "metadata", "annotations"));
  }

  @Test
  void theApplicationLogsInToShardwayOverLoopback() throws IOException, ConfigException {
    Manifests manifests = render();
    Map<String, Object> app =
        named("orders", manifests.only("Deployment"), "spec", "template", "spec", "containers");
    ShardwayConfig config = RenderedConfig.load(manifests, directory, Map.of());

    assertEquals("127.0.0.1", config.listen().host());
    assertEquals(
        "jdbc:mysql://127.0.0.1:" + config.listen().port() + "/appdb",
        env(app, "JDBC_URL").get("value"));
    User user =
        config.users().stream()
            .filter(u -> u.name().equals(env(app, "JDBC_USER").get("value")))
            .findFirst()
            .orElseThrow();
    assertTrue(user.mayUse("appdb"));
    Map<String, Object> password = map(env(app, "JDBC_PASSWORD"), "valueFrom", "secretKeyRef");
    assertEquals(SHARDWAY, password.get("name"));
    Map<String, String> secret = RenderedConfig.secretEnvironment(manifests.only("Secret"));
    assertEquals(user.password(), secret.get(string(password, "key")));
  }

  @Test
  void aPasswordChangeRollsTheApplicationsPods() throws IOException {
    assertNotEquals(
        secretChecksum(render()),
        secretChecksum(render("--set", "shardway.secrets.env.APP_DB_PASSWORD=rotated")));
  }

  private Manifests render(String... options) throws IOException {
    return Manifests.parse(Helm.get().template(RELEASE, chart(), List.of(options)).output());
  }

  /**
   * The example with the Shardway chart in its charts/, as {@code helm dependency build} would
   * leave it, in a temporary directory rather than the repository.
   */
  private Path chart() throws IOException {
    Path chart = directory.resolve("app-chart");
    if (!Files.exists(chart)) {
      copy(APP_CHART, chart);
      copy(ShardwayChart.DIRECTORY, chart.resolve("charts").resolve("shardway"));
    }
    return chart;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(
          file -> {
            try {
              Files.copy(file, to.resolve(from.relativize(file).toString()));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  private static Map<String, Object> env(Map<String, Object> container, String name) {
    return named(name, container, "env");
  }

  private static String secretChecksum(Manifests manifests) {
    return YamlTree.string(
        manifests.only("Deployment"),
        "spec",
        "template",
        "metadata",
        "annotations",
        "checksum/shardway-secret");
  }
}
