package io.shardway.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sharding algorithm of a table (key {@code algorithm} of a table).
 *
 * <p>The loader checks only {@code type}; the router validates the properties of each type.
 *
 * @param type one of {@link #TYPES}
 * @param properties the other keys of {@code algorithm}, in file order; scalars are kept as their
 *     text (after {@code ${VAR}} substitution), lists as {@code List<Object>} and mappings as
 *     {@code Map<String, Object>}, so the algorithm parses numbers and sizes the way it needs
 */
public record AlgorithmConfig(String type, Map<String, Object> properties) {

  /** The algorithm types the router implements. */
  public static final List<String> TYPES =
      List.of("mod", "hash", "range", "consistent-hash", "list");

  /** Checks the arguments and copies the map, keeping its order. */
  public AlgorithmConfig {
    Objects.requireNonNull(type, "type");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }
}
