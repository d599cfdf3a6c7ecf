package io.shardway.router.plan;

import io.shardway.router.plan.KeyValue.Literal;
import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardKeyException;
import io.shardway.router.shard.ShardingAlgorithm;
import java.util.ArrayList;
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

  /**
   * The keys {@code first}, {@code first + 1}, … of {@code rows} rows, as Shardway generates them.
   */
  static RowKeys consecutive(long first, int rows, String statement) {
    List<KeyValue> values = new ArrayList<>(rows);
    for (int row = 0; row < rows; row++) {
      values.add(new Literal(ShardKey.ofLong(first + row)));
    }
    return new RowKeys(values, statement);
  }

  @Override
  public BitSet shards(ShardingAlgorithm algorithm, List<ShardKey> params) {
    BitSet shards = new BitSet();
    for (int row = 0; row < values.size(); row++) {
      shards.set(shardOf(row, algorithm, params));
    }
    return shards;
  }

  /**
   * The shard of one row.
   *
   * @param row its index, from 0
   */
  int shardOf(int row, ShardingAlgorithm algorithm, List<ShardKey> params) {
    ShardKey key = values.get(row).resolve(params);
    if (key == null) {
      throw new Refusal(statement + " that leaves its shard key NULL, for the server to generate");
    }
    try {
      return algorithm.shardOf(key);
    } catch (ShardKeyException e) {
      throw new Refusal(statement + " whose shard key no shard takes: " + e.getMessage());
    }
  }
}
