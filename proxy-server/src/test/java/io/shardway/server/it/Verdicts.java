package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies the rule of the differential suite to each statement and keeps the score: through
 * Shardway a statement must give exactly the reference's answer, or be refused with error 1235, and
 * only outside {@link Category#ANSWERED_TODAY}. Everything else is a problem, kept with both
 * outcomes so that one failure lists them all.
 */
final class Verdicts {
  private enum Kind {
    ANSWERED,
    REFUSED,
    WRONG
  }

  private final String name;
  private final Map<Category, int[]> counts = new EnumMap<>(Category.class);
  private final List<String> problems = new ArrayList<>();

  /**
   * @param name what was run, in the summary and the failure: {@code reads with MYSQL_TEXT}
   */
  Verdicts(String name) {
    this.name = name;
  }

  /**
   * Judges Shardway's outcome of {@code statement} against the reference's.
   *
   * @param difference how the two differ, empty when they agree (see {@link ResultComparer})
   */
  void judge(
      Category category,
      Object statement,
      Outcome reference,
      Outcome shardway,
      Optional<String> difference) {
    if (shardway instanceof Outcome.Failed failed && failed.refused()) {
      count(category, Kind.REFUSED);
      if (category.answeredToday()) {
        problems.add(
            "refused although "
                + category
                + " is answered today: "
                + statement
                + "\n    "
                + failed.describe());
      }
      return;
    }
    if (difference.isEmpty()) {
      count(category, Kind.ANSWERED);
      return;
    }
    count(category, Kind.WRONG);
    problems.add(
        "wrong answer ("
            + difference.get()
            + "): "
            + statement
            + "\n    expected: "
            + reference.describe()
            + "\n    actual:   "
            + shardway.describe());
  }

  /** A problem outside any statement's answer, such as tables that differ after the writes. */
  void problem(String problem) {
    problems.add(problem);
  }

  /** One line per category: answered, refused and wrong answers. */
  String summary() {
    return counts.entrySet().stream()
        .map(
            e ->
                String.format(
                    "  %-20s answered %4d  refused %4d  wrong %3d%s",
                    e.getKey(),
                    e.getValue()[Kind.ANSWERED.ordinal()],
                    e.getValue()[Kind.REFUSED.ordinal()],
                    e.getValue()[Kind.WRONG.ordinal()],
                    e.getKey().answeredToday() ? "  (must be answered)" : ""))
        .collect(Collectors.joining("\n", name + ":\n", ""));
  }

  /** Fails with every problem found, if there is one. */
  void assertNoProblems() {
    if (!problems.isEmpty()) {
      fail(
          problems.size()
              + " problems in "
              + name
              + ":\n"
              + String.join("\n", problems)
              + "\n"
              + summary());
    }
  }

  private void count(Category category, Kind kind) {
    counts.computeIfAbsent(category, c -> new int[Kind.values().length])[kind.ordinal()]++;
  }
}
