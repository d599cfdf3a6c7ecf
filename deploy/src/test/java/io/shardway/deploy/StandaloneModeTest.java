package io.shardway.deploy;

import static io.shardway.deploy.ShardwayChart.FULLNAME;
import static io.shardway.deploy.ShardwayChart.render;
import static io.shardway.deploy.YamlTree.at;
import static io.shardway.deploy.YamlTree.map;
import static io.shardway.deploy.YamlTree.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** mode: standalone, a Deployment behind a Service. */
class StandaloneModeTest {

  private static final String STANDALONE = "standalone";

  @Test
  void rendersADeploymentAServiceAndADisruptionBudget() {
    assertEquals(
        List.of("ConfigMap", "Deployment", "PodDisruptionBudget", "Secret", "Service"),
        render(STANDALONE).kinds());
  }

  @Test
  void thePodsRunShardwayWithTheChartsConfigMapAndSecret() {
    Map<String, Object> pod = podTemplate(render(STANDALONE));
    ShardwayPod.assertRunsShardway(map(pod, "spec"), FULLNAME, FULLNAME);
    ShardwayPod.assertScraped(map(pod, "metadata", "annotations"));
    assertEquals(true, at(pod, "spec", "securityContext", "runAsNonRoot"));
  }

  @Test
  void aConfigChangeRollsThePodsAndOtherChangesDoNot() {
    String original = configChecksum(render(STANDALONE));
    assertNotEquals(original, configChecksum(render(STANDALONE, "config.pool.maxSize=4")));
    assertEquals(original, configChecksum(render(STANDALONE, "replicaCount=5")));
  }

  @Test
  void aPasswordChangeRollsThePods() {
    assertNotEquals(
        secretChecksum(render(STANDALONE)),
        secretChecksum(render(STANDALONE, "secrets.env.BACKEND_PASSWORD=rotated")));
  }

  @Test
  void resourcesArePassedThrough() {
    Map<String, Object> container =
        named(
            "shardway",
            podTemplate(
                render(STANDALONE, "resources.limits.memory=3Gi", "resources.requests.cpu=1500m")),
            "spec",
            "containers");
    assertEquals("3Gi", at(container, "resources", "limits", "memory"));
    assertEquals("1500m", at(container, "resources", "requests", "cpu"));
  }

  @Test
  void theServiceSelectsThePodsAndReachesBothPorts() {
    Manifests manifests = render(STANDALONE);
    Map<String, Object> service = manifests.only("Service");
    assertEquals(at(podTemplate(manifests), "metadata", "labels"), at(service, "spec", "selector"));
    Map<String, Object> mysql = named("mysql", service, "spec", "ports");
    assertEquals(6033, mysql.get("port"));
    assertEquals("shardway-mysql", mysql.get("targetPort"));
    Map<String, Object> admin = named("admin", service, "spec", "ports");
    assertEquals(9104, admin.get("port"));
    assertEquals("shardway-admin", admin.get("targetPort"));
  }

  @Test
  void theDisruptionBudgetCoversThePods() {
    Manifests manifests = render(STANDALONE);
    Map<String, Object> budget = manifests.only("PodDisruptionBudget");
    assertEquals(1, at(budget, "spec", "maxUnavailable"));
    assertEquals(
        at(podTemplate(manifests), "metadata", "labels"),
        at(budget, "spec", "selector", "matchLabels"));
  }

  @Test
  void aServiceMonitorOnlyWhenEnabled() {
    Map<String, Object> monitor =
        render(STANDALONE, "serviceMonitor.enabled=true").only("ServiceMonitor");
    Map<String, Object> endpoint = map(YamlTree.list(monitor, "spec", "endpoints").get(0));
    assertEquals("admin", endpoint.get("port"), "the Service's port");
    assertEquals("/metrics", endpoint.get("path"));
    assertFalse(render(STANDALONE).kinds().contains("ServiceMonitor"));
  }

  @Test
  void anExistingSecretReplacesTheChartsOwn() {
    Manifests manifests = render(STANDALONE, "secrets.existingSecret=db-passwords");
    assertFalse(manifests.kinds().contains("Secret"));
    Map<String, Object> pod = podTemplate(manifests);
    ShardwayPod.assertRunsShardway(map(pod, "spec"), FULLNAME, "db-passwords");
    assertFalse(map(pod, "metadata", "annotations").containsKey("checksum/shardway-secret"));
  }

  @Test
  void anotherAdminPortMovesTheProbesAndTheScrape() {
    Map<String, Object> pod = podTemplate(render(STANDALONE, "admin.port=9200"));
    Map<String, Object> container = named("shardway", pod, "spec", "containers");
    assertEquals(9200, at(named("shardway-admin", container, "ports"), "containerPort"));
    assertEquals(9200, at(container, "readinessProbe", "httpGet", "port"));
    assertEquals(9200, at(container, "livenessProbe", "httpGet", "port"));
    assertEquals("9200", at(pod, "metadata", "annotations", "prometheus.io/port"));
  }

  private static Map<String, Object> podTemplate(Manifests manifests) {
    return map(manifests.only("Deployment"), "spec", "template");
  }

  private static String configChecksum(Manifests manifests) {
    return YamlTree.string(
        podTemplate(manifests), "metadata", "annotations", "checksum/shardway-config");
  }

  private static String secretChecksum(Manifests manifests) {
    return YamlTree.string(
        podTemplate(manifests), "metadata", "annotations", "checksum/shardway-secret");
  }
}
