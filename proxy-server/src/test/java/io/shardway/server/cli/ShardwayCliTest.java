package io.shardway.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardwayCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws Exception {
    return ShardwayCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpListsEveryCommand() throws Exception {
    assertEquals(0, run("--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String command : new String[] {"serve --config FILE", "check-config FILE", "demo"}) {
      assertTrue(help.contains(command), () -> "help lacks " + command + ":\n" + help);
    }
  }

  @Test
  void checkConfigAcceptsTheExample() throws Exception {
    Path example = Path.of("..", "examples", "shardway.yaml");
    assertEquals(0, run("check-config", example.toString()), () -> err.toString());
  }

  @Test
  void checkConfigReportsEveryProblemWithFileLineAndColumn(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        """
        listen: { port: 70000 }
        users:
          - { name: app, pasword: x, schemas: [appdb] }
        backendUser: { name: proxy, password: p }
        shardGroups:
          s0: { primary: "mysql://db:3306" }
        schemas:
          appdb: { defaultShardGroup: s9 }
        """);
    assertEquals(1, run("check-config", file.toString()));
    String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertTrue(lines.length >= 3, () -> String.join("\n", lines));
    assertTrue(lines[0].startsWith(file + ":1:"), lines[0]);
    assertTrue(err.toString().contains(file + ":3:"), err::toString);
    assertTrue(err.toString().contains(file + ":8:"), err::toString);
  }

  @Test
  void checkConfigOnAMissingFileFails(@TempDir Path dir) throws Exception {
    assertEquals(1, run("check-config", dir.resolve("nope.yaml").toString()));
    assertTrue(err.toString().contains("nope.yaml:1:1: no such file"), err::toString);
  }

  @Test
  void unknownCommandIsAnError() throws Exception {
    assertEquals(2, run("frobnicate"));
    assertTrue(err.toString().contains("unknown command: frobnicate"));
  }
}
