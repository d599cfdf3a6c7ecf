package io.shardway.config;

import java.util.List;

/**
 * How Shardway makes the shard key of rows that an INSERT leaves without one (key {@code
 * keyGenerator} of a sharded table): the backends cannot, since each group's {@code AUTO_INCREMENT}
 * counts on its own and the row's group depends on the key it does not have yet.
 *
 * <p>One record per type, like {@link AlgorithmConfig}, so that a type with settings can come
 * without changing how the others are read.
 */
public sealed interface KeyGeneratorConfig permits KeyGeneratorConfig.Snowflake {

  /** The generator types, as written in {@code type}. */
  List<String> TYPES = List.of("snowflake");

  /** Returns the type, as written in {@code type}. */
  String type();

  /**
   * {@code type: snowflake}: 64-bit keys made of the time in milliseconds, the instance's {@link
   * ShardwayConfig#workerId} and a sequence, so that instances with different worker ids never make
   * the same key. It takes no other keys.
   */
  record Snowflake() implements KeyGeneratorConfig {
    @Override
    public String type() {
      return "snowflake";
    }
  }
}
