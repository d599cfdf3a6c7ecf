package io.shardway.router.merge;

import io.shardway.router.plan.QueryMerge;
import io.shardway.router.plan.QueryMerge.Column;
import io.shardway.router.plan.QueryMerge.Condition;
import io.shardway.router.plan.QueryMerge.Fold;
import io.shardway.router.plan.QueryMerge.Key;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shards' columns of one merged SELECT as its {@link QueryMerge} names them, now that their
 * definitions are known: it places each {@link Column} and builds the comparators, folds and HAVING
 * tests over them, refusing what the definitions show cannot be merged exactly.
 */
final class QueryColumns {

  private final ResultColumns columns;
  private final int addedColumns;

  /**
   * @throws UnsupportedMergeException if the shards sent fewer columns than were added
   */
  QueryColumns(ResultColumns columns, int addedColumns) {
    if (addedColumns > columns.size()) {
      throw new UnsupportedMergeException(
          "a merged SELECT whose shards return "
              + columns.size()
              + " columns, fewer than the "
              + addedColumns
              + " added for the merge");
    }
    this.columns = columns;
    this.addedColumns = addedColumns;
  }

  /** The client's columns: all but the added ones. */
  ResultColumns client() {
    return columns.first(columns.size() - addedColumns);
  }

  int position(Column column) {
    return column.position(columns.size(), addedColumns);
  }

  /** The order of rows by {@code keys}, the first that differs deciding. */
  RowOrder order(List<Key> keys) {
    List<SortKey> sortKeys = new ArrayList<>(keys.size());
    for (Key key : keys) {
      sortKeys.add(new SortKey(ascending(key), key.descending()));
    }
    return new RowOrder(sortKeys);
  }

  /** How rows fold: each column as {@code folds} says, every other one as its first value. */
  Aggregation aggregation(List<Fold> folds) {
    Map<Integer, AggregateColumn> byPosition = new HashMap<>();
    for (Fold fold : folds) {
      int position = position(fold.column());
      if (byPosition.put(position, aggregateColumn(fold, position)) != null) {
        throw new IllegalArgumentException("folds: two for column " + position + " in " + folds);
      }
    }
    List<AggregateColumn> all = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      all.add(byPosition.getOrDefault(i, new AggregateColumn.First(i)));
    }
    return new Aggregation(columns, all, columns);
  }

  Having having(Condition condition) {
    if (condition instanceof Condition.Compare compare) {
      return Having.compare(
          columns, position(compare.column()), compare.comparison(), compare.number());
    }
    if (condition instanceof Condition.All all) {
      return Having.all(all.parts().stream().map(this::having).toList());
    }
    return Having.any(((Condition.Any) condition).parts().stream().map(this::having).toList());
  }

  private AggregateColumn aggregateColumn(Fold fold, int position) {
    if (fold instanceof Fold.Count) {
      return new AggregateColumn.Count(position);
    } else if (fold instanceof Fold.Sum) {
      return new AggregateColumn.Sum(position);
    } else if (fold instanceof Fold.Min min) {
      return new AggregateColumn.Min(position, ascending(min.by()));
    } else if (fold instanceof Fold.Max max) {
      return new AggregateColumn.Max(position, ascending(max.by()));
    }
    Fold.Avg avg = (Fold.Avg) fold;
    return new AggregateColumn.Avg(position(avg.sum()), position(avg.count()));
  }

  private ValueComparator ascending(Key key) {
    int value = position(key.value());
    return key.weight() == null
        ? ValueComparator.of(columns, value, null)
        : ValueComparator.byWeights(
            columns, value, position(key.weight()), position(key.spaceWeight()));
  }
}
