package io.shardway.router.merge;

import java.io.IOException;

/** Keeps the rows a {@link Having} condition holds for: HAVING, after the merge. Holds no row. */
public final class Filter implements RowStream {

  private final RowStream source;
  private final Having condition;

  public Filter(RowStream source, Having condition) {
    this.source = source;
    this.condition = condition;
  }

  @Override
  public MergeRow next() throws IOException {
    for (MergeRow row = source.next(); row != null; row = source.next()) {
      if (condition.test(row)) {
        return row;
      }
    }
    return null;
  }
}
