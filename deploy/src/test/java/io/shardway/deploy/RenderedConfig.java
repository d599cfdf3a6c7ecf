package io.shardway.deploy;

import io.shardway.config.ConfigException;
import io.shardway.config.ConfigLoader;
import io.shardway.config.ShardwayConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The shardway.yaml of a rendered chart, loaded by the server's own {@link ConfigLoader} with the
 * environment the container gets from the Secret, so that the chart cannot ship a configuration
 * that the server refuses.
 */
final class RenderedConfig {

  private RenderedConfig() {}

  /**
   * Writes the ConfigMap's shardway.yaml into {@code directory} (problems then name a file one can
   * open) and loads it.
   *
   * @param existingSecret the variables of a Secret the chart does not render ({@code
   *     secrets.existingSecret}); those of a rendered Secret are added to them
   */
  static ShardwayConfig load(
      Manifests manifests, Path directory, Map<String, String> existingSecret)
      throws IOException, ConfigException {
    String text = YamlTree.string(manifests.only("ConfigMap"), "data", "shardway.yaml");
    Path file = Files.writeString(directory.resolve("shardway.yaml"), text);
    Map<String, String> environment = new HashMap<>(existingSecret);
    if (manifests.kinds().contains("Secret")) {
      environment.putAll(secretEnvironment(manifests.only("Secret")));
    }
    return ConfigLoader.parse(text, file, environment);
  }

  /** Returns the Secret's keys and decoded values: envFrom makes each key a variable. */
  static Map<String, String> secretEnvironment(Map<String, Object> secret) {
    Map<String, String> environment = new HashMap<>();
    YamlTree.map(secret, "data")
        .forEach(
            (key, value) ->
                environment.put(
                    key,
                    new String(
                        Base64.getDecoder().decode((String) value), StandardCharsets.UTF_8)));
    return environment;
  }
}
