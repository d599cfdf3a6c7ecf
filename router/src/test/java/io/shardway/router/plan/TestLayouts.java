package io.shardway.router.plan;

import io.shardway.router.plan.TableLayout.Broadcast;
import io.shardway.router.plan.TableLayout.Sharded;
import io.shardway.router.plan.TableLayout.Unsharded;
import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardKeyException;
import io.shardway.router.shard.ShardingAlgorithm;
import java.math.BigDecimal;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * The schema {@code appdb} of the tests, over four groups {@code s0} (the default) to {@code s3}:
 *
 * <ul>
 *   <li>{@code users} (key {@code id}) and {@code orders} (key {@code user_id}): co-located, key
 *       mod 4, so 4 is on s0, 5 on s1, 6 on s2, 7 on s3;
 *   <li>{@code products} (key {@code sku}): by hundreds, 0–99 on s0 to 300–399 on s3, which narrows
 *       ranges;
 *   <li>{@code pairs} (key {@code a}): mod 2 over s2 and s3;
 *   <li>{@code events} (key {@code id}): mod 4, with a key generator; {@code notes} (key {@code
 *       id}): all in s1, with a key generator;
 *   <li>{@code countries}: broadcast to all four; {@code currencies}: broadcast to s0 and s1;
 *   <li>{@code logs}: unsharded, in s1; every other table of {@code appdb} in s0;
 *   <li>schema {@code other}: unsharded, in s2; other schemas in s0.
 * </ul>
 */
final class TestLayouts implements Layouts {

  static final List<String> ALL = List.of("s0", "s1", "s2", "s3");

  static final ShardRouter ROUTER = new ShardRouter(new TestLayouts());

  private static final Map<String, TableLayout> TABLES =
      Map.of(
          "users", new Sharded("id", new Mod(4), ALL, "user-mod4"),
          "orders", new Sharded("USER_ID", new Mod(4), ALL, "user-mod4"),
          "products", new Sharded("sku", new Hundreds(4), ALL, "products"),
          "pairs", new Sharded("a", new Mod(2), List.of("s2", "s3"), "pairs"),
          "events", new Sharded("id", new Mod(4), ALL, "events", true),
          "notes", new Sharded("id", new Mod(1), List.of("s1"), "notes", true),
          "countries", new Broadcast(ALL),
          "currencies", new Broadcast(List.of("s0", "s1")),
          "logs", new Unsharded("s1"));

  @Override
  public String defaultGroup() {
    return "s0";
  }

  @Override
  public TableLayout layout(String schema, String table) {
    if (schema == null || schema.equals("appdb")) {
      return TABLES.getOrDefault(table, new Unsharded("s0"));
    }
    return new Unsharded(schema.equals("other") ? "s2" : "s0");
  }

  /** An integer key modulo the number of shards; -1 is on the last. */
  record Mod(int shardCount) implements ShardingAlgorithm {

    @Override
    public int shardOf(ShardKey key) {
      return Math.floorMod(integer(key).intValueExact(), shardCount);
    }
  }

  /** Keys 0 to 99 on shard 0, 100 to 199 on shard 1, and so on; narrows ranges. */
  record Hundreds(int shardCount) implements ShardingAlgorithm {

    @Override
    public int shardOf(ShardKey key) {
      int shard = integer(key).intValue() / 100;
      if (shard < 0 || shard >= shardCount) {
        throw new ShardKeyException("no shard holds " + key);
      }
      return shard;
    }

    @Override
    public BitSet shardsBetween(
        ShardKey lower, boolean lowerInclusive, ShardKey upper, boolean upperInclusive) {
      int from = lower == null ? 0 : (integer(lower).intValueExact() + (lowerInclusive ? 0 : 1));
      int to =
          upper == null
              ? 100 * shardCount - 1
              : integer(upper).intValueExact() - (upperInclusive ? 0 : 1);
      BitSet shards = new BitSet();
      if (from <= to) {
        shards.set(Math.max(0, from / 100), Math.min(shardCount - 1, to / 100) + 1);
      }
      return shards;
    }
  }

  private static BigDecimal integer(ShardKey key) {
    if (key instanceof ShardKey.Numeric numeric && numeric.value().scale() <= 0) {
      return numeric.value();
    }
    throw new ShardKeyException("not an integer: " + key);
  }
}
