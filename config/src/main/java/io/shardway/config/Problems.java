package io.shardway.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;

/**
 * The problems found in one file so far. Binding goes on after a problem so that one run reports
 * all of them.
 */
final class Problems {

  private final Path file;
  private final List<ConfigProblem> found = new ArrayList<>();

  Problems(Path file) {
    this.file = file;
  }

  /** Records a problem at a SnakeYAML mark, whose line and column are 0-based. */
  void add(Mark mark, String message) {
    found.add(new ConfigProblem(file, mark.getLine() + 1, mark.getColumn() + 1, message));
  }

  /** Records a problem that has no better place than the start of the file. */
  void addAtStart(String message) {
    found.add(new ConfigProblem(file, 1, 1, message));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /**
   * Returns the exception listing every problem in file order. Binders check sections in the order
   * that cross-references need, not the order of the file, so the list is sorted here.
   */
  ConfigException toException() {
    List<ConfigProblem> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
    return new ConfigException(sorted);
  }
}
