package io.shardway.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the keys of a {@code list} algorithm: {@code values}, the values each group holds, and
 * {@code default}, the group of the others. A value listed twice is reported even when written
 * differently ({@code US} and {@code us}), because the router compares them as equal (see {@link
 * ShardKeyText}) and could not tell which group holds it.
 */
final class ValueListBinder {

  private final TableGroups groups;

  /**
   * @param groups the table's shard groups, which the values and the default name
   */
  ValueListBinder(TableGroups groups) {
    this.groups = groups;
  }

  /** Binds {@code values} and {@code default} of {@code algorithm}. */
  Optional<AlgorithmConfig> bind(ConfigMap algorithm) {
    Optional<Map<String, List<String>>> values = algorithm.required("values", this::values);
    Optional<Optional<String>> defaultGroup =
        algorithm.optional("default", n -> groups.reference(n).map(Optional::of), Optional.empty());
    if (values.isEmpty() || defaultGroup.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AlgorithmConfig.ValueList(values.get(), defaultGroup.get()));
  }

  private Optional<Map<String, List<String>>> values(ConfigNode node) {
    Map<Object, Listed> seen = new HashMap<>();
    return node.asMapping()
        .flatMap(
            map -> {
              boolean known = groups.rejectKeysOtherThanGroups(map);
              Optional<Map<String, List<String>>> bound =
                  map.bindEntries(
                      (group, list) ->
                          list.asListOf(
                              value ->
                                  value.asString().filter(text -> once(text, group, value, seen))));
              return known ? bound : Optional.empty();
            });
  }

  /** Records where {@code text} is listed, or reports where it already was. */
  private static boolean once(
      String text, String group, ConfigNode node, Map<Object, Listed> seen) {
    Listed first = seen.putIfAbsent(ShardKeyText.comparable(text), new Listed(group, text));
    if (first != null) {
      node.problem(
          "\""
              + text
              + "\" is already listed for "
              + first.group()
              + (first.text().equals(text) ? "" : ", as \"" + first.text() + "\""));
    }
    return first == null;
  }

  /** A value as first listed, and its group. */
  private record Listed(String group, String text) {}
}
