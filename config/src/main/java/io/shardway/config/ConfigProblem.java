package io.shardway.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One mistake in a configuration file, at the place where it was found.
 *
 * @param file the file, as it was named to the loader
 * @param line the 1-based line
 * @param column the 1-based column
 * @param message what is wrong, starting with the key path it concerns, e.g. {@code listen.port:
 *     must be between 1 and 65535, got 70000}
 */
public record ConfigProblem(Path file, int line, int column, String message) {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if line or column is below 1
   */
  public ConfigProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
    }
  }

  /**
   * Returns {@code FILE:LINE:COLUMN: message}, the form compilers use, so that editors and CI logs
   * turn it into a link to the place.
   */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
