package io.shardway.testcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.testcluster.MariaDbServer.Options;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void defaults() {
    Options options = Options.defaults();

    assertEquals(0, options.port());
    assertEquals(1, options.serverId());
    assertFalse(options.binlog());
    assertEquals(List.of(), options.extraArgs());
    assertNull(options.baseDirectory());
  }

  @Test
  void withersChangeOneThing() {
    Options options =
        Options.defaults()
            .withPort(13306)
            .withServerId(2)
            .withBinlog(true)
            .withExtraArgs("--innodb-buffer-pool-size=64M")
            .withBaseDirectory(Path.of("/tmp/x"));

    assertEquals(
        new Options(13306, 2, true, List.of("--innodb-buffer-pool-size=64M"), Path.of("/tmp/x")),
        options);
    assertTrue(options.withBinlog(false).extraArgs().contains("--innodb-buffer-pool-size=64M"));
  }

  @Test
  void rejectsNonsenseWithTheValue() {
    assertEquals(
        "port: 70000 (expected: 0..65535)",
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().withPort(70000))
            .getMessage());
    assertEquals(
        "serverId: 0 (expected: >= 1)",
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().withServerId(0))
            .getMessage());
    assertEquals(
        "extra server argument: 'log-bin' (expected: --name or --name=value)",
        assertThrows(
                IllegalArgumentException.class, () -> Options.defaults().withExtraArgs("log-bin"))
            .getMessage());
  }
}
