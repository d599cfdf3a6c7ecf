package io.shardway.config;

import java.util.Objects;

/**
 * One replica of a shard group (an entry of {@code replicas}). It is written either as its address,
 * {@code "mysql://host:port?opts"}, or as a mapping {@code { address: "mysql://host:port", weight:
 * 3 }}.
 *
 * @param address the server (key {@code address} of the mapping form; required there)
 * @param weight the replica's share of its group's reads relative to the other replicas, used when
 *     {@code readWrite.balance} is {@code weighted} (key {@code weight}); defaults to {@value
 *     #DEFAULT_WEIGHT}, from 0 to {@value #MAX_WEIGHT}; 0 means the replica takes no reads, which
 *     drains it without removing it from the file
 */
public record Replica(BackendAddress address, int weight) {

  /** The weight of a replica written as a plain address, or without {@code weight}. */
  public static final int DEFAULT_WEIGHT = 1;

  /** The largest weight. */
  public static final int MAX_WEIGHT = 10_000;

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if {@code weight} is not between 0 and {@value #MAX_WEIGHT}
   */
  public Replica {
    Objects.requireNonNull(address, "address");
    if (weight < 0 || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException(
          "weight must be between 0 and " + MAX_WEIGHT + ", got " + weight);
    }
  }
}
