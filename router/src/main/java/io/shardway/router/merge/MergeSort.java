package io.shardway.router.merge;

import java.io.IOException;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges shards' streams, each already sorted by the statement's ORDER BY, into one sorted stream:
 * a k-way merge that holds one row per shard. Rows with equal keys come in shard order, and within
 * a shard in the shard's order, so the merge is stable.
 *
 * <p>A shard is read only when its previous row has gone out: the first call reads one row from
 * every shard, each later call one row from the shard whose row the previous call returned. So
 * every shard's connection stays open until its rows run out, and an operator that stops pulling (a
 * {@link Limit}) leaves the rest unread.
 *
 * <p>Each row is checked against the previous row of its shard: one that sorts before it shows that
 * the shard ordered its rows otherwise than this merge does, and merging on would give a wrong
 * order (or, below a {@link GroupBy} or {@link Distinct}, a group twice), so the merge throws a
 * {@link MergeOrderException} instead.
 */
public final class MergeSort implements RowStream {

  private final List<RowStream> shards;
  private final RowOrder order;
  private final PriorityQueue<Pending> pending;
  private boolean started;
  private Pending last;

  /**
   * @param shards the shards' streams, in shard order, which breaks ties
   * @param order the order every shard sorted its rows by
   */
  public MergeSort(List<RowStream> shards, RowOrder order) {
    this.shards = List.copyOf(shards);
    this.order = order;
    this.pending =
        new PriorityQueue<>(
            Math.max(1, this.shards.size()),
            (a, b) -> {
              int byKeys = order.compare(a.row(), b.row());
              return byKeys != 0 ? byKeys : Integer.compare(a.shard(), b.shard());
            });
  }

  @Override
  public MergeRow next() throws IOException {
    if (!started) {
      started = true;
      for (int shard = 0; shard < shards.size(); shard++) {
        MergeRow row = shards.get(shard).next();
        if (row != null) {
          pending.add(new Pending(row, shard));
        }
      }
    } else if (last != null) {
      MergeRow row = shards.get(last.shard()).next();
      if (row != null) {
        if (order.compare(row, last.row()) < 0) {
          throw new MergeOrderException(last.shard());
        }
        pending.add(new Pending(row, last.shard()));
      }
    }
    last = pending.poll();
    return last == null ? null : last.row();
  }

  /** A shard's row waiting to go out. */
  private record Pending(MergeRow row, int shard) {}
}
