package io.shardway.deploy;

import static io.shardway.deploy.ShardwayChart.FULLNAME;
import static io.shardway.deploy.ShardwayChart.refusal;
import static io.shardway.deploy.ShardwayChart.render;
import static io.shardway.deploy.YamlTree.map;
import static io.shardway.deploy.YamlTree.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * mode: sidecar, where the chart renders only what the application's pods refer to. The pods
 * themselves are tested through the example application chart, {@link ExampleAppChartTest}.
 */
class SidecarModeTest {

  private static final String SIDECAR = "sidecar";

  @Test
  void rendersOnlyTheConfigMapAndTheSecret() {
    assertEquals(List.of("ConfigMap", "Secret"), render(SIDECAR).kinds());
  }

  @Test
  void theSecretHoldsEachVariableUnderItsName() {
    Map<String, Object> secret =
        render(SIDECAR, "secrets.env.APP_DB_PASSWORD=app-pw", "secrets.env.BACKEND_PASSWORD=be-pw")
            .only("Secret");
    assertEquals(FULLNAME, string(secret, "metadata", "name"));
    assertEquals(
        Map.of("APP_DB_PASSWORD", "app-pw", "BACKEND_PASSWORD", "be-pw"),
        RenderedConfig.secretEnvironment(secret));
  }

  @Test
  void anExistingSecretLeavesOnlyTheConfigMap() {
    assertEquals(
        List.of("ConfigMap"), render(SIDECAR, "secrets.existingSecret=db-passwords").kinds());
  }

  @Test
  void theConfigMapHoldsShardwayYamlUnderTheReleasesName() {
    Map<String, Object> configMap = render(SIDECAR).only("ConfigMap");
    assertEquals(FULLNAME, string(configMap, "metadata", "name"));
    assertEquals(List.of("shardway.yaml"), List.copyOf(map(configMap, "data").keySet()));
  }

  @Test
  void aServiceMonitorIsRefused() {
    assertTrue(refusal(SIDECAR, "serviceMonitor.enabled=true").contains("needs mode standalone"));
  }

  @Test
  void anUnknownModeIsRefused() {
    assertTrue(
        refusal("daemonset").contains("mode: must be sidecar or standalone, got \"daemonset\""));
  }
}
