package io.shardway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The repository's Dockerfile builds an image that runs as the chart expects. */
class DockerfileTest {

  private static final Path DOCKERFILE = Path.of("..", "Dockerfile");

  @Test
  void theImageRunsAsANonRootUser() throws IOException {
    assertTrue(isNonRoot(dockerfile().last("USER")), "USER of the final stage");
  }

  @Test
  void aUserOfTheBuildStageOnlyDoesNotCount() {
    Dockerfile dockerfile =
        Dockerfile.parse(
            """
            FROM eclipse-temurin:17-jdk AS build
            USER 10001
            FROM eclipse-temurin:17-jre
            """);
    assertFalse(isNonRoot(dockerfile.last("USER")));
    assertFalse(isNonRoot(Dockerfile.parse("FROM x\nUSER 10001\nUSER root:root\n").last("USER")));
  }

  @Test
  void theHealthCheckAsksTheLivenessEndpoint() throws IOException {
    String healthcheck = dockerfile().last("HEALTHCHECK").orElse("");
    assertTrue(healthcheck.contains("/dev/tcp/127.0.0.1/9104"), healthcheck);
    assertTrue(healthcheck.contains("GET /health/live"), healthcheck);
  }

  @Test
  void exposesTheMysqlAndAdminPorts() throws IOException {
    List<String> ports =
        dockerfile().finalStage().stream()
            .filter(instruction -> instruction.keyword().equals("EXPOSE"))
            .flatMap(instruction -> List.of(instruction.arguments().split("\\s+")).stream())
            .toList();
    assertTrue(ports.containsAll(List.of("6033", "9104")), ports.toString());
  }

  @Test
  void runsTheJarWhereTheChartStartsIt() throws IOException {
    Dockerfile dockerfile = dockerfile();
    assertTrue(
        dockerfile.last("ENTRYPOINT").orElse("").endsWith("\"-jar\", \"/app/shardway.jar\"]"));
    assertEquals(
        Optional.of("[\"serve\", \"--config\", \"/etc/shardway/shardway.yaml\"]"),
        dockerfile.last("CMD"));
  }

  private static boolean isNonRoot(Optional<String> user) {
    return user.map(u -> u.split(":")[0])
        .filter(u -> !u.equals("root") && !u.equals("0"))
        .isPresent();
  }

  private static Dockerfile dockerfile() throws IOException {
    return Dockerfile.parse(Files.readString(DOCKERFILE));
  }
}
