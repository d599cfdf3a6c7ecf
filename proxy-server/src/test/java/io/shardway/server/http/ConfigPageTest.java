package io.shardway.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.config.ConfigLoader;
import io.shardway.config.ShardwayConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration as /admin/config shows it: complete, and without a secret. */
class ConfigPageTest {
  private static final String YAML =
      """
      users: [{ name: app, password: "${APP_PASSWORD}", schemas: ["*"] }]
      backendUser: { name: proxy, password: backend-secret }
      shardGroups:
        s0:
          primary: "mysql://db:3306?sslMode=REQUIRED&trustCertificateKeyStorePassword=store-secret"
        s1: { primary: "mysql://db-1:3306" }
      schemas:
        appdb:
          defaultShardGroup: s0
          tables:
            users: { shardKey: id, algorithm: { type: mod }, shardGroups: [s0, s1] }
      readWrite: { balance: least-outstanding, stickyAfterWrite: 1500ms }
      admin: { port: 0, token: admin-secret }
      """;

  private static String page() throws Exception {
    ShardwayConfig config =
        ConfigLoader.parse(YAML, Path.of("shardway.yaml"), Map.of("APP_PASSWORD", "app-secret"));
    return new ConfigPage(config).answer().body();
  }

  @Test
  void masksEveryPasswordTokenAndSecretOption() throws Exception {
    String page = page();
    for (String secret : new String[] {"app-secret", "backend-secret", "store-secret"}) {
      assertFalse(page.contains(secret), secret + " in " + page);
    }
    assertFalse(page.contains("admin-secret"), page);
    assertTrue(page.contains("\"password\":\"" + ConfigPage.MASK + "\""), page);
    assertTrue(page.contains("\"token\":\"" + ConfigPage.MASK + "\""), page);
    assertTrue(
        page.contains("\"trustCertificateKeyStorePassword\":\"" + ConfigPage.MASK + "\""), page);
  }

  @Test
  void showsTheSettingsAsTheFileSpellsThem() throws Exception {
    String page = page();
    assertTrue(page.contains("\"sslMode\":\"REQUIRED\""), page);
    assertTrue(page.contains("\"balance\":\"least-outstanding\""), page);
    assertTrue(page.contains("\"stickyAfterWrite\":\"1500ms\""), page);
    assertTrue(page.contains("\"algorithm\":{\"type\":\"mod\"}"), page);
    assertTrue(page.contains("\"listen\":{\"host\":\"127.0.0.1\",\"port\":6033}"), page);
    assertTrue(page.contains("\"tls\":null"), page);
  }

  @Test
  void anAbsentTokenIsNotMasked() throws Exception {
    ShardwayConfig config =
        ConfigLoader.parse(
            YAML.replace("admin: { port: 0, token: admin-secret }", ""),
            Path.of("shardway.yaml"),
            Map.of("APP_PASSWORD", "app-secret"));
    String page = new ConfigPage(config).answer().body();
    assertTrue(
        page.contains("\"admin\":{\"host\":\"127.0.0.1\",\"port\":9104,\"token\":null}"), page);
    assertEquals(200, new ConfigPage(config).answer().status().code());
  }
}
