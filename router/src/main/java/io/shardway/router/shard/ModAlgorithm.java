package io.shardway.router.shard;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@code mod}: an integer key, modulo the number of shards, is its shard. Negative keys count from
 * the last shard ({@link Math#floorMod}: -1 goes to the last), so every integer has a shard.
 */
final class ModAlgorithm implements ShardingAlgorithm {

  private final int shardCount;
  private final BigInteger modulus;

  ModAlgorithm(int shardCount) {
    this.shardCount = shardCount;
    this.modulus = BigInteger.valueOf(shardCount);
  }

  @Override
  public int shardCount() {
    return shardCount;
  }

  /**
   * Computes with the key's digits and power of ten apart ({@code 1E+3} is 1 × 10³), so that a key
   * beyond a long, even {@code 1e999999999}, costs no more than a small one.
   */
  @Override
  public int shardOf(ShardKey key) {
    if (!(key instanceof ShardKey.Numeric numeric) || numeric.value().scale() > 0) {
      throw new ShardKeyException("mod needs an integer shard key, got " + key);
    }
    BigDecimal value = numeric.value();
    BigInteger powerOfTen =
        BigInteger.TEN.modPow(BigInteger.valueOf(value.scale()).negate(), modulus);
    return value.unscaledValue().multiply(powerOfTen).mod(modulus).intValue();
  }
}
