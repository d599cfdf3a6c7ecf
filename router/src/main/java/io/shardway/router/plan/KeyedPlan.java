package io.shardway.router.plan;

import io.shardway.router.plan.Route.Refused;
import io.shardway.router.plan.Route.Scatter;
import io.shardway.router.plan.Route.Single;
import io.shardway.router.shard.ShardKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A plan whose groups follow from shard key values, some of which may be parameters: the
 * statement's sharded reads, and the unsharded and broadcast tables that must be where those rows
 * are.
 *
 * <p>Binding finds the groups of each sharded read. They must all be the same groups, and only a
 * read allowed to spread may have several; a read that matches no row needs no group. An unsharded
 * table then pins the statement to its one group, and every broadcast table must have a copy in
 * each group chosen. A statement with neither sharded nor unsharded tables reads its broadcast
 * tables in one group they share, preferring the default group.
 */
final class KeyedPlan implements RoutePlan {

  private final List<ShardedRead> reads;
  private final List<TableRef> unsharded;
  private final List<TableRef> broadcast;
  private final Merge merge;
  private final long rowLimit;
  private final String defaultGroup;
  private final int parameterCount;

  KeyedPlan(
      List<ShardedRead> reads,
      List<TableRef> unsharded,
      List<TableRef> broadcast,
      Merge merge,
      long rowLimit,
      String defaultGroup,
      int parameterCount) {
    this.reads = List.copyOf(reads);
    this.unsharded = List.copyOf(unsharded);
    this.broadcast = List.copyOf(broadcast);
    this.merge = merge;
    this.rowLimit = rowLimit;
    this.defaultGroup = defaultGroup;
    this.parameterCount = parameterCount;
  }

  @Override
  public int parameterCount() {
    return parameterCount;
  }

  @Override
  public Route bind(List<ShardKey> params) {
    Parameters.check(params, parameterCount);
    try {
      List<String> groups = groups(params);
      return groups.size() == 1 ? new Single(groups.get(0)) : new Scatter(groups, merge, rowLimit);
    } catch (Refusal refusal) {
      return new Refused(refusal.getMessage());
    }
  }

  private List<String> groups(List<ShardKey> params) {
    List<String> groups = null;
    String rowsOf = null;
    for (ShardedRead read : reads) {
      List<String> readGroups = read.groups(params);
      if (readGroups.isEmpty()) {
        continue;
      }
      if (readGroups.size() > 1 && read.spreadRefusal() != null) {
        throw new Refusal(read.spreadRefusal());
      }
      if (groups == null) {
        groups = readGroups;
        rowsOf = read.tables();
      } else if (!new HashSet<>(groups).equals(new HashSet<>(readGroups))) {
        throw new Refusal(
            "a statement that combines rows of "
                + rowsOf
                + " in "
                + describe(groups)
                + " with rows of "
                + read.tables()
                + " in "
                + describe(readGroups));
      }
    }
    for (TableRef table : unsharded) {
      String group = table.layout().groups().get(0);
      if (groups == null) {
        groups = List.of(group);
      } else if (groups.size() != 1 || !groups.get(0).equals(group)) {
        throw new Refusal(
            "a statement that combines the table "
                + table.name()
                + " of shard group "
                + group
                + " with rows in "
                + describe(groups));
      }
    }
    if (groups == null) {
      groups = List.of(reads.isEmpty() ? broadcastGroup() : firstGroupOfReads());
    }
    for (TableRef table : broadcast) {
      List<String> missing = new ArrayList<>(groups);
      missing.removeAll(table.layout().groups());
      if (!missing.isEmpty()) {
        throw new Refusal(
            "a statement that reads the broadcast table "
                + table.name()
                + " in "
                + describe(missing)
                + ", which holds no copy of it");
      }
    }
    return groups;
  }

  /** Where a statement runs whose sharded reads match no row: any group gives the empty answer. */
  private String firstGroupOfReads() {
    return reads.get(0).layout().groups().get(0);
  }

  /** A group with a copy of every broadcast table: the default group when it is one. */
  private String broadcastGroup() {
    if (broadcast.isEmpty()) {
      return defaultGroup;
    }
    List<String> shared = new ArrayList<>(broadcast.get(0).layout().groups());
    for (TableRef table : broadcast) {
      shared.retainAll(table.layout().groups());
    }
    if (shared.isEmpty()) {
      throw new Refusal(
          "a statement that reads broadcast tables with no shard group in common: "
              + String.join(
                  ", ", broadcast.stream().map(t -> t.name().toString()).distinct().toList()));
    }
    return shared.contains(defaultGroup) ? defaultGroup : shared.get(0);
  }

  /** {@code shard group s0}, {@code shard groups s0, s1}. */
  private static String describe(List<String> groups) {
    return (groups.size() == 1 ? "shard group " : "shard groups ") + String.join(", ", groups);
  }
}
