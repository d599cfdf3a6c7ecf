package io.shardway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final Path SOURCE = Path.of("shardway.yaml");

  private static final Map<String, String> ENV =
      Map.of("APP_DB_PASSWORD", "app-secret", "BACKEND_PASSWORD", "proxy-secret");

  /** The sketch from DESIGN.md. */
  private static final String EXAMPLE =
      """
      listen: { host: 0.0.0.0, port: 6033 }
      users:
        - { name: app, password: "${APP_DB_PASSWORD}", schemas: [appdb] }
      shardGroups:
        s0: { primary: "mysql://db-0-primary:3306", replicas: ["mysql://db-0-replica:3306"] }
        s1: { primary: "mysql://db-1-primary:3306", replicas: [] }
      backendUser: { name: proxy, password: "${BACKEND_PASSWORD}" }
      schemas:
        appdb:
          defaultShardGroup: s0
          tables:
            users:  { shardKey: id, algorithm: { type: mod }, shardGroups: [s0, s1] }
            countries: { broadcast: true }
      """;

  /** The least a config must say. */
  static final String MINIMAL =
      """
      users: [{ name: app, password: secret, schemas: ["*"] }]
      backendUser: { name: proxy, password: secret }
      shardGroups: { s0: { primary: "mysql://db:3306" } }
      schemas: { appdb: {} }
      """;

  @Test
  void loadsTheDesignExample() throws ConfigException {
    ShardwayConfig config = ConfigLoader.parse(EXAMPLE, SOURCE, ENV);

    assertEquals(new Listen("0.0.0.0", 6033), config.listen());
    assertEquals(List.of(new User("app", "app-secret", List.of("appdb"))), config.users());
    assertEquals(new BackendUser("proxy", "proxy-secret"), config.backendUser());
    assertEquals(List.of("s0", "s1"), List.copyOf(config.shardGroups().keySet()));
    ShardGroup s0 = config.shardGroups().get("s0");
    assertEquals(new BackendAddress("db-0-primary", 3306, Map.of()), s0.primary());
    assertEquals(
        List.of(new Replica(new BackendAddress("db-0-replica", 3306, Map.of()), 1)), s0.replicas());
    assertEquals(List.of(), config.shardGroups().get("s1").replicas());

    SchemaConfig appdb = config.schemas().get("appdb");
    assertEquals("appdb", appdb.backendSchema());
    assertEquals("s0", appdb.defaultShardGroup());
    assertEquals(List.of("users", "countries"), List.copyOf(appdb.tables().keySet()));
    assertEquals(
        new TableConfig(
            "users",
            false,
            Optional.of("id"),
            Optional.of(new AlgorithmConfig.Mod()),
            List.of("s0", "s1")),
        appdb.tables().get("users"));
    assertEquals(
        new TableConfig("countries", true, Optional.empty(), Optional.empty(), List.of("s0", "s1")),
        appdb.tables().get("countries"));
    assertEquals(SOURCE, config.source());
  }

  @Test
  void fillsInDefaults() throws ConfigException {
    ShardwayConfig config = ConfigLoader.parse(MINIMAL, SOURCE, Map.of());

    assertEquals(new Listen("127.0.0.1", 6033), config.listen());
    assertEquals(Optional.empty(), config.tls());
    assertEquals(new Auth("mysql_native_password", false), config.auth());
    assertEquals(64L * 1024 * 1024, config.maxAllowedPacket());
    assertEquals(
        new Pool(16, 0, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(30), 16),
        config.pool());
    assertEquals(
        new ReadWrite(
            Duration.ofSeconds(2),
            ReadWrite.ReadYourWrites.AUTO,
            Duration.ofMillis(50),
            Duration.ofSeconds(5),
            ReadWrite.Balance.ROUND_ROBIN,
            Duration.ofSeconds(1),
            Optional.empty()),
        config.readWrite());
    assertEquals(Optional.of(new Admin("127.0.0.1", 9104, Optional.empty())), config.admin());
    // With a single shard group, it is every schema's default.
    assertEquals("s0", config.schemas().get("appdb").defaultShardGroup());
    assertEquals(3306, config.shardGroups().get("s0").primary().port());
    assertTrue(config.users().get(0).mayUse("anything"));
  }

  @Test
  void readsEverySectionWhenGiven() throws ConfigException {
    String yaml =
        MINIMAL
            + """
            auth: { defaultPlugin: caching_sha2_password, requireFullAuth: true }
            maxAllowedPacket: 16MiB
            pool: { maxSize: 32, minIdle: 4, connectionTimeout: 500ms, idleTimeout: 1m, maxLifetime: 1h,
                    loopConnections: 8 }
            admin: { port: 9105 }
            readWrite: { stickyAfterWrite: 2s }
            cache: { mode: local, rules: [ { tables: [countries], ttl: 1h } ] }
            """;

    ShardwayConfig config = ConfigLoader.parse(yaml, SOURCE, Map.of());

    assertEquals(new Auth("caching_sha2_password", true), config.auth());
    assertEquals(16L << 20, config.maxAllowedPacket());
    assertEquals(
        new Pool(32, 4, Duration.ofMillis(500), Duration.ofMinutes(1), Duration.ofHours(1), 8),
        config.pool());
    assertEquals(Optional.of(new Admin("127.0.0.1", 9105, Optional.empty())), config.admin());
  }

  @Test
  void readsKeyGeneratorsAndTheWorkerId() throws ConfigException {
    String yaml =
        """
        users: [{ name: app, password: secret, schemas: ["*"] }]
        backendUser: { name: proxy, password: secret }
        shardGroups: { s0: { primary: "mysql://db-0" }, s1: { primary: "mysql://db-1" } }
        workerId: ${WORKER_ID}
        schemas:
          appdb:
            defaultShardGroup: s0
            tables:
              users: { shardKey: id, algorithm: { type: hash }, shardGroups: [s0, s1],
                       keyGenerator: { type: snowflake } }
              orders: { shardKey: user_id, algorithm: { type: hash }, shardGroups: [s0, s1] }
        """;

    ShardwayConfig config = ConfigLoader.parse(yaml, SOURCE, Map.of("WORKER_ID", "1023"));

    assertEquals(1023, config.workerId());
    Map<String, TableConfig> tables = config.schemas().get("appdb").tables();
    assertEquals(
        Optional.of(new KeyGeneratorConfig.Snowflake()), tables.get("users").keyGenerator());
    assertEquals(Optional.empty(), tables.get("orders").keyGenerator());
    assertEquals(0, ConfigLoader.parse(MINIMAL, SOURCE, Map.of()).workerId());
  }

  @Test
  void tablesWithoutAKeyGeneratorKeepTheirShortConstructor() {
    TableConfig table =
        new TableConfig("countries", true, Optional.empty(), Optional.empty(), List.of("s0"));

    assertEquals(Optional.empty(), table.keyGenerator());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TableConfig(
                "countries",
                true,
                Optional.empty(),
                Optional.empty(),
                List.of("s0"),
                Optional.of(new KeyGeneratorConfig.Snowflake())));
  }

  @Test
  void readsEveryReadWriteKey() throws ConfigException {
    String yaml =
        MINIMAL
            + """
            readWrite:
              stickyAfterWrite: 0s
              readYourWrites: gtid
              gtidWaitTimeout: 10s
              maxReplicaLag: 500ms
              balance: least-outstanding
              monitorInterval: 1h
              heartbeatTable: shardway_meta.heartbeat$1
            """;

    ReadWrite readWrite = ConfigLoader.parse(yaml, SOURCE, Map.of()).readWrite();

    assertEquals(
        new ReadWrite(
            Duration.ZERO,
            ReadWrite.ReadYourWrites.GTID,
            Duration.ofSeconds(10),
            Duration.ofMillis(500),
            ReadWrite.Balance.LEAST_OUTSTANDING,
            Duration.ofHours(1),
            Optional.of("shardway_meta.heartbeat$1")),
        readWrite);
  }

  @Test
  void defaultsTheReadWriteKeysLeftOut() throws ConfigException {
    String yaml = MINIMAL + "readWrite: { readYourWrites: sticky, balance: weighted }\n";

    ReadWrite readWrite = ConfigLoader.parse(yaml, SOURCE, Map.of()).readWrite();

    assertEquals(
        new ReadWrite(
            Duration.ofSeconds(2),
            ReadWrite.ReadYourWrites.STICKY,
            Duration.ofMillis(50),
            Duration.ofSeconds(5),
            ReadWrite.Balance.WEIGHTED,
            Duration.ofSeconds(1),
            Optional.empty()),
        readWrite);
    assertEquals(
        ReadWrite.DEFAULTS,
        ConfigLoader.parse(MINIMAL + "readWrite: {}\n", SOURCE, Map.of()).readWrite());
  }

  @Test
  void readsReplicasAsAddressesOrMappings() throws ConfigException {
    String yaml =
        """
        users: [{ name: app, password: secret, schemas: ["*"] }]
        backendUser: { name: proxy, password: secret }
        shardGroups:
          s0:
            primary: "mysql://db-0:3306"
            replicas:
              - "mysql://db-0-a:3306?sslMode=REQUIRED"
              - { address: "mysql://db-0-b:3307", weight: 3 }
              - { address: "mysql://db-0-c" }
              - { address: "mysql://db-0-d", weight: 0 }
              - { address: "mysql://db-0:3307", weight: 10000 }
          s1: { primary: "mysql://db-1", replicas: ["mysql://db-0-a:3306"] }
        schemas: { appdb: { defaultShardGroup: s0 } }
        """;

    Map<String, ShardGroup> groups = ConfigLoader.parse(yaml, SOURCE, Map.of()).shardGroups();

    assertEquals(
        List.of(
            new Replica(new BackendAddress("db-0-a", 3306, Map.of("sslMode", "REQUIRED")), 1),
            new Replica(new BackendAddress("db-0-b", 3307, Map.of()), 3),
            new Replica(new BackendAddress("db-0-c", 3306, Map.of()), 1),
            new Replica(new BackendAddress("db-0-d", 3306, Map.of()), 0),
            new Replica(new BackendAddress("db-0", 3307, Map.of()), 10000)),
        groups.get("s0").replicas());
    // A server may be a replica in two groups; only within one group is it a mistake.
    assertEquals(
        List.of(new Replica(new BackendAddress("db-0-a", 3306, Map.of()), 1)),
        groups.get("s1").replicas());
  }

  @Test
  void parsesBackendOptions() throws ConfigException {
    String yaml =
        MINIMAL.replace("mysql://db:3306", "mysql://db:3307?sslMode=REQUIRED&connectTimeout=2000");

    BackendAddress primary =
        ConfigLoader.parse(yaml, SOURCE, Map.of()).shardGroups().get("s0").primary();

    assertEquals(Map.of("sslMode", "REQUIRED", "connectTimeout", "2000"), primary.options());
    assertEquals("mysql://db:3307", primary.toString());
  }

  @Test
  void resolvesTlsFilesAgainstTheConfigDirectory(@TempDir Path dir) throws Exception {
    Files.createDirectory(dir.resolve("tls"));
    Files.writeString(dir.resolve("tls/cert.pem"), "-----BEGIN CERTIFICATE-----");
    Files.writeString(dir.resolve("tls/key.pem"), "-----BEGIN PRIVATE KEY-----");
    Path file = dir.resolve("shardway.yaml");
    Files.writeString(
        file,
        MINIMAL + "tls: { certificate: tls/cert.pem, key: " + dir.resolve("tls/key.pem") + " }\n");

    Tls tls = ConfigLoader.load(file).tls().orElseThrow();

    assertEquals(new Tls(dir.resolve("tls/cert.pem"), dir.resolve("tls/key.pem")), tls);
  }

  @Test
  void reportsMissingTlsFiles(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("shardway.yaml");
    Files.writeString(file, MINIMAL + "tls: { certificate: cert.pem, key: key.pem }\n");

    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

    assertEquals(
        List.of(
            file + ":5:21: tls.certificate: file not found: " + dir.resolve("cert.pem"),
            file + ":5:36: tls.key: file not found: " + dir.resolve("key.pem")),
        e.problems().stream().map(ConfigProblem::toString).toList());
  }

  @Test
  void reportsAFileThatIsNotThere(@TempDir Path dir) {
    Path file = dir.resolve("missing.yaml");

    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

    assertEquals(file + ":1:1: file not found", e.getMessage());
  }

  @Test
  void leavesPasswordsOutOfToString() throws ConfigException {
    String text = ConfigLoader.parse(MINIMAL, SOURCE, Map.of()).toString();

    assertFalse(text.contains("secret"), text);
  }
}
