package io.shardway.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration that cannot be used. It carries every problem found in the file, in file order,
 * not just the first one.
 */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  // Transient because Path is not Serializable; a deserialized exception keeps its message.
  private final transient List<ConfigProblem> problems;

  /**
   * Creates an exception whose message is the problems, one a line.
   *
   * @param problems at least one problem
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public ConfigException(List<ConfigProblem> problems) {
    super(joined(problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns the problems, in the order they appear in the file; empty only for an exception that
   * was serialized and read back.
   */
  public List<ConfigProblem> problems() {
    return problems != null ? problems : List.of();
  }

  private static String joined(List<ConfigProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
  }
}
