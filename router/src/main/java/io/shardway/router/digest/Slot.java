package io.shardway.router.digest;

import io.shardway.router.shard.ShardKey;
import java.util.List;
import java.util.Objects;

/**
 * One {@code ?} of a {@link StatementDigest}: a literal it replaced, or a placeholder of its own.
 */
public sealed interface Slot {

  /**
   * The value of this {@code ?} in one execution.
   *
   * @param params the values of the statement's own placeholders, null for SQL NULL
   */
  ShardKey value(List<ShardKey> params);

  /**
   * A literal of the statement text.
   *
   * @param text the value as {@link ShardKey#of} takes it: a number as written with its sign
   *     ({@code -42}, {@code 1.5e3}, {@code 0x2A}, {@code b'101'}), or the content of a string,
   *     without its quotes, prefix or character set introducer, its escapes resolved
   * @param quoted whether {@code text} is the content of a string
   */
  record Literal(String text, boolean quoted) implements Slot {

    public Literal {
      Objects.requireNonNull(text, "text");
    }

    /** The key of the literal, made on each call: most literals are never a shard key. */
    @Override
    public ShardKey value(List<ShardKey> params) {
      return ShardKey.of(text, quoted);
    }
  }

  /**
   * A {@code ?} of the statement text itself.
   *
   * @param index 0-based, among the statement's own placeholders
   */
  record Placeholder(int index) implements Slot {

    @Override
    public ShardKey value(List<ShardKey> params) {
      return params.get(index);
    }
  }
}
