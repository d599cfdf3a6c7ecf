/**
 * Sharding algorithms: which of a table's shard groups holds the rows with a given shard key.
 *
 * <p>{@link io.shardway.router.shard.ShardKey#of} reads a literal of a statement as the key that
 * decides its shard, and {@link io.shardway.router.shard.ShardingAlgorithms#create} makes a table's
 * {@link io.shardway.router.shard.ShardingAlgorithm} from its configuration: {@code mod}, {@code
 * hash}, {@code range}, {@code consistent-hash} or {@code list}. Pure logic, with no I/O and no
 * state after construction.
 *
 * <p>{@link io.shardway.router.shard.SnowflakeIds}, a {@link
 * io.shardway.router.shard.KeyGenerator}, makes the shard keys of rows inserted without one; it
 * keeps the last time and sequence it used, and reads the clock.
 */
package io.shardway.router.shard;
