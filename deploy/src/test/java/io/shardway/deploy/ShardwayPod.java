package io.shardway.deploy;

import static io.shardway.deploy.YamlTree.at;
import static io.shardway.deploy.YamlTree.list;
import static io.shardway.deploy.YamlTree.map;
import static io.shardway.deploy.YamlTree.named;
import static io.shardway.deploy.YamlTree.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

/**
 * What a pod that runs Shardway from the chart must have, in either mode: the standalone
 * Deployment's pods and an application's pods with the sidecar are built from the same templates.
 */
final class ShardwayPod {

  private ShardwayPod() {}

  /**
   * Asserts that {@code podSpec} runs the Shardway container as the chart means it to.
   *
   * @param configMap the name of the ConfigMap that holds shardway.yaml
   * @param secret the name of the Secret that holds the variables
   */
  static void assertRunsShardway(Map<String, Object> podSpec, String configMap, String secret) {
    Map<String, Object> container = named("shardway", podSpec, "containers");
    assertEquals(List.of("java"), list(container, "command"), "the image's java, started directly");
    assertEquals(
        List.of("-jar", "/app/shardway.jar", "serve", "--config", "/etc/shardway/shardway.yaml"),
        tail(list(container, "args"), 5));
    assertEquals(6033, at(named("shardway-mysql", container, "ports"), "containerPort"));
    assertEquals(9104, at(named("shardway-admin", container, "ports"), "containerPort"));
    assertProbe(container, "livenessProbe", "/health/live");
    assertProbe(container, "readinessProbe", "/health/ready");

    assertEquals(true, at(container, "securityContext", "runAsNonRoot"));
    assertEquals(true, at(container, "securityContext", "readOnlyRootFilesystem"));
    assertEquals(false, at(container, "securityContext", "allowPrivilegeEscalation"));

    assertEquals(secret, string(map(list(container, "envFrom").get(0)), "secretRef", "name"));

    Map<String, Object> config = named("shardway-config", container, "volumeMounts");
    assertEquals("/etc/shardway", config.get("mountPath"), "the directory of --config");
    list(container, "volumeMounts")
        .forEach(mount -> assertFalse(map(mount).containsKey("subPath"), "subPath in " + mount));
    assertEquals(
        configMap, string(named("shardway-config", podSpec, "volumes"), "configMap", "name"));
    assertEquals("/tmp", string(named("shardway-tmp", container, "volumeMounts"), "mountPath"));
    map(named("shardway-tmp", podSpec, "volumes"), "emptyDir");
  }

  /** Asserts the pod's Prometheus annotations point at /metrics on the admin port. */
  static void assertScraped(Map<String, Object> podAnnotations) {
    assertEquals("true", podAnnotations.get("prometheus.io/scrape"));
    assertEquals("9104", podAnnotations.get("prometheus.io/port"));
    assertEquals("/metrics", podAnnotations.get("prometheus.io/path"));
  }

  private static void assertProbe(Map<String, Object> container, String probe, String path) {
    assertEquals(path, at(container, probe, "httpGet", "path"), probe);
    assertEquals(9104, at(container, probe, "httpGet", "port"), probe);
  }

  private static List<Object> tail(List<Object> list, int count) {
    return list.subList(Math.max(0, list.size() - count), list.size());
  }
}
