package io.shardway.testcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardway.testcluster.MariaDbServer.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReplicatedGroupTest {
  @Test
  void rejectsNonsenseBeforeStartingAnything() {
    assertEquals(
        "replicas: -1 (expected: >= 0)",
        assertThrows(IllegalArgumentException.class, () -> ReplicatedGroup.start(-1)).getMessage());
    assertEquals(
        "base options: port 3306, base directory null (expected: port 0 and no base directory,"
            + " which each server picks itself)",
        assertThrows(
                IllegalArgumentException.class,
                () -> ReplicatedGroup.start(1, Options.defaults().withPort(3306)))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ReplicatedGroup.start(1, Options.defaults().withBaseDirectory(Path.of("/tmp/x"))));
  }
}
