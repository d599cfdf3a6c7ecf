package io.shardway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The configurations in the repository's examples/ folder load, as the README promises. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void everyExampleIsAValidConfiguration() throws IOException, ConfigException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(EXAMPLES)) {
      files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "examples/*.yaml");
    for (Path file : files) {
      ShardwayConfig config = ConfigLoader.parse(Files.readString(file), file, Map.of());
      assertFalse(config.schemas().isEmpty(), file.toString());
    }
  }

  @Test
  void theShardedExampleShardsUsersAndOrdersAlike() throws IOException, ConfigException {
    Path file = EXAMPLES.resolve("sharded.yaml");
    SchemaConfig appdb =
        ConfigLoader.parse(Files.readString(file), file, Map.of()).schemas().get("appdb");
    TableConfig users = appdb.tables().get("users");
    TableConfig orders = appdb.tables().get("orders");
    assertEquals(users.algorithm(), orders.algorithm(), "co-located");
    assertEquals(users.shardGroups(), orders.shardGroups(), "co-located");
  }
}
