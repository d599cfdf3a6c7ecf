package io.shardway.testcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsAtSemicolonsThatEndALine() {
    String script =
        """
        -- comment
        CREATE TABLE t (
          id INT -- not a line comment at line start, kept
        );

          -- indented comment
        INSERT INTO t VALUES (1, 'a; b');\s\s
        SELECT 1""";

    assertEquals(
        List.of(
            "CREATE TABLE t (\n  id INT -- not a line comment at line start, kept\n)",
            "INSERT INTO t VALUES (1, 'a; b')",
            "SELECT 1"),
        SqlScript.statements(script));
  }

  @Test
  void emptyScriptHasNoStatements() {
    assertEquals(List.of(), SqlScript.statements("-- only a comment\n\n"));
  }

  @Test
  void readsFromTheClasspath() {
    assertEquals(3, SqlScript.fromClasspath("/testcluster-it.sql").size());
  }

  @Test
  void missingResourceNamesIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SqlScript.fromClasspath("nope.sql"));
    assertEquals("no classpath resource: nope.sql", e.getMessage());
  }
}
