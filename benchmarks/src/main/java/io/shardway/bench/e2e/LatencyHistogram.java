package io.shardway.bench.e2e;

/**
 * Counts latencies in log-linear buckets (HdrHistogram's layout with 64 sub-buckets): exact below
 * 64 ns, and within 1/32 (about 3%) of the value above. Fixed size, no allocation on record. Not
 * thread-safe: one per client thread, {@link #add merged} at the end.
 */
final class LatencyHistogram {
  private static final int SUB_BUCKETS = 64;
  private static final int HALF = SUB_BUCKETS / 2;
  private static final int SUB_BUCKET_BITS = 6;
  private static final int BUCKETS = SUB_BUCKETS + (Long.SIZE - SUB_BUCKET_BITS) * HALF;

  private final long[] counts = new long[BUCKETS];
  private long total;

  void record(long nanos) {
    counts[index(Math.max(0, nanos))]++;
    total++;
  }

  void add(LatencyHistogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
  }

  long count() {
    return total;
  }

  /**
   * The value at {@code percentile} (0 < p <= 100), as the middle of its bucket, in nanoseconds; -1
   * when empty.
   */
  long percentile(double percentile) {
    if (percentile <= 0 || percentile > 100) {
      throw new IllegalArgumentException("percentile: " + percentile + " (expected: 0 < p <= 100)");
    }
    if (total == 0) {
      return -1;
    }
    long rank = (long) Math.ceil(percentile / 100 * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return (lowest(i) + lowest(i + 1) - 1) / 2;
      }
    }
    throw new AssertionError("rank " + rank + " beyond " + total);
  }

  static int index(long value) {
    if (value < SUB_BUCKETS) {
      return (int) value;
    }
    int shift = (Long.SIZE - 1 - Long.numberOfLeadingZeros(value)) - (SUB_BUCKET_BITS - 1);
    int top = (int) (value >>> shift); // in [HALF, SUB_BUCKETS)
    return SUB_BUCKETS + (shift - 1) * HALF + (top - HALF);
  }

  /** The smallest value in bucket {@code index}. */
  static long lowest(int index) {
    if (index < SUB_BUCKETS) {
      return index;
    }
    int shift = (index - SUB_BUCKETS) / HALF + 1;
    long top = HALF + (index - SUB_BUCKETS) % HALF;
    return top << shift;
  }
}
