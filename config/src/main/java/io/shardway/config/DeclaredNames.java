package io.shardway.config;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The names a section declares (the shard groups, the schemas), for checking the references other
 * sections make to them.
 *
 * <p>When the section itself is missing or not a mapping, that is reported once where it is, and
 * references are not checked: one mistake should not bring a problem for every reference.
 *
 * @param kind what the names are, for problems: {@code shard group}, {@code schema}
 * @param names the declared names, in file order
 * @param checkable whether the section could be read, so references can be checked against it
 */
record DeclaredNames(String kind, Set<String> names, boolean checkable) {

  DeclaredNames {
    names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
  }

  /** Returns the names declared by {@code section}, which may be absent. */
  static DeclaredNames of(String kind, Optional<ConfigNode> section) {
    Set<String> names = section.map(ConfigNode::keyNames).orElse(Set.of());
    boolean checkable = section.isPresent() && !names.isEmpty();
    return new DeclaredNames(kind, names, checkable);
  }

  /** Returns these names plus {@code extra}, such as the wildcard {@code "*"}. */
  DeclaredNames including(String extra) {
    Set<String> more = new LinkedHashSet<>(names);
    more.add(extra);
    return new DeclaredNames(kind, more, checkable);
  }

  /** Reads one reference: a name that must be declared. */
  Optional<String> reference(ConfigNode node) {
    return node.asNonEmptyString()
        .filter(
            name -> {
              boolean known = !checkable || names.contains(name);
              if (!known) {
                node.problem("unknown " + kind + " \"" + name + "\"");
              }
              return known;
            });
  }

  /** Reads a list of at least one reference, each declared and named once. */
  Optional<List<String>> references(ConfigNode list) {
    Set<String> seen = new HashSet<>();
    Optional<List<String>> bound =
        list.asListOf(element -> reference(element).filter(name -> once(name, element, seen)));
    if (bound.isPresent() && bound.get().isEmpty()) {
      list.problem("at least one " + kind + " is required");
      return Optional.empty();
    }
    return bound;
  }

  private boolean once(String name, ConfigNode element, Set<String> seen) {
    boolean first = seen.add(name);
    if (!first) {
      element.problem("duplicate " + kind + " \"" + name + "\"");
    }
    return first;
  }
}
