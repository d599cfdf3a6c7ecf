package io.shardway.router.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * How an INSERT or REPLACE that {@link Merge#SPLIT_INSERT} merges runs: one statement per group, as
 * {@link ShardRouter#splitInsert} derives them from the text. Each is the client's statement with
 * only the rows that go to that group, in their order, each value as the client wrote it; and with
 * the shard key column added when Shardway generates the keys.
 *
 * <p>When keys are generated, the client's OK should report {@link #firstGeneratedKey} as its last
 * insert id, as MySQL reports the first {@code AUTO_INCREMENT} value of a multi-row INSERT: a JDBC
 * driver then computes the key of row {@code i} as that id plus {@code i}, which holds since the
 * keys are consecutive in row order.
 *
 * @param parts one per group that gets rows, in the order of each group's first row
 * @param firstGeneratedKey the key generated for the first row; 0 when no key was generated
 * @param generatedKeys how many keys were generated: 0, or one per row of all parts
 */
public record InsertSplit(List<Part> parts, long firstGeneratedKey, int generatedKeys) {

  public InsertSplit {
    parts = List.copyOf(parts);
    List<String> groups = parts.stream().map(Part::group).toList();
    if (groups.isEmpty() || new HashSet<>(groups).size() != groups.size()) {
      throw new IllegalArgumentException(
          "parts: groups " + groups + " (expected: at least one, each once)");
    }
    int rows = parts.stream().mapToInt(Part::rows).sum();
    if (generatedKeys != 0 && generatedKeys != rows
        || generatedKeys == 0 && firstGeneratedKey != 0) {
      throw new IllegalArgumentException(
          "generatedKeys "
              + generatedKeys
              + " from "
              + firstGeneratedKey
              + " (expected: none from 0, or one per row, "
              + rows
              + ")");
    }
  }

  /**
   * The statement one group runs.
   *
   * @param rows how many rows of the client's statement it holds, at least one
   */
  public record Part(String group, String statement, int rows) {

    public Part {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(statement, "statement");
      if (rows < 1) {
        throw new IllegalArgumentException("rows: " + rows + " (expected: at least 1)");
      }
    }
  }
}
