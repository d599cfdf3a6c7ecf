package io.shardway.router.shard;

/**
 * {@code hash}: the {@link StableHash} of the key, as an unsigned number modulo the number of
 * shards, is its shard. It spreads any keys evenly, but a change in the number of shards moves most
 * of them; {@code consistent-hash} moves few.
 */
final class HashAlgorithm implements ShardingAlgorithm {

  private final int shardCount;

  HashAlgorithm(int shardCount) {
    this.shardCount = shardCount;
  }

  @Override
  public int shardCount() {
    return shardCount;
  }

  @Override
  public int shardOf(ShardKey key) {
    return (int) Long.remainderUnsigned(StableHash.of(key), shardCount);
  }
}
