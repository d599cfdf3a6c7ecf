package io.shardway.server.metrics;

import java.util.Locale;

/** Where a statement ran: the {@code route} label. */
public enum StatementRoute {
  /** On its shard group's writer, the server that takes the group's writes now. */
  PRIMARY,
  /** On a replica of its shard group. */
  REPLICA,
  /** On several shard groups, with their answers joined or merged by Shardway. */
  SCATTER,
  /**
   * Nowhere: Shardway answered itself, with an administration result or an error (a statement it
   * refuses, a backend it could not reach).
   */
  LOCAL;

  private final String label = name().toLowerCase(Locale.ROOT);

  String label() {
    return label;
  }
}
