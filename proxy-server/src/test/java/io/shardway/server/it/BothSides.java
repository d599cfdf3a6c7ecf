package io.shardway.server.it;

import java.sql.SQLException;

/** One client's statement runners through Shardway and on the reference, closed together. */
record BothSides(StatementRunner shardway, StatementRunner reference) implements AutoCloseable {

  static BothSides of(DifferentialCluster cluster, Client client) {
    return new BothSides(
        new StatementRunner(() -> cluster.shardway(client), client),
        new StatementRunner(() -> cluster.reference(client), client));
  }

  @Override
  public void close() throws SQLException {
    try {
      shardway.close();
    } finally {
      reference.close();
    }
  }
}
