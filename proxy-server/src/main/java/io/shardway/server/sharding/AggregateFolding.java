package io.shardway.server.sharding;

import io.shardway.protocol.ColumnDefinition;
import io.shardway.router.merge.Aggregate;
import io.shardway.router.merge.AggregateColumn;
import io.shardway.router.merge.Aggregation;
import io.shardway.router.merge.ResultColumns;
import io.shardway.router.merge.RowFormat;
import io.shardway.router.merge.RowStream;
import io.shardway.router.merge.UnsupportedMergeException;
import io.shardway.router.merge.ValueComparator;
import io.shardway.router.plan.AggregateFunction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Folds the one-row answers of an aggregate SELECT without GROUP BY, one per shard group, into the
 * row one server holding all the rows would give.
 */
public final class AggregateFolding {
  private AggregateFolding() {}

  /**
   * @param columns the first group's column definitions, which the folded row keeps
   * @param rows each group's row payload
   * @param functions the aggregate of each column, in order
   * @return the folded row's payload
   * @throws UnsupportedMergeException when a column cannot be folded exactly (MIN of a string whose
   *     collation the result does not tell, say)
   */
  public static byte[] fold(
      List<ColumnDefinition> columns,
      List<byte[]> rows,
      List<AggregateFunction> functions,
      RowFormat format)
      throws IOException {
    if (functions.size() != columns.size()) {
      throw new UnsupportedMergeException(
          "an aggregate SELECT whose result has other columns than its select list");
    }
    ResultColumns result = new ResultColumns(format, columns, false);
    List<AggregateColumn> folds = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      folds.add(
          switch (functions.get(i)) {
            case COUNT -> new AggregateColumn.Count(i);
            case SUM -> new AggregateColumn.Sum(i);
            case MIN -> new AggregateColumn.Min(ValueComparator.of(result, i, null));
            case MAX -> new AggregateColumn.Max(ValueComparator.of(result, i, null));
          });
    }
    Iterator<byte[]> parts = rows.iterator();
    RowStream shards = () -> parts.hasNext() ? result.decode(parts.next()) : null;
    return new Aggregate(shards, new Aggregation(result, folds, result)).next().payload();
  }
}
