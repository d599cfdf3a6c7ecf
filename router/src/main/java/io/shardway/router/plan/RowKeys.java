package io.shardway.router.plan;

import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardKeyException;
import io.shardway.router.shard.ShardingAlgorithm;
import java.util.BitSet;
import java.util.List;

/**
 * The shard key values of the rows an INSERT writes: each row goes to its key's shard, so every
 * value must be one the algorithm places.
 *
 * @param values one per row, in row order
 * @param statement the statement, for messages: {@code an INSERT into users}
 */
record RowKeys(List<KeyValue> values, String statement) implements Targeting {

  RowKeys {
    values = List.copyOf(values);
  }

  @Override
  public BitSet shards(ShardingAlgorithm algorithm, List<ShardKey> params) {
    BitSet shards = new BitSet();
    for (KeyValue value : values) {
      ShardKey key = value.resolve(params);
      if (key == null) {
        throw new Refusal(
            statement + " that leaves its shard key NULL, for the server to generate");
      }
      try {
        shards.set(algorithm.shardOf(key));
      } catch (ShardKeyException e) {
        throw new Refusal(statement + " whose shard key no shard takes: " + e.getMessage());
      }
    }
    return shards;
  }
}
