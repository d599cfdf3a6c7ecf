package io.shardway.router.plan;

import io.shardway.router.shard.ShardKey;
import java.util.List;

/** A value compared with, or written to, a shard key: known while planning, or a parameter. */
sealed interface KeyValue {

  /** The key for one execution; null for SQL NULL. */
  ShardKey resolve(List<ShardKey> params);

  /**
   * A literal of the statement text.
   *
   * @param key null for {@code NULL}
   */
  record Literal(ShardKey key) implements KeyValue {

    @Override
    public ShardKey resolve(List<ShardKey> params) {
      return key;
    }
  }

  /**
   * A {@code ?} placeholder.
   *
   * @param index 0-based, in the order of the placeholders in the text
   */
  record Parameter(int index) implements KeyValue {

    @Override
    public ShardKey resolve(List<ShardKey> params) {
      return params.get(index);
    }
  }
}
