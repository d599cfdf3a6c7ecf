package io.shardway.router.plan;

import io.shardway.router.shard.ShardingAlgorithm;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How one table of a logical schema is laid out across shard groups: all the router needs of the
 * configuration to tell which groups hold a statement's rows.
 */
public sealed interface TableLayout {

  /** The groups that hold the table, whole or in part; each once, never empty. */
  List<String> groups();

  /**
   * A table that lives whole in one group, as every table does that the configuration does not list
   * (in the schema's default group).
   */
  record Unsharded(String group) implements TableLayout {

    public Unsharded {
      Objects.requireNonNull(group, "group");
    }

    @Override
    public List<String> groups() {
      return List.of(group);
    }
  }

  /** A full copy in each group: a read needs any one of them, a write all of them. */
  record Broadcast(List<String> groups) implements TableLayout {

    public Broadcast {
      groups = distinct(groups);
    }
  }

  /**
   * Rows spread over groups by the value of one column.
   *
   * @param shardKey the column, lower case
   * @param algorithm picks the shard of a key; shard {@code i} is {@code groups.get(i)}
   * @param groups as many as the algorithm has shards
   * @param colocation equal (by {@code equals}) exactly for tables whose keys are of one type and
   *     whose algorithms have one configuration over the same groups in the same order: rows with
   *     equal keys of such tables share a shard, so a join on their keys never leaves it
   * @param generatesKeys whether the table has a key generator: an INSERT that leaves the shard key
   *     out gets its keys from Shardway ({@link ShardRouter#splitInsert}) instead of being refused
   */
  record Sharded(
      String shardKey,
      ShardingAlgorithm algorithm,
      List<String> groups,
      Object colocation,
      boolean generatesKeys)
      implements TableLayout {

    /** A table whose inserts must give the shard key: no key generator. */
    public Sharded(
        String shardKey, ShardingAlgorithm algorithm, List<String> groups, Object colocation) {
      this(shardKey, algorithm, groups, colocation, false);
    }

    public Sharded {
      shardKey = Objects.requireNonNull(shardKey, "shardKey").toLowerCase(Locale.ROOT);
      Objects.requireNonNull(algorithm, "algorithm");
      groups = distinct(groups);
      Objects.requireNonNull(colocation, "colocation");
      if (algorithm.shardCount() != groups.size()) {
        throw new IllegalArgumentException(
            "groups: "
                + groups
                + " (expected: one per shard of the algorithm, "
                + algorithm.shardCount()
                + ")");
      }
    }
  }

  private static List<String> distinct(List<String> groups) {
    List<String> copy = List.copyOf(groups);
    if (copy.isEmpty() || new HashSet<>(copy).size() != copy.size()) {
      throw new IllegalArgumentException(
          "groups: " + copy + " (expected: at least one, each once)");
    }
    return copy;
  }
}
