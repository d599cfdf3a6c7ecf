package io.shardway.router.merge;

import java.util.Objects;

/**
 * One key of an ORDER BY: a column's values, ascending or descending.
 *
 * @param values compares the column's values ascending
 * @param descending whether the key is DESC, which also puts NULL last
 */
public record SortKey(ValueComparator values, boolean descending) {

  public SortKey {
    Objects.requireNonNull(values, "values");
  }
}
