package io.shardway.deploy;

import static io.shardway.deploy.ShardwayChart.refusal;
import static io.shardway.deploy.ShardwayChart.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.config.Admin;
import io.shardway.config.ConfigException;
import io.shardway.config.ConfigProblem;
import io.shardway.config.ShardwayConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shardway.yaml the chart renders is one the server loads: {@link RenderedConfig} loads it with
 * the server's own ConfigLoader.
 */
class RenderedConfigTest {

  // examples/kubernetes/values-standalone.yaml names a Secret made beforehand with these keys.
  private static final Map<String, String> EXAMPLE_EXISTING_SECRET =
      Map.of("APP_DB_PASSWORD", "app-pw", "BACKEND_PASSWORD", "backend-pw");

  @TempDir Path directory;

  @ParameterizedTest
  @CsvSource({"sidecar, 127.0.0.1", "standalone, 0.0.0.0"})
  void theDefaultsLoadAndListenWhereTheModeNeeds(String mode, String listenHost)
      throws IOException, ConfigException {
    ShardwayConfig config = RenderedConfig.load(render(mode), directory, Map.of());
    assertEquals(listenHost, config.listen().host());
    assertEquals(6033, config.listen().port());
    assertEquals(
        new Admin("0.0.0.0", 9104, Optional.empty()),
        config.admin().orElseThrow(),
        "probed by the kubelet");
  }

  @ParameterizedTest
  @CsvSource({"values-sidecar.yaml, 1", "values-standalone.yaml, 2"})
  void eachExampleLoads(String file, int shardGroups) throws IOException, ConfigException {
    ShardwayConfig config =
        RenderedConfig.load(
            render(ShardwayChart.EXAMPLES.resolve(file)), directory, EXAMPLE_EXISTING_SECRET);
    assertEquals(shardGroups, config.shardGroups().size());
    assertTrue(config.admin().isPresent());
  }

  @Test
  void theServerGetsThePasswordsFromTheSecret() throws IOException, ConfigException {
    ShardwayConfig config =
        RenderedConfig.load(
            render(
                "sidecar",
                "secrets.env.APP_DB_PASSWORD=app-pw",
                "secrets.env.BACKEND_PASSWORD=be-pw"),
            directory,
            Map.of());
    assertEquals("app-pw", config.users().get(0).password());
    assertEquals("be-pw", config.backendUser().password());
  }

  @Test
  void passwordsStayOutOfTheConfigMap() {
    String configMap =
        YamlTree.string(
            render("sidecar", "secrets.env.BACKEND_PASSWORD=be-pw").only("ConfigMap"),
            "data",
            "shardway.yaml");
    assertFalse(configMap.contains("be-pw"), configMap);
    assertTrue(configMap.contains("${BACKEND_PASSWORD}"), configMap);
  }

  @Test
  void theAdminValuesReachTheConfig() throws IOException, ConfigException {
    ShardwayConfig config =
        RenderedConfig.load(render("standalone", "admin.port=9200"), directory, Map.of());
    assertEquals(new Admin("0.0.0.0", 9200, Optional.empty()), config.admin().orElseThrow());
  }

  @Test
  void theAdminTokenComesFromTheSecret() throws IOException, ConfigException {
    Manifests manifests =
        render(
            "standalone",
            "admin.tokenVariable=SHARDWAY_ADMIN_TOKEN",
            "secrets.env.SHARDWAY_ADMIN_TOKEN=s3cret");
    ShardwayConfig config = RenderedConfig.load(manifests, directory, Map.of());
    assertEquals(Optional.of("s3cret"), config.admin().orElseThrow().token());
  }

  @Test
  void aBrokenShardMapIsRefusedByTheServerNamingTheKey() {
    Manifests manifests =
        render(Path.of("src", "test", "resources", "values", "broken-shard-map.yaml"));
    ConfigException refused =
        assertThrows(
            ConfigException.class, () -> RenderedConfig.load(manifests, directory, Map.of()));
    assertEquals(1, refused.problems().size(), refused.getMessage());
    ConfigProblem problem = refused.problems().get(0);
    assertTrue(
        problem.message().startsWith("schemas.appdb.tables.orders.shardGroups"), problem.message());
    assertTrue(problem.message().contains("s2"), problem.message());
  }

  @Test
  void theEndpointsCannotBeSetInsideConfig() {
    assertTrue(
        refusal("sidecar", "config.admin.port=1")
            .contains("config.admin: set the values admin.host and admin.port"));
  }

  @Test
  void aVariableThatNothingSetsIsRefused() {
    assertTrue(
        refusal("standalone", "config.backendUser.password=${DB_PASSWORD}")
            .contains(
                "config refers to ${DB_PASSWORD}, which neither secrets.env nor extraEnv sets"));
  }

  @Test
  void aVariableFromExtraEnvIsAccepted() {
    Manifests manifests =
        render(
            "standalone",
            "config.backendUser.password=${DB_PASSWORD}",
            "extraEnv[0].name=DB_PASSWORD",
            "extraEnv[0].value=from-env");
    Map<String, Object> container =
        YamlTree.named(
            "shardway", manifests.only("Deployment"), "spec", "template", "spec", "containers");
    assertEquals("from-env", YamlTree.named("DB_PASSWORD", container, "env").get("value"));
  }
}
