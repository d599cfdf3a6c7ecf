package io.shardway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of mistake, with the exact {@code file:line:column: message} it is reported as. */
class ConfigProblemsTest {

  private static final Path SOURCE = Path.of("conf", "shardway.yaml");

  static List<String> problemsOf(String yaml) {
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, SOURCE, Map.of()));
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  static String at(int line, int column, String message) {
    return SOURCE + ":" + line + ":" + column + ": " + message;
  }

  @Test
  void problemCarriesOneBasedPosition() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    ConfigLoaderTest.MINIMAL + "listen: { port: 70000 }\n", SOURCE, Map.of()));

    assertEquals(
        List.of(
            new ConfigProblem(
                SOURCE, 5, 17, "listen.port: must be between 1 and 65535, got 70000")),
        e.problems());
    assertEquals(at(5, 17, "listen.port: must be between 1 and 65535, got 70000"), e.getMessage());
  }

  @Test
  void misspeltKey() {
    String yaml =
        """
        users:
          - { name: app, pasword: secret, schemas: ["*"] }
        backendUser: { name: proxy, password: secret }
        shardGroups: { s0: { primary: "mysql://db:3306" } }
        schemas: { appdb: {} }
        """;

    assertEquals(
        List.of(
            at(2, 5, "users[0]: missing required key \"password\""),
            at(2, 18, "users[0]: unknown key \"pasword\"")),
        problemsOf(yaml));
  }

  @Test
  void unknownTopLevelKey() {
    assertEquals(
        List.of(at(5, 1, "unknown key \"shardgroups\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "shardgroups: {}\n"));
  }

  @Test
  void missingSection() {
    String yaml =
        """
        users: [{ name: app, password: secret, schemas: ["*"] }]
        shardGroups: { s0: { primary: "mysql://db:3306" } }
        schemas: { appdb: {} }
        """;

    assertEquals(List.of(at(1, 1, "missing required key \"backendUser\"")), problemsOf(yaml));
  }

  @Test
  void duplicateKey() {
    assertEquals(
        List.of(at(6, 1, "duplicate key \"listen\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "listen: { port: 1 }\nlisten: { port: 2 }\n"));
  }

  @Test
  void valueOfTheWrongKind() {
    assertEquals(
        List.of(at(5, 9, "listen: expected a mapping, got \"6033\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "listen: 6033\n"));
  }

  @Test
  void badBackendAddress() {
    String yaml =
        """
        users: [{ name: app, password: secret, schemas: ["*"] }]
        backendUser: { name: proxy, password: secret }
        shardGroups:
          s1: { primary: "db:abc", replicas: ["mysql://replica:0"] }
        schemas: { appdb: {} }
        """;

    assertEquals(
        List.of(
            at(4, 18, "shardGroups.s1.primary: expected mysql://host:port, got \"db:abc\""),
            at(
                4,
                39,
                "shardGroups.s1.replicas[0]: port must be between 1 and 65535, got"
                    + " \"mysql://replica:0\"")),
        problemsOf(yaml));
  }

  @Test
  void referenceToAnUnknownSchema() {
    String yaml =
        """
        users: [{ name: app, password: secret, schemas: [nope] }]
        backendUser: { name: proxy, password: secret }
        shardGroups: { s0: { primary: "mysql://db:3306" } }
        schemas: { appdb: {} }
        """;

    assertEquals(
        List.of(at(1, 50, "users[0].schemas[0]: unknown schema \"nope\"")), problemsOf(yaml));
  }

  @Test
  void duplicateUser() {
    String yaml =
        """
        users:
          - { name: app, password: a, schemas: ["*"] }
          - { name: app, password: b, schemas: ["*"] }
        backendUser: { name: proxy, password: secret }
        shardGroups: { s0: { primary: "mysql://db:3306" } }
        schemas: { appdb: {} }
        """;

    assertEquals(List.of(at(3, 13, "users[1].name: duplicate user \"app\"")), problemsOf(yaml));
  }

  @Test
  void defaultShardGroupRequiredWithSeveralGroups() {
    String yaml =
        """
        users: [{ name: app, password: secret, schemas: ["*"] }]
        backendUser: { name: proxy, password: secret }
        shardGroups: { s0: { primary: "mysql://db-0" }, s1: { primary: "mysql://db-1" } }
        schemas: { appdb: { backendSchema: app_prod }, logs: { defaultShardGroup: s9 } }
        """;

    assertEquals(
        List.of(
            at(
                4,
                19,
                "schemas.appdb: missing required key \"defaultShardGroup\""
                    + " (there is more than one shard group)"),
            at(4, 75, "schemas.logs.defaultShardGroup: unknown shard group \"s9\"")),
        problemsOf(yaml));
  }

  @Test
  void tableShapeMistakes() {
    String yaml =
        """
        users: [{ name: app, password: secret, schemas: ["*"] }]
        backendUser: { name: proxy, password: secret }
        shardGroups: { s0: { primary: "mysql://db-0" }, s1: { primary: "mysql://db-1" } }
        schemas:
          appdb:
            defaultShardGroup: s0
            tables:
              countries: { broadcast: true, shardKey: code }
              orders: { shardKey: id, shardGroups: [s0, s2] }
              items: { shardKey: id, algorithm: { type: modulo }, shardGroups: [s1, s1] }
              events: { broadcast: yes }
        """;

    assertEquals(
        List.of(
            at(
                8,
                47,
                "schemas.appdb.tables.countries.shardKey: a broadcast table takes no shard key"),
            at(9, 15, "schemas.appdb.tables.orders: missing required key \"algorithm\""),
            at(9, 49, "schemas.appdb.tables.orders.shardGroups[1]: unknown shard group \"s2\""),
            at(
                10,
                49,
                "schemas.appdb.tables.items.algorithm.type: expected one of mod, hash, range,"
                    + " consistent-hash, list, got \"modulo\""),
            at(10, 77, "schemas.appdb.tables.items.shardGroups[1]: duplicate shard group \"s1\""),
            at(
                11,
                28,
                "schemas.appdb.tables.events.broadcast: expected true or false, got \"yes\"")),
        problemsOf(yaml));
  }

  @Test
  void keyGeneratorMistakes() {
    String yaml =
        """
        users: [{ name: app, password: secret, schemas: ["*"] }]
        backendUser: { name: proxy, password: secret }
        shardGroups: { s0: { primary: "mysql://db-0" } }
        schemas:
          appdb:
            tables:
              countries: { broadcast: true, keyGenerator: { type: snowflake } }
              users: { shardKey: id, algorithm: { type: mod }, shardGroups: [s0], keyGenerator: { type: uuid } }
              orders: { shardKey: id, algorithm: { type: mod }, shardGroups: [s0], keyGenerator: snowflake }
              items: { shardKey: id, algorithm: { type: mod }, shardGroups: [s0], keyGenerator: { epoch: 0 } }
        """;

    assertEquals(
        List.of(
            at(
                7,
                51,
                "schemas.appdb.tables.countries.keyGenerator: a broadcast table takes no key"
                    + " generator"),
            at(
                8,
                97,
                "schemas.appdb.tables.users.keyGenerator.type: expected one of snowflake, got"
                    + " \"uuid\""),
            at(
                9,
                90,
                "schemas.appdb.tables.orders.keyGenerator: expected a mapping, got"
                    + " \"snowflake\""),
            at(10, 89, "schemas.appdb.tables.items.keyGenerator: missing required key \"type\""),
            at(10, 91, "schemas.appdb.tables.items.keyGenerator: unknown key \"epoch\"")),
        problemsOf(yaml));
  }

  @Test
  void workerIdOutOfRange() {
    assertEquals(
        List.of(at(5, 11, "workerId: must be between 0 and 1023, got 1024")),
        problemsOf(ConfigLoaderTest.MINIMAL + "workerId: 1024\n"));
    assertEquals(
        List.of(at(5, 11, "workerId: must be between 0 and 1023, got -1")),
        problemsOf(ConfigLoaderTest.MINIMAL + "workerId: -1\n"));
    assertEquals(
        List.of(at(5, 11, "workerId: expected an integer, got \"one\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "workerId: one\n"));
  }

  @Test
  void badSizesAndDurations() {
    String yaml =
        ConfigLoaderTest.MINIMAL
            + """
            maxAllowedPacket: 64XB
            pool: { idleTimeout: 10 minutes, maxSize: 4, minIdle: 8, connectionTimeout: 0s }
            """;

    assertEquals(
        List.of(
            at(
                5,
                19,
                "maxAllowedPacket: expected a size like 1024, 64KiB, 16MiB or 1GiB, got \"64XB\""),
            at(
                6,
                22,
                "pool.idleTimeout: expected a duration like 500ms, 2s, 5m, 1h or 1d, got"
                    + " \"10 minutes\""),
            at(6, 55, "pool.minIdle: must be at most maxSize (4), got 8"),
            at(6, 77, "pool.connectionTimeout: must be longer than 0ms")),
        problemsOf(yaml));
  }

  @Test
  void maxAllowedPacketOutOfRange() {
    assertEquals(
        List.of(at(5, 19, "maxAllowedPacket: must be between 1KiB and 1GiB, got 2147483648 bytes")),
        problemsOf(ConfigLoaderTest.MINIMAL + "maxAllowedPacket: 2GiB\n"));
  }

  @Test
  void unsupportedAuthPlugin() {
    assertEquals(
        List.of(
            at(
                5,
                24,
                "auth.defaultPlugin: expected one of mysql_native_password,"
                    + " caching_sha2_password, got \"sha256_password\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "auth: { defaultPlugin: sha256_password }\n"));
  }

  @Test
  void reservedSectionsMustBeMappings() {
    assertEquals(
        List.of(at(5, 8, "cache: expected a mapping, got \"off\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "cache: off\n"));
  }

  @Test
  void readWriteMustBeAMapping() {
    assertEquals(
        List.of(at(5, 12, "readWrite: expected a mapping, got \"off\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "readWrite: off\n"));
  }

  @Test
  void unknownBalance() {
    assertEquals(
        List.of(
            at(
                5,
                23,
                "readWrite.balance: expected one of round-robin, weighted, least-outstanding,"
                    + " got \"random\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "readWrite: { balance: random }\n"));
  }

  @Test
  void unknownReadYourWritesMode() {
    assertEquals(
        List.of(
            at(
                5,
                30,
                "readWrite.readYourWrites: expected one of auto, gtid, sticky, got \"STICKY\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "readWrite: { readYourWrites: STICKY }\n"));
  }

  @Test
  void negativeDuration() {
    assertEquals(
        List.of(
            at(
                5,
                32,
                "readWrite.stickyAfterWrite: expected a duration like 500ms, 2s, 5m, 1h or 1d,"
                    + " got \"-1s\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "readWrite: { stickyAfterWrite: -1s }\n"));
  }

  @Test
  void readWriteDurationsOutOfRange() {
    String yaml =
        ConfigLoaderTest.MINIMAL
            + """
            readWrite:
              gtidWaitTimeout: 11s
              maxReplicaLag: 0s
              monitorInterval: 5ms
            """;

    assertEquals(
        List.of(
            at(6, 20, "readWrite.gtidWaitTimeout: must be at most 10s"),
            at(7, 18, "readWrite.maxReplicaLag: must be longer than 0ms"),
            at(8, 20, "readWrite.monitorInterval: must be between 10ms and 1h")),
        problemsOf(yaml));
    assertEquals(
        List.of(at(5, 31, "readWrite.monitorInterval: must be between 10ms and 1h")),
        problemsOf(ConfigLoaderTest.MINIMAL + "readWrite: { monitorInterval: 61m }\n"));
  }

  @Test
  void replicaWeightOutOfRange() {
    String yaml =
        """
        users: [{ name: app, password: secret, schemas: ["*"] }]
        backendUser: { name: proxy, password: secret }
        shardGroups:
          s0:
            primary: "mysql://db-0"
            replicas:
              - { address: "mysql://db-0-a", weight: 10001 }
              - { address: "mysql://db-0-b", weight: -1 }
              - { address: "mysql://db-0-c", weight: heavy }
        schemas: { appdb: {} }
        """;

    assertEquals(
        List.of(
            at(7, 46, "shardGroups.s0.replicas[0].weight: must be between 0 and 10000, got 10001"),
            at(8, 46, "shardGroups.s0.replicas[1].weight: must be between 0 and 10000, got -1"),
            at(9, 46, "shardGroups.s0.replicas[2].weight: expected an integer, got \"heavy\"")),
        problemsOf(yaml));
  }

  @Test
  void badHeartbeatTable() {
    assertEquals(
        List.of(
            at(
                5,
                30,
                "readWrite.heartbeatTable: expected schema.table, each part of letters, digits, _"
                    + " or $, got \"heartbeat\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "readWrite: { heartbeatTable: heartbeat }\n"));
    assertEquals(
        List.of(
            at(
                5,
                30,
                "readWrite.heartbeatTable: expected schema.table, each part of letters, digits, _"
                    + " or $, got \"meta.heart-beat\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "readWrite: { heartbeatTable: meta.heart-beat }\n"));
  }

  @Test
  void unknownReadWriteKey() {
    assertEquals(
        List.of(at(5, 14, "readWrite: unknown key \"stickyAfterWrites\"")),
        problemsOf(ConfigLoaderTest.MINIMAL + "readWrite: { stickyAfterWrites: 1s }\n"));
  }

  @Test
  void replicaMappingMistakes() {
    String yaml =
        """
        users: [{ name: app, password: secret, schemas: ["*"] }]
        backendUser: { name: proxy, password: secret }
        shardGroups:
          s0:
            primary: "mysql://db-0"
            replicas:
              - { address: "mysql://db-0-a", wieght: 2 }
              - { weight: 2 }
              - [ "mysql://db-0-b" ]
        schemas: { appdb: {} }
        """;

    assertEquals(
        List.of(
            at(7, 38, "shardGroups.s0.replicas[0]: unknown key \"wieght\""),
            at(8, 9, "shardGroups.s0.replicas[1]: missing required key \"address\""),
            at(
                9,
                9,
                "shardGroups.s0.replicas[2]: expected mysql://host:port or a mapping with address"
                    + " and weight, got a list")),
        problemsOf(yaml));
  }

  @Test
  void duplicateReplica() {
    String yaml =
        """
        users: [{ name: app, password: secret, schemas: ["*"] }]
        backendUser: { name: proxy, password: secret }
        shardGroups:
          s0:
            primary: "mysql://db-0:3306"
            replicas:
              - "mysql://DB-0"
              - "mysql://db-0-a:3306?sslMode=REQUIRED"
              - { address: "mysql://db-0-a", weight: 2 }
        schemas: { appdb: {} }
        """;

    assertEquals(
        List.of(
            at(
                7,
                9,
                "shardGroups.s0.replicas[0]: mysql://DB-0:3306 is already the primary of this"
                    + " shard group"),
            at(
                9,
                20,
                "shardGroups.s0.replicas[2].address: mysql://db-0-a:3306 is already a replica of"
                    + " this shard group")),
        problemsOf(yaml));
  }

  @Test
  void emptySectionIsReportedOnceNotAtEveryReference() {
    String yaml =
        """
        users: [{ name: app, password: secret, schemas: [appdb] }]
        backendUser: { name: proxy, password: secret }
        shardGroups: {}
        schemas: { appdb: { tables: { t: { broadcast: true } } } }
        """;

    assertEquals(
        List.of(at(3, 14, "shardGroups: at least one shard group is required")), problemsOf(yaml));
  }

  @Test
  void syntaxErrorIsReportedAlone() {
    String yaml =
        """
        listen: { host: 0.0.0.0, port: 6033
        users: []
        """;

    assertEquals(
        List.of(
            at(2, 6, "invalid YAML: while parsing a flow mapping: expected ',' or '}', but got :")),
        problemsOf(yaml));
  }

  @Test
  void emptyFile() {
    assertEquals(List.of(at(1, 1, "the file is empty")), problemsOf(""));
    assertEquals(List.of(at(1, 1, "the file is empty")), problemsOf("# nothing yet\n"));
  }

  @Test
  void documentThatIsNotAMapping() {
    assertEquals(List.of(at(1, 1, "expected a mapping, got a list")), problemsOf("- a\n- b\n"));
  }

  @Test
  void reportsEveryMistakeInFileOrder() {
    String yaml =
        """
        listen: { port: 0 }
        users:
          - { name: app, password: "${APP_DB_PASSWORD}", schemas: [appdb] }
        shardGroups:
          s0: { primary: "mysql://db-0-primary:3306", replica: ["mysql://db-0-replica:3306"] }
          s1: { primary: "db-1-primary:3306" }
        schemas:
          appdb:
            tables:
              users:  { shardKey: id, algorithm: { type: mod }, shardGroups: [s0, s1, s3] }
        pool: { maxSize: 0 }
        """;

    assertEquals(
        List.of(
            at(1, 1, "missing required key \"backendUser\""),
            at(1, 17, "listen.port: must be between 1 and 65535, got 0"),
            at(3, 28, "users[0].password: environment variable APP_DB_PASSWORD is not set"),
            at(5, 47, "shardGroups.s0: unknown key \"replica\""),
            at(
                6,
                18,
                "shardGroups.s1.primary: expected mysql://host:port, got \"db-1-primary:3306\""),
            at(
                9,
                5,
                "schemas.appdb: missing required key \"defaultShardGroup\""
                    + " (there is more than one shard group)"),
            at(10, 79, "schemas.appdb.tables.users.shardGroups[2]: unknown shard group \"s3\""),
            at(11, 18, "pool.maxSize: must be at least 1, got 0")),
        problemsOf(yaml));
  }
}
