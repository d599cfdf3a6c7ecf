package io.shardway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VariableSubstitutionTest {

  private static final Path SOURCE = Path.of("shardway.yaml");

  private final List<String> problems = new ArrayList<>();

  private Optional<String> expand(String text, Map<String, String> environment) {
    return new VariableExpander(environment).expand(text, problems::add);
  }

  @Test
  void replacesSetVariables() {
    assertEquals(
        Optional.of("user=app host=db"),
        expand("user=${USER} host=${HOST}", Map.of("USER", "app", "HOST", "db")));
    assertEquals(List.of(), problems);
  }

  @Test
  void usesTheDefaultWhenUnsetOrEmpty() {
    assertEquals(Optional.of("6033"), expand("${PORT:-6033}", Map.of()));
    assertEquals(Optional.of("6033"), expand("${PORT:-6033}", Map.of("PORT", "")));
    assertEquals(Optional.of("7000"), expand("${PORT:-6033}", Map.of("PORT", "7000")));
    assertEquals(Optional.of(""), expand("${SUFFIX:-}", Map.of()));
  }

  @Test
  void keepsAnEmptyVariableWithoutDefault() {
    assertEquals(Optional.of(""), expand("${PASSWORD}", Map.of("PASSWORD", "")));
  }

  @Test
  void doesNotExpandTheResultAgain() {
    assertEquals(Optional.of("${B}"), expand("${A}", Map.of("A", "${B}", "B", "no")));
  }

  @Test
  void reportsEveryUnsetVariable() {
    assertEquals(Optional.empty(), expand("${A}:${B}:${C:-c}", Map.of()));
    assertEquals(
        List.of("environment variable A is not set", "environment variable B is not set"),
        problems);
  }

  @Test
  void reportsMalformedReferences() {
    assertEquals(Optional.empty(), expand("${not a name}", Map.of()));
    assertEquals(Optional.empty(), expand("abc${OPEN", Map.of()));
    assertEquals(
        List.of("invalid variable reference \"${not a name}\"", "unclosed \"${\" in \"abc${OPEN\""),
        problems);
  }

  @Test
  void leavesTextWithoutReferencesAlone() {
    assertEquals(Optional.of("pa$$word {x}"), expand("pa$$word {x}", Map.of()));
  }

  @Test
  void substitutesIntoTypedValues() throws ConfigException {
    String yaml =
        ConfigLoaderTest.MINIMAL
            + """
            listen: { host: "${HOST:-0.0.0.0}", port: "${PORT}" }
            pool: { connectionTimeout: "${TIMEOUT:-2s}" }
            """;

    ShardwayConfig config = ConfigLoader.parse(yaml, SOURCE, Map.of("PORT", "3307"));

    assertEquals(new Listen("0.0.0.0", 3307), config.listen());
    assertEquals(2, config.pool().connectionTimeout().toSeconds());
  }

  @Test
  void reportsAnUnsetVariableAtItsScalar() {
    String yaml =
        """
        users: [{ name: app, password: "${APP_DB_PASSWORD}", schemas: ["*"] }]
        backendUser: { name: proxy, password: "${BACKEND_PASSWORD}" }
        shardGroups: { s0: { primary: "mysql://${DB_HOST:-db}:3306" } }
        schemas: { appdb: {} }
        """;

    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.parse(yaml, SOURCE, Map.of("APP_DB_PASSWORD", "x")));

    assertEquals(
        "shardway.yaml:2:39: backendUser.password: environment variable BACKEND_PASSWORD is not set",
        e.getMessage());
  }
}
