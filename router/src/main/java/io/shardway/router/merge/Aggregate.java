package io.shardway.router.merge;

import java.io.IOException;

/**
 * Aggregates without GROUP BY: every shard answers with one row of partial aggregates, and they
 * fold into the one row of the result. The shards need no order, so {@link RowStream#concat} may
 * read them one after another. Without rows at all the result is what MySQL gives for an empty
 * table: COUNT 0, every other aggregate NULL.
 */
public final class Aggregate implements RowStream {

  private final RowStream source;
  private final Aggregation aggregation;
  private boolean done;

  public Aggregate(RowStream source, Aggregation aggregation) {
    this.source = source;
    this.aggregation = aggregation;
  }

  @Override
  public MergeRow next() throws IOException {
    if (done) {
      return null;
    }
    done = true;
    Aggregation.Group group = aggregation.start();
    for (MergeRow row = source.next(); row != null; row = source.next()) {
      group.add(row);
    }
    return group.finish();
  }
}
