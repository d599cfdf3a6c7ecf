package io.shardway.router.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How the shards' rows of one group, each holding a shard's partial aggregates, become the group's
 * row in the merged result: one {@link AggregateColumn} per column of it. Checked once, when built;
 * {@link GroupBy} and {@link Aggregate} then fold each group with it.
 */
public final class Aggregation {

  private final ResultColumns output;
  private final List<Supplier<Fold>> folds;

  /**
   * @param input the shards' result
   * @param columns one per column of {@code output}
   * @param output the merged result: usually the shards' columns, with an AVG column's own
   *     definition, the SUM and COUNT added for it kept as columns for {@link TrimColumns} to drop
   * @throws UnsupportedMergeException if a column cannot be merged
   */
  public Aggregation(ResultColumns input, List<AggregateColumn> columns, ResultColumns output) {
    if (columns.size() != output.size() || input.format() != output.format()) {
      throw new IllegalArgumentException(
          columns.size()
              + " aggregate columns, "
              + output.format()
              + " output (expected: "
              + output.size()
              + ", one per output column, and "
              + input.format()
              + " as the input)");
    }
    this.output = output;
    this.folds = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      folds.add(Folds.of(columns.get(i), input, output.definition(i)));
    }
  }

  /** Starts folding a group. */
  Group start() {
    List<Fold> running = new ArrayList<>(folds.size());
    for (Supplier<Fold> fold : folds) {
      running.add(fold.get());
    }
    return new Group(running);
  }

  /** The folds of one group. */
  final class Group {
    private final List<Fold> running;

    private Group(List<Fold> running) {
      this.running = running;
    }

    void add(MergeRow row) {
      for (Fold fold : running) {
        fold.add(row);
      }
    }

    /** The group's row in the merged result. */
    MergeRow finish() {
      List<Object> values = new ArrayList<>(running.size());
      for (Fold fold : running) {
        values.add(fold.result());
      }
      return output.encode(values);
    }
  }
}
