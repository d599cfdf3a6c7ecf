package io.shardway.router.plan;

import io.shardway.router.plan.TableLayout.Sharded;
import io.shardway.router.shard.ShardKey;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Sharded tables of one statement whose rows must be read (or written) together: one table, or
 * co-located tables joined on their shard keys, so that the rows that meet always share a shard.
 *
 * @param layout the layout of the first table; the others are co-located with it
 * @param tables the tables, for messages: {@code users} or {@code users and orders}
 * @param targeting which shards hold the rows of one execution
 * @param spreadRefusal why the rows must not come from more than one group, or null when the
 *     statement may run on several groups and have its results merged
 */
record ShardedRead(Sharded layout, String tables, Targeting targeting, String spreadRefusal) {

  /** The groups of one execution's rows, in shard order; empty when no row can qualify. */
  List<String> groups(List<ShardKey> params) {
    BitSet shards = targeting.shards(layout.algorithm(), params);
    List<String> groups = new ArrayList<>(shards.cardinality());
    for (int shard = shards.nextSetBit(0); shard >= 0; shard = shards.nextSetBit(shard + 1)) {
      groups.add(layout.groups().get(shard));
    }
    return groups;
  }
}
