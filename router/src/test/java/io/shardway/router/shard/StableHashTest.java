package io.shardway.router.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The hash decides where rows live, so its values are pinned: a change that moves keys must fail
 * here, loudly, rather than strand rows on the wrong shards.
 */
class StableHashTest {

  private static long fnv1a(String text) {
    return StableHash.fnv1a(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void fnv1aMatchesItsPublishedVectors() {
    assertEquals(0xcbf29ce484222325L, fnv1a(""));
    assertEquals(0xaf63dc4c8601ec8cL, fnv1a("a"));
    assertEquals(0x85944171f73967e8L, fnv1a("foobar"));
  }

  @Test
  void mixMatchesSplitMix64() {
    // The first output of SplitMix64 seeded with 0 is the mix of its first state, the golden gamma.
    assertEquals(0xe220a8397b1dcdafL, StableHash.mix(0x9e3779b97f4a7c15L));
    assertEquals(0L, StableHash.mix(0L));
  }

  @Test
  void pinnedKeyHashes() {
    assertEquals(0xaf49dc82fda5e3b2L, StableHash.of(ShardKey.ofLong(0)));
    assertEquals(0xd73d2cc980652e75L, StableHash.of(ShardKey.ofLong(1)));
    assertEquals(0x4e4c981f1ac1fdcaL, StableHash.of(ShardKey.ofLong(42)));
    assertEquals(0xe735cde214e8a7efL, StableHash.of(ShardKey.ofLong(-1)));
    assertEquals(0x57699ef503361d3eL, StableHash.of(ShardKey.of("4.5", false)));
    assertEquals(0xb99f55d6415d8d5eL, StableHash.of(ShardKey.of("12345678901234567890123", false)));
    assertEquals(0x5fbf9ae7a22def04L, StableHash.of(ShardKey.of("US", true)));
    assertEquals(0x35a219438f83b95aL, StableHash.of(ShardKey.of("école", true)));
  }

  @Test
  void equalKeysHashAlike() {
    assertEquals(StableHash.of(ShardKey.ofLong(42)), StableHash.of(ShardKey.of(" 42.00", true)));
    assertEquals(StableHash.of(ShardKey.of("us", true)), StableHash.of(ShardKey.of("US ", true)));
  }

  @Test
  void aNumberAndATextOfTheSameCharactersDiffer() {
    assertNotEquals(StableHash.of(ShardKey.ofLong(42)), StableHash.of(new ShardKey.Text("42")));
  }
}
