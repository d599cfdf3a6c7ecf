package io.shardway.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node together with its key path from the document root ({@code users[0].name}), so that a
 * problem can say both where it is in the file and which setting it concerns.
 *
 * <p>The {@code as…} methods read the node as one kind of value. When it is not one, they record a
 * problem and return empty, and the caller carries on to find the next problem. Every binder keeps
 * the same rule: <em>empty is only ever returned once a problem has been recorded</em>, so when
 * binding ends without problems every value is present.
 *
 * <p>Scalars are read from their text, after {@code ${VAR}} substitution; SnakeYAML's implicit
 * types are ignored, so {@code port: "6033"} and {@code port: 6033} mean the same.
 */
final class ConfigNode {

  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

  private final Node node;
  private final String path;
  private final Problems problems;
  private final VariableExpander variables;

  private ConfigNode(Node node, String path, Problems problems, VariableExpander variables) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    this.variables = variables;
  }

  /** Returns the node of a whole document, whose path is empty. */
  static ConfigNode root(Node node, Problems problems, VariableExpander variables) {
    return new ConfigNode(node, "", problems, variables);
  }

  /** Returns the value of {@code key} in this mapping node. */
  ConfigNode child(String key, Node value) {
    return new ConfigNode(value, path.isEmpty() ? key : path + "." + key, problems, variables);
  }

  /** Records a problem at this node, prefixed with its path. */
  void problem(String message) {
    problemAt(node, message);
  }

  /** Records a problem at another node (a key of this mapping), prefixed with this node's path. */
  void problemAt(Node place, String message) {
    problems.add(place.getStartMark(), path.isEmpty() ? message : path + ": " + message);
  }

  /** Reads a mapping whose keys must all be in {@code knownKeys}; reports every other key. */
  Optional<ConfigMap> asMapping(Set<String> knownKeys) {
    Optional<ConfigMap> map = asMapping();
    map.ifPresent(m -> m.rejectKeysOtherThan(knownKeys));
    return map;
  }

  /**
   * Returns whether the node is a mapping, for values written either in a short form or as a
   * mapping, such as a replica. Records no problem.
   */
  boolean isMapping() {
    return node instanceof MappingNode;
  }

  /** Reads a mapping with any keys, such as {@code shardGroups}, whose keys are names. */
  Optional<ConfigMap> asMapping() {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new ConfigMap(this, mapping));
    }
    return expected("a mapping");
  }

  /**
   * Reads a mapping from names to values, binding each value with {@code entry} (see {@link
   * ConfigMap#bindEntries}).
   */
  <T> Optional<Map<String, T>> asNamedMap(BiFunction<String, ConfigNode, Optional<T>> entry) {
    return asMapping().flatMap(map -> map.bindEntries(entry));
  }

  /** Reads a list, binding every element with {@code element}, even after one fails. */
  <T> Optional<List<T>> asListOf(Function<ConfigNode, Optional<T>> element) {
    if (!(node instanceof SequenceNode sequence)) {
      return expected("a list");
    }
    List<T> bound = new ArrayList<>();
    boolean complete = true;
    List<Node> elements = sequence.getValue();
    for (int i = 0; i < elements.size(); i++) {
      ConfigNode child = new ConfigNode(elements.get(i), path + "[" + i + "]", problems, variables);
      Optional<T> value = element.apply(child);
      value.ifPresent(bound::add);
      complete &= value.isPresent();
    }
    return complete ? Optional.of(List.copyOf(bound)) : Optional.empty();
  }

  /** Reads a string, possibly empty. A YAML null is not a string: write {@code ""}. */
  Optional<String> asString() {
    return scalarText("a string");
  }

  /** Reads a string that is not empty, such as a name or a host. */
  Optional<String> asNonEmptyString() {
    return asString()
        .filter(
            text -> {
              if (text.isEmpty()) {
                problem("must not be empty");
              }
              return !text.isEmpty();
            });
  }

  /** Reads a decimal integer from {@code min} to {@code max}. */
  Optional<Integer> asInt(int min, int max) {
    return integer(BigInteger.valueOf(min), BigInteger.valueOf(max)).map(BigInteger::intValueExact);
  }

  /** Reads a decimal integer that fits in 64 bits, signed. */
  Optional<Long> asLong() {
    return integer(BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE))
        .map(BigInteger::longValueExact);
  }

  /** Reads a duration such as {@code 500ms}, {@code 2s} or {@code 5m} (see {@link Durations}). */
  Optional<Duration> asDuration() {
    return as("a duration", Durations::parse);
  }

  /** Reads a duration longer than zero. */
  Optional<Duration> asPositiveDuration() {
    return asDuration()
        .filter(
            duration -> {
              if (duration.isZero()) {
                problem("must be longer than 0ms");
              }
              return !duration.isZero();
            });
  }

  /** Reads {@code true} or {@code false}, in any case, the YAML 1.2 booleans. */
  Optional<Boolean> asBoolean() {
    return scalarText("true or false")
        .flatMap(
            text -> {
              if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Optional.of(Boolean.parseBoolean(text));
              }
              problem("expected true or false, got \"" + text + "\"");
              return Optional.empty();
            });
  }

  /** Reads a string that must be one of {@code allowed}. */
  Optional<String> asOneOf(List<String> allowed) {
    return asString()
        .filter(
            text -> {
              if (!allowed.contains(text)) {
                problem("expected one of " + String.join(", ", allowed) + ", got \"" + text + "\"");
              }
              return allowed.contains(text);
            });
  }

  /**
   * Reads a scalar with {@code parser}, which throws {@link IllegalArgumentException} with a
   * message that quotes the text, such as {@link DataSize#parse}.
   *
   * @param what the kind of value, for the problem when the node is not a scalar
   */
  <T> Optional<T> as(String what, Function<String, T> parser) {
    return scalarText(what)
        .flatMap(
            text -> {
              try {
                return Optional.of(parser.apply(text));
              } catch (IllegalArgumentException e) {
                problem(e.getMessage());
                return Optional.empty();
              }
            });
  }

  /**
   * Returns the keys of this node when it is a mapping, else nothing, without recording any
   * problem: for checking references to a section whose own problems are reported elsewhere.
   */
  Set<String> keyNames() {
    Set<String> names = new LinkedHashSet<>();
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          names.add(key.getValue());
        }
      }
    }
    return names;
  }

  /** Returns a short description of the node for "expected …, got …" problems. */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    return scalar.getTag().equals(Tag.NULL) ? "null" : "\"" + scalar.getValue() + "\"";
  }

  private Optional<String> scalarText(String what) {
    if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
      return variables.expand(scalar.getValue(), this::problem);
    }
    return expected(what);
  }

  private Optional<BigInteger> integer(BigInteger min, BigInteger max) {
    return scalarText("an integer")
        .flatMap(
            text -> {
              if (!INTEGER.matcher(text).matches()) {
                problem("expected an integer, got \"" + text + "\"");
                return Optional.empty();
              }
              BigInteger value = new BigInteger(text);
              if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                problem(
                    max.equals(BigInteger.valueOf(Integer.MAX_VALUE))
                        ? "must be at least " + min + ", got " + text
                        : "must be between " + min + " and " + max + ", got " + text);
                return Optional.empty();
              }
              return Optional.of(value);
            });
  }

  private <T> Optional<T> expected(String what) {
    problem("expected " + what + ", got " + describe(node));
    return Optional.empty();
  }
}
