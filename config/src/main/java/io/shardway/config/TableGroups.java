package io.shardway.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shard groups of the table being bound, which the ranges and lists of its algorithm name.
 *
 * <p>When the table's {@code shardGroups} could not be read, that is reported there, and names are
 * not checked: one mistake should not bring a problem for every name.
 *
 * @param names the table's groups in file order; empty when they could not be read
 */
record TableGroups(Optional<List<String>> names) {

  TableGroups {
    Objects.requireNonNull(names, "names");
  }

  /** Reads one name, which must be one of the table's groups. */
  Optional<String> reference(ConfigNode node) {
    return node.asNonEmptyString()
        .filter(
            name -> {
              boolean known = names.map(n -> n.contains(name)).orElse(true);
              if (!known) {
                node.problem(notTheTables(name));
              }
              return known;
            });
  }

  /**
   * Reports every key of {@code map} that is not one of the table's groups, at the key.
   *
   * @return whether every key is one of them
   */
  boolean rejectKeysOtherThanGroups(ConfigMap map) {
    return names.map(n -> map.rejectKeysOtherThan(n, this::notTheTables)).orElse(true);
  }

  private String notTheTables(String name) {
    return "\""
        + name
        + "\" is not one of the table's shardGroups ("
        + String.join(", ", names.orElseThrow())
        + ")";
  }
}
