package io.shardway.router.shard;

/**
 * A shard key that the table's algorithm cannot place, such as text for {@code mod} or a key
 * outside every range. Its message is a sentence for the client, about the key, without the table;
 * the caller adds what the statement was.
 */
public final class ShardKeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message a sentence for the client, e.g. {@code mod needs an integer shard key, got
   *     'abc'}
   */
  public ShardKeyException(String message) {
    super(message);
  }
}
