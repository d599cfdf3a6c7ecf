package io.shardway.router.shard;

import io.shardway.config.AlgorithmConfig;
import java.math.BigDecimal;
import java.util.BitSet;
import java.util.List;

/**
 * {@code range}: each range of keys belongs to one group. The ranges are in ascending order and do
 * not overlap (the config guarantees it), so a key's range is found by binary search. A key may
 * have a fraction ({@code 2.5} lies in {@code from: 0, to: 10}); a key in a gap between ranges, or
 * text, has no shard.
 */
final class RangeAlgorithm implements ShardingAlgorithm {

  private final int shardCount;
  private final List<Span> spans;

  RangeAlgorithm(AlgorithmConfig.Range config, List<String> groups) {
    this.shardCount = groups.size();
    this.spans =
        config.ranges().stream()
            .map(
                range ->
                    new Span(
                        range.from().map(BigDecimal::valueOf).orElse(null),
                        range.to().map(BigDecimal::valueOf).orElse(null),
                        ShardingAlgorithms.shardOf(range.shardGroup(), groups)))
            .toList();
  }

  @Override
  public int shardCount() {
    return shardCount;
  }

  @Override
  public int shardOf(ShardKey key) {
    BigDecimal value = number(key);
    // The last span that starts at or below the key is the only one that can hold it.
    int low = 0;
    int high = spans.size() - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      Span span = spans.get(middle);
      if (span.from() == null || span.from().compareTo(value) <= 0) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found < 0
        || (spans.get(found).to() != null && value.compareTo(spans.get(found).to()) >= 0)) {
      throw new ShardKeyException("no range holds the shard key " + key);
    }
    return spans.get(found).shard();
  }

  /**
   * Keys may have fractions, so a span holds a key between the bounds whenever the bounds and the
   * span overlap at all: the lower bound is below the span's end, and the span's start is below (or
   * at, when included) the upper bound.
   */
  @Override
  public BitSet shardsBetween(
      ShardKey lower, boolean lowerInclusive, ShardKey upper, boolean upperInclusive) {
    BigDecimal low = lower == null ? null : number(lower);
    BigDecimal high = upper == null ? null : number(upper);
    BitSet shards = new BitSet(shardCount);
    if (low != null && high != null) {
      int order = low.compareTo(high);
      if (order > 0 || (order == 0 && !(lowerInclusive && upperInclusive))) {
        return shards;
      }
    }
    for (Span span : spans) {
      boolean startsBelowHigh =
          span.from() == null
              || high == null
              || (upperInclusive
                  ? span.from().compareTo(high) <= 0
                  : span.from().compareTo(high) < 0);
      boolean endsAboveLow = span.to() == null || low == null || low.compareTo(span.to()) < 0;
      if (startsBelowHigh && endsAboveLow) {
        shards.set(span.shard());
      }
    }
    return shards;
  }

  private static BigDecimal number(ShardKey key) {
    if (key instanceof ShardKey.Numeric numeric) {
      return numeric.value();
    }
    throw new ShardKeyException("range needs a numeric shard key, got " + key);
  }

  /**
   * One range: the keys from {@code from}, inclusive, to {@code to}, exclusive, held by {@code
   * shard}; a null bound is no bound.
   */
  private record Span(BigDecimal from, BigDecimal to, int shard) {}
}
