package io.shardway.router.shard;

import java.nio.charset.StandardCharsets;

/**
 * The 64-bit hash of the {@code hash} and {@code consistent-hash} algorithms. Rows stay where it
 * put them, so it must give the same value in every process, JVM and version: it is FNV-1a over the
 * bytes, then SplitMix64's finaliser, which spreads FNV's weak low bits over the whole word. Never
 * {@code String.hashCode}, {@code Object.hashCode} or {@code Random}, whose results are not
 * promised to stay.
 *
 * <p>A key is hashed as a tag byte, {@code 'N'} for a number or {@code 'T'} for text, followed by
 * UTF-8 of its canonical text: the number's {@linkplain ShardKey.Numeric#toString() decimal form},
 * or the folded text. The tag keeps a number and a text of the same characters apart.
 */
final class StableHash {

  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final byte NUMERIC_TAG = 'N';
  private static final byte TEXT_TAG = 'T';

  private StableHash() {}

  /** Returns the hash of a shard key. */
  static long of(ShardKey key) {
    if (key instanceof ShardKey.Numeric numeric) {
      return tagged(NUMERIC_TAG, numeric.toString());
    }
    return tagged(TEXT_TAG, ((ShardKey.Text) key).folded());
  }

  /** Returns the hash of UTF-8 {@code text}, untagged: a point of a hash ring. */
  static long of(String text) {
    return mix(fnv1a(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static long tagged(byte tag, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[utf8.length + 1];
    bytes[0] = tag;
    System.arraycopy(utf8, 0, bytes, 1, utf8.length);
    return mix(fnv1a(bytes));
  }

  /** Returns FNV-1a 64 of {@code bytes}. */
  static long fnv1a(byte[] bytes) {
    long hash = FNV_OFFSET_BASIS;
    for (byte b : bytes) {
      hash = (hash ^ (b & 0xff)) * FNV_PRIME;
    }
    return hash;
  }

  /** SplitMix64's finaliser: every input bit affects every output bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
