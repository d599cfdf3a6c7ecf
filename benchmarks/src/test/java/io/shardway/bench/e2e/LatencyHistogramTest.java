package io.shardway.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void bucketsAreContiguousAndIncreasing() {
    for (int index = 0; index < 1_800; index++) {
      assertEquals(index, LatencyHistogram.index(LatencyHistogram.lowest(index)), "index " + index);
      assertEquals(
          index, LatencyHistogram.index(LatencyHistogram.lowest(index + 1) - 1), "top of " + index);
    }
  }

  @Test
  void percentilesAreWithinThreePercentOfTheExactOnes() {
    SplittableRandom random = new SplittableRandom(7);
    long[] values = new long[100_000];
    LatencyHistogram histogram = new LatencyHistogram();
    for (int i = 0; i < values.length; i++) {
      values[i] = 50_000 + (long) (random.nextDouble() * random.nextDouble() * 20_000_000);
      histogram.record(values[i]);
    }
    Arrays.sort(values);
    for (double p : new double[] {50, 95, 99, 100}) {
      long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
      long estimate = histogram.percentile(p);
      assertTrue(
          Math.abs(estimate - exact) <= exact * 0.03, "p" + p + ": " + estimate + " vs " + exact);
    }
    assertEquals(values.length, histogram.count());
  }

  @Test
  void smallValuesAreExactAndMergingAddsCounts() {
    LatencyHistogram a = new LatencyHistogram();
    LatencyHistogram b = new LatencyHistogram();
    a.record(3);
    b.record(5);
    b.record(-1); // clamped to 0
    a.add(b);
    assertEquals(3, a.count());
    assertEquals(0, a.percentile(33));
    assertEquals(3, a.percentile(50));
    assertEquals(5, a.percentile(100));
  }

  @Test
  void emptyAndInvalidPercentiles() {
    LatencyHistogram histogram = new LatencyHistogram();
    assertEquals(-1, histogram.percentile(50));
    assertThrows(IllegalArgumentException.class, () -> histogram.percentile(0));
    assertThrows(IllegalArgumentException.class, () -> histogram.percentile(101));
  }
}
