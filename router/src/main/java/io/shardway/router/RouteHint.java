package io.shardway.router;

/**
 * Where a comment hint asks the proxy to send a statement: <code>/* shardway:primary *&#47;
 * </code> or <code>/* shardway:replica *&#47;</code>. The application knows what the classifier
 * cannot, such as a read that must see its own write, or a stored function that is a read.
 */
public enum RouteHint {
  /** No route hint: the proxy decides from the statement. */
  NONE,
  /** Run on the primary, even a statement that a replica could answer. */
  PRIMARY,
  /** A replica may answer, at the price of replication lag. */
  REPLICA
}
