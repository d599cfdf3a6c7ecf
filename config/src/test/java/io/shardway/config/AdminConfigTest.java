package io.shardway.config;

import static io.shardway.config.ConfigProblemsTest.at;
import static io.shardway.config.ConfigProblemsTest.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code admin} section: on by default, its keys, and each mistake with its position. */
class AdminConfigTest {

  private static Optional<Admin> adminOf(String section, Map<String, String> environment)
      throws ConfigException {
    return ConfigLoader.parse(
            ConfigLoaderTest.MINIMAL + section, Path.of("shardway.yaml"), environment)
        .admin();
  }

  @Test
  void isOnAtTheLoopbackPort9104WithoutTheKey() throws ConfigException {
    assertEquals(
        Optional.of(new Admin("127.0.0.1", 9104, Optional.empty())), adminOf("", Map.of()));
  }

  @Test
  void keysLeftOutKeepTheirDefaults() throws ConfigException {
    assertEquals(
        Optional.of(new Admin("0.0.0.0", 9104, Optional.empty())),
        adminOf("admin: { host: 0.0.0.0 }\n", Map.of()));
    assertEquals(Optional.of(Admin.DEFAULTS), adminOf("admin: {}\n", Map.of()));
  }

  @Test
  void portZeroPicksAFreePort() throws ConfigException {
    assertEquals(
        Optional.of(new Admin("127.0.0.1", 0, Optional.empty())),
        adminOf("admin: { port: 0 }\n", Map.of()));
  }

  @Test
  void enabledFalseTurnsItOff() throws ConfigException {
    assertEquals(Optional.empty(), adminOf("admin: { enabled: false }\n", Map.of()));
    assertEquals(
        Optional.of(new Admin("127.0.0.1", 9200, Optional.empty())),
        adminOf("admin: { enabled: true, port: 9200 }\n", Map.of()));
  }

  @Test
  void theTokenComesFromTheEnvironmentLikeOtherSecrets() throws ConfigException {
    Optional<Admin> admin =
        adminOf(
            "admin: { port: 9105, token: \"${ADMIN_TOKEN}\" }\n", Map.of("ADMIN_TOKEN", "s3cret"));

    assertEquals(Optional.of(new Admin("127.0.0.1", 9105, Optional.of("s3cret"))), admin);
    assertFalse(admin.get().toString().contains("s3cret"), admin.get().toString());
  }

  @Test
  void badValuesAreReportedWhereTheyAre() {
    assertEquals(
        List.of(at(5, 16, "admin.port: must be between 0 and 65535, got 70000")),
        problemsOf(ConfigLoaderTest.MINIMAL + "admin: { port: 70000 }\n"));
    assertEquals(
        List.of(at(5, 16, "admin.port: must be between 0 and 65535, got -1")),
        problemsOf(ConfigLoaderTest.MINIMAL + "admin: { port: -1 }\n"));
    assertEquals(
        List.of(at(5, 19, "admin.enabled: expected true or false, got \"no\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "admin: { enabled: no }\n"));
    assertEquals(
        List.of(at(5, 17, "admin.token: must not be empty")),
        problemsOf(ConfigLoaderTest.MINIMAL + "admin: { token: \"\" }\n"));
    assertEquals(
        List.of(at(5, 16, "admin.host: must not be empty")),
        problemsOf(ConfigLoaderTest.MINIMAL + "admin: { host: \"\" }\n"));
  }

  @Test
  void aMistakeIsReportedEvenWhenTheEndpointIsOff() {
    assertEquals(
        List.of(at(5, 32, "admin.port: expected an integer, got \"http\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "admin: { enabled: false, port: http }\n"));
  }

  @Test
  void aMisspeltKey() {
    assertEquals(
        List.of(at(5, 10, "admin: unknown key \"tokn\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "admin: { tokn: x }\n"));
  }

  @Test
  void aTokenVariableThatIsNotSet() {
    assertEquals(
        List.of(at(5, 17, "admin.token: environment variable ADMIN_TOKEN is not set")),
        problemsOf(ConfigLoaderTest.MINIMAL + "admin: { token: \"${ADMIN_TOKEN}\" }\n"));
  }

  @Test
  void theOldMetricsSectionPointsToAdmin() {
    assertEquals(
        List.of(
            at(
                5,
                10,
                "metrics: the admin endpoint serves the metrics: set admin.host and admin.port"
                    + " instead")),
        problemsOf(ConfigLoaderTest.MINIMAL + "metrics: { port: 9104 }\n"));
  }

  @Test
  void theRecordChecksWhatTheLoaderChecks() {
    assertThrows(
        IllegalArgumentException.class, () -> new Admin("127.0.0.1", 65536, Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new Admin("127.0.0.1", 0, Optional.of("")));
    assertTrue(new Admin("127.0.0.1", 0, Optional.of("t")).token().isPresent());
  }
}
