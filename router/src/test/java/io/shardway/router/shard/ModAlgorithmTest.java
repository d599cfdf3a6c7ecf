package io.shardway.router.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardway.config.AlgorithmConfig;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModAlgorithmTest {

  private static final ShardingAlgorithm FOUR =
      ShardingAlgorithms.create(new AlgorithmConfig.Mod(), List.of("s0", "s1", "s2", "s3"));

  @Test
  void integerKeyModuloTheShards() {
    assertEquals(4, FOUR.shardCount());
    assertEquals(0, FOUR.shardOf(ShardKey.ofLong(0)));
    assertEquals(1, FOUR.shardOf(ShardKey.ofLong(5)));
    assertEquals(2, FOUR.shardOf(ShardKey.of("42", true)));
    assertEquals(2, FOUR.shardOf(ShardKey.of("42.0", false)));
    assertEquals(0, FOUR.shardOf(ShardKey.of("1e3", false)));
  }

  @Test
  void negativeKeysCountFromTheLastShard() {
    assertEquals(3, FOUR.shardOf(ShardKey.ofLong(-1)));
    assertEquals(2, FOUR.shardOf(ShardKey.ofLong(-6)));
    assertEquals(0, FOUR.shardOf(ShardKey.ofLong(Long.MIN_VALUE)));
  }

  @Test
  void agreesWithFloorModOverLongs() {
    ShardingAlgorithm seven =
        ShardingAlgorithms.create(
            new AlgorithmConfig.Mod(), List.of("a", "b", "c", "d", "e", "f", "g"));
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      long key = random.nextLong();
      assertEquals(Math.floorMod(key, 7), seven.shardOf(ShardKey.ofLong(key)), "key " + key);
    }
  }

  @Test
  void keysBeyondLong() {
    BigInteger big = BigInteger.TWO.pow(100).add(BigInteger.valueOf(3));

    assertEquals(
        big.mod(BigInteger.valueOf(4)).intValue(),
        FOUR.shardOf(ShardKey.of(big.toString(), false)));
    assertEquals(3, FOUR.shardOf(ShardKey.of("18446744073709551615", false)));
    // 10^999999999 is 0 modulo 4, and computing it takes no gigabyte.
    assertEquals(0, FOUR.shardOf(ShardKey.of("1e999999999", false)));
    assertEquals(1, FOUR.shardOf(ShardKey.of("0x0000000000000000000000000001", false)));
  }

  @Test
  void needsAnIntegerKey() {
    assertEquals(
        "mod needs an integer shard key, got 'abc'",
        assertThrows(ShardKeyException.class, () -> FOUR.shardOf(ShardKey.of("ABC", true)))
            .getMessage());
    assertEquals(
        "mod needs an integer shard key, got 4.5",
        assertThrows(ShardKeyException.class, () -> FOUR.shardOf(ShardKey.of("4.5", false)))
            .getMessage());
  }

  @Test
  void everyShardMayHoldARange() {
    BitSet all = new BitSet();
    all.set(0, 4);

    assertEquals(all, FOUR.shardsBetween(ShardKey.ofLong(1), true, ShardKey.ofLong(2), true));
  }
}
