package io.shardway.server.it;

import io.shardway.server.it.Outcome.Rows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Decides whether the answer Shardway gave equals the reference's, and if not, says how they
 * differ. Errors are equal when their codes are; update counts when they are the same number; rows
 * when their columns (labels and type names), the class of their first non-NULL value per column
 * and their values agree, in order or as multisets as the query's {@link CorpusQuery.Check} says.
 */
final class ResultComparer {
  private ResultComparer() {}

  /** Empty when {@code actual} answers {@code query} as {@code expected} does. */
  static Optional<String> difference(CorpusQuery query, Outcome expected, Outcome actual) {
    if (expected instanceof Rows e && actual instanceof Rows a) {
      return rows(query, e, a);
    }
    return difference(expected, actual);
  }

  /** Empty when both are the same update count, or errors with the same code. */
  static Optional<String> difference(Outcome expected, Outcome actual) {
    if (expected instanceof Outcome.Failed e && actual instanceof Outcome.Failed a) {
      return e.code() == a.code() ? Optional.empty() : Optional.of("another error code");
    }
    return expected.equals(actual) ? Optional.empty() : Optional.of("another outcome");
  }

  /** Empty when both have the same columns and the same rows, in any order. */
  static Optional<String> sameRowsInAnyOrder(Rows expected, Rows actual) {
    return columns(expected, actual).or(() -> asMultiset(expected.values(), actual.values()));
  }

  private static Optional<String> rows(CorpusQuery query, Rows expected, Rows actual) {
    return columns(expected, actual).or(() -> values(query, expected, actual));
  }

  private static Optional<String> columns(Rows expected, Rows actual) {
    if (!expected.columns().equals(actual.columns())) {
      return Optional.of("other columns: " + actual.columns());
    }
    return valueClasses(expected, actual);
  }

  private static Optional<String> values(CorpusQuery query, Rows expected, Rows actual) {
    return switch (query.check()) {
      case IN_ORDER -> inOrder(expected.values(), actual.values());
      case AS_MULTISET -> asMultiset(expected.values(), actual.values());
      case ANY_ROWS ->
          someOf(expected.values(), actual.values(), query.rowsWanted(expected.values().size()));
    };
  }

  /** Only where both sides saw a value: a LIMIT may have kept none of a column's non-NULLs. */
  private static Optional<String> valueClasses(Rows expected, Rows actual) {
    return IntStream.range(0, expected.columns().size())
        .filter(
            i -> {
              String e = expected.valueClasses().get(i);
              String a = actual.valueClasses().get(i);
              return e != null && a != null && !e.equals(a);
            })
        .mapToObj(
            i ->
                "column "
                    + expected.columns().get(i).label()
                    + " reads as "
                    + actual.valueClasses().get(i)
                    + ", expected "
                    + expected.valueClasses().get(i))
        .findFirst();
  }

  private static Optional<String> inOrder(List<List<String>> expected, List<List<String>> actual) {
    int common = Math.min(expected.size(), actual.size());
    for (int i = 0; i < common; i++) {
      if (!Objects.equals(expected.get(i), actual.get(i))) {
        return Optional.of(
            "row "
                + i
                + " is "
                + Rows.describeRow(actual.get(i))
                + ", expected "
                + Rows.describeRow(expected.get(i)));
      }
    }
    return expected.size() == actual.size()
        ? Optional.empty()
        : Optional.of(actual.size() + " rows, expected " + expected.size());
  }

  private static Optional<String> asMultiset(
      List<List<String>> expected, List<List<String>> actual) {
    List<List<String>> missing = minus(expected, actual);
    List<List<String>> unexpected = minus(actual, expected);
    if (missing.isEmpty() && unexpected.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "missing " + Rows.describe(missing) + "; unexpected " + Rows.describe(unexpected));
  }

  private static Optional<String> someOf(
      List<List<String>> all, List<List<String>> actual, int wanted) {
    List<List<String>> unexpected = minus(actual, all);
    if (actual.size() == wanted && unexpected.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        actual.size()
            + " rows, expected "
            + wanted
            + " of the reference's "
            + all.size()
            + "; not among them "
            + Rows.describe(unexpected));
  }

  /** The rows of {@code from} left once each row of {@code taken} has removed one equal row. */
  private static List<List<String>> minus(List<List<String>> from, List<List<String>> taken) {
    Map<List<String>, Integer> left = new HashMap<>();
    taken.forEach(row -> left.merge(row, 1, Integer::sum));
    return from.stream().filter(row -> left.merge(row, -1, Integer::sum) < 0).toList();
  }
}
