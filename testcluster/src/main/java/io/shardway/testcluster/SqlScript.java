package io.shardway.testcluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a simple SQL script into statements: a statement ends with {@code ;} at the end of a line
 * (so a {@code ;} inside a line, e.g. in a string, does not split), and lines that start with
 * {@code --} are comments. Enough for the schemas we write ourselves; not a SQL lexer.
 */
final class SqlScript {
  private SqlScript() {}

  static List<String> fromClasspath(String resource) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    // The context loader sees the test resources of whichever module calls us.
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = SqlScript.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no classpath resource: " + resource);
      }
      return statements(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + resource, e);
    }
  }

  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (current.length() > 0) {
        current.append('\n');
      }
      if (trimmed.endsWith(";")) {
        current.append(line.stripTrailing(), 0, line.stripTrailing().length() - 1);
        add(statements, current);
      } else {
        current.append(line);
      }
    }
    add(statements, current);
    return statements;
  }

  private static void add(List<String> statements, StringBuilder statement) {
    String sql = statement.toString().strip();
    if (!sql.isEmpty()) {
      statements.add(sql);
    }
    statement.setLength(0);
  }
}
