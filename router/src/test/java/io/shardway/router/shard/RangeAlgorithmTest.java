package io.shardway.router.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardway.config.AlgorithmConfig;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RangeAlgorithmTest {

  /** s0: below 0 and [100, 200); s1: [0, 100); a gap [200, 1000); s2: 1000 and above. */
  private static final ShardingAlgorithm RANGES =
      ShardingAlgorithms.create(
          new AlgorithmConfig.Range(
              List.of(
                  range("s0", null, 0L),
                  range("s1", 0L, 100L),
                  range("s0", 100L, 200L),
                  range("s2", 1000L, null))),
          List.of("s0", "s1", "s2", "s3"));

  private static AlgorithmConfig.KeyRange range(String group, Long from, Long to) {
    return new AlgorithmConfig.KeyRange(group, Optional.ofNullable(from), Optional.ofNullable(to));
  }

  private static int shardOf(String literal) {
    return RANGES.shardOf(ShardKey.of(literal, false));
  }

  private static BitSet shards(int... indexes) {
    BitSet set = new BitSet();
    for (int index : indexes) {
      set.set(index);
    }
    return set;
  }

  private static BitSet between(
      Long lower, boolean lowerInclusive, Long upper, boolean upperInclusive) {
    return RANGES.shardsBetween(
        lower == null ? null : ShardKey.ofLong(lower),
        lowerInclusive,
        upper == null ? null : ShardKey.ofLong(upper),
        upperInclusive);
  }

  @Test
  void fromIsInclusiveAndToExclusive() {
    assertEquals(0, shardOf("-1"));
    assertEquals(1, shardOf("0"));
    assertEquals(1, shardOf("99"));
    assertEquals(0, shardOf("100"));
    assertEquals(0, shardOf("199"));
    assertEquals(2, shardOf("1000"));
  }

  @Test
  void unboundedEnds() {
    assertEquals(0, RANGES.shardOf(ShardKey.ofLong(Long.MIN_VALUE)));
    assertEquals(0, shardOf("-1e30"));
    assertEquals(2, RANGES.shardOf(ShardKey.ofLong(Long.MAX_VALUE)));
    assertEquals(2, shardOf("1e999999999"));
  }

  @Test
  void fractionsAndStrings() {
    assertEquals(1, shardOf("99.5"));
    assertEquals(0, shardOf("-0.5"));
    assertEquals(1, RANGES.shardOf(ShardKey.of(" 42 ", true)));
  }

  @Test
  void aKeyInAGapHasNoShard() {
    assertEquals(
        "no range holds the shard key 200",
        assertThrows(ShardKeyException.class, () -> shardOf("200")).getMessage());
    assertThrows(ShardKeyException.class, () -> shardOf("999.99"));
  }

  @Test
  void textHasNoShard() {
    assertEquals(
        "range needs a numeric shard key, got 'abc'",
        assertThrows(ShardKeyException.class, () -> RANGES.shardOf(ShardKey.of("abc", true)))
            .getMessage());
    assertThrows(
        ShardKeyException.class,
        () -> RANGES.shardsBetween(ShardKey.of("a", true), true, null, false));
  }

  @Test
  void shardsBetweenNarrowsToTheOverlappingRanges() {
    assertEquals(shards(0, 1, 2), between(null, false, null, false));
    assertEquals(shards(1), between(10L, true, 20L, true));
    assertEquals(shards(0, 1), between(-5L, true, 5L, true));
    assertEquals(shards(0, 1), between(50L, true, 150L, false));
    assertEquals(shards(2), between(500L, true, null, false));
    assertEquals(shards(0), between(null, false, -1L, true));
  }

  @Test
  void inclusivenessOfTheBounds() {
    // [0, 100) starts at 0 and ends before 100.
    assertEquals(shards(0), between(null, false, 0L, false));
    assertEquals(shards(0, 1), between(null, false, 0L, true));
    assertEquals(shards(0), between(100L, true, 150L, true));
    assertEquals(shards(1, 0), between(99L, false, 150L, true));
    assertEquals(shards(1), between(5L, true, 5L, true));
  }

  @Test
  void boundsThatLeaveNoKeyOrOnlyAGap() {
    assertEquals(shards(), between(300L, true, 900L, true));
    assertEquals(shards(), between(5L, true, 5L, false));
    assertEquals(shards(), between(20L, true, 10L, true));
  }

  @Test
  void fractionalBounds() {
    assertEquals(
        shards(1, 0),
        RANGES.shardsBetween(ShardKey.of("99.5", false), true, ShardKey.of("100.5", false), true));
    assertEquals(
        shards(0),
        RANGES.shardsBetween(ShardKey.of("199.5", false), false, ShardKey.of("999", false), true));
  }
}
