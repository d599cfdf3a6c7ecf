package io.shardway.router.merge;

import io.shardway.router.plan.QueryMerge;
import java.util.List;

/**
 * Builds the merge operators a {@link QueryMerge} describes over the shards' streams, once the
 * shards' column definitions are known: {@link MergeSort} (or the shards one after another), {@link
 * Distinct} and {@link GroupBy} or {@link Aggregate}, {@link Filter}, {@link Distinct}, {@link
 * SortBuffer}, {@link Limit}, {@link TrimColumns}. Everything the definitions make impossible to
 * merge exactly is refused here, before any row is read; the shards are read only as the client's
 * rows are pulled.
 */
public final class MergePipeline {

  private MergePipeline() {}

  /**
   * The client's result.
   *
   * @param clientColumns the columns the client sees: the shards' without those added for the merge
   * @param rows exactly the client's rows, without the added columns
   */
  public record MergedResult(ResultColumns clientColumns, RowStream rows) {}

  /**
   * @param shardColumns the column definitions the first shard sent, added columns included
   * @param shards each shard group's rows of {@link QueryMerge#shardStatement}, in the order of the
   *     groups, which breaks ties between equal rows
   * @param sortBufferRows the most rows an ORDER BY that only the merge can sort may hold
   * @throws UnsupportedMergeException if the result cannot be merged exactly
   */
  public static MergedResult build(
      QueryMerge merge, ResultColumns shardColumns, List<RowStream> shards, int sortBufferRows) {
    QueryColumns columns = new QueryColumns(shardColumns, merge.addedColumns());
    RowOrder shardOrder = columns.order(merge.shardOrder());
    RowStream rows =
        merge.shardOrder().isEmpty() ? RowStream.concat(shards) : new MergeSort(shards, shardOrder);
    if (merge.grouping() != null) {
      rows = grouped(merge, columns, rows, shardOrder);
    }
    if (merge.having() != null) {
      rows = new Filter(rows, columns.having(merge.having()));
    }
    if (merge.distinct()) {
      rows = new Distinct(rows, shardOrder);
    }
    if (!merge.finalOrder().isEmpty()) {
      RowOrder order = columns.order(merge.finalOrder());
      rows =
          merge.limited()
              ? SortBuffer.top(
                  rows, order, Limit.rowsNeeded(merge.offset(), merge.count()), sortBufferRows)
              : SortBuffer.all(rows, order, sortBufferRows);
    }
    if (merge.limited()) {
      rows = new Limit(rows, merge.offset(), merge.count());
    }
    ResultColumns client = columns.client();
    if (merge.addedColumns() > 0) {
      rows = new TrimColumns(rows, client);
    }
    return new MergedResult(client, rows);
  }

  /**
   * The folded rows. Where the statement counts distinct values, a {@link Distinct} over the whole
   * shard order first keeps each pair of group keys and counted value once, and the groups are the
   * runs equal by the keys before the counted one.
   */
  private static RowStream grouped(
      QueryMerge merge, QueryColumns columns, RowStream rows, RowOrder shardOrder) {
    QueryMerge.Grouping grouping = merge.grouping();
    Aggregation aggregation = columns.aggregation(grouping.folds());
    RowOrder groupOrder = shardOrder;
    if (grouping.counted() != null) {
      rows = new Distinct(rows, shardOrder);
      List<QueryMerge.Key> keys = merge.shardOrder();
      groupOrder = columns.order(keys.subList(0, keys.size() - 1));
    }
    return grouping.byKeys()
        ? new GroupBy(rows, groupOrder, aggregation)
        : new Aggregate(rows, aggregation);
  }
}
