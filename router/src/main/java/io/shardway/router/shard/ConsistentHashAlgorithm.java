package io.shardway.router.shard;

import io.shardway.config.AlgorithmConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code consistent-hash}: each group has {@code virtualNodes} points on a ring of unsigned 64-bit
 * hashes, point {@code i} of group {@code g} at the {@link StableHash} of {@code "g#i"}; a key
 * belongs to the group of the first point at or after the key's hash, going round past the top.
 *
 * <p>The points depend on the group names only, so adding a group moves just the keys that now fall
 * before its points, about 1/(n+1) of them, all to the new group; removing one moves only its keys;
 * and reordering the table's {@code shardGroups} moves none. Where two points coincide (a 64-bit
 * collision), the group whose name sorts first keeps the point, so that too depends on names only.
 */
final class ConsistentHashAlgorithm implements ShardingAlgorithm {

  private final int shardCount;

  /**
   * The points in unsigned order, stored with the sign bit flipped so signed order is that order.
   */
  private final long[] points;

  /** The shard of each point. */
  private final int[] shards;

  ConsistentHashAlgorithm(AlgorithmConfig.ConsistentHash config, List<String> groups) {
    this.shardCount = groups.size();
    List<Point> ring = new ArrayList<>();
    for (int shard = 0; shard < groups.size(); shard++) {
      String group = groups.get(shard);
      for (int i = 0; i < config.virtualNodes(); i++) {
        ring.add(new Point(StableHash.of(group + "#" + i) ^ Long.MIN_VALUE, group, shard));
      }
    }
    ring.sort(Comparator.comparingLong(Point::position).thenComparing(Point::group));
    long[] positions = new long[ring.size()];
    int[] owners = new int[ring.size()];
    int kept = 0;
    for (Point point : ring) {
      if (kept == 0 || positions[kept - 1] != point.position()) {
        positions[kept] = point.position();
        owners[kept] = point.shard();
        kept++;
      }
    }
    this.points = Arrays.copyOf(positions, kept);
    this.shards = Arrays.copyOf(owners, kept);
  }

  @Override
  public int shardCount() {
    return shardCount;
  }

  @Override
  public int shardOf(ShardKey key) {
    int at = Arrays.binarySearch(points, StableHash.of(key) ^ Long.MIN_VALUE);
    if (at < 0) {
      at = -at - 1;
    }
    return shards[at == points.length ? 0 : at];
  }

  /** A point of the ring, at its position with the sign bit flipped. */
  private record Point(long position, String group, int shard) {}
}
