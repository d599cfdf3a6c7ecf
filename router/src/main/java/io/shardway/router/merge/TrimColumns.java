package io.shardway.router.merge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the columns added to the shards' statement only for the merge (an ORDER BY expression the
 * select list lacks, an AVG's SUM and COUNT, an aggregate HAVING tests), which come after the
 * client's columns: each row is written again with its first columns only.
 */
public final class TrimColumns implements RowStream {

  private final RowStream source;
  private final ResultColumns visible;

  /**
   * @param visible the client's columns: the first columns of the source's rows
   */
  public TrimColumns(RowStream source, ResultColumns visible) {
    this.source = source;
    this.visible = visible;
  }

  @Override
  public MergeRow next() throws IOException {
    MergeRow row = source.next();
    if (row == null) {
      return null;
    }
    List<Object> values = new ArrayList<>(visible.size());
    for (int i = 0; i < visible.size(); i++) {
      values.add(row.value(i));
    }
    return visible.encode(values);
  }
}
