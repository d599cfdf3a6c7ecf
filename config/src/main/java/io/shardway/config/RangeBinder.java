package io.shardway.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the {@code ranges} of a {@code range} algorithm: each entry on its own, then the entries
 * against each other, since a key in two ranges or a bound left out in the middle would leave the
 * shard of some keys undecided.
 */
final class RangeBinder {

  private static final Set<String> KEYS = Set.of("shardGroup", "from", "to");

  private final TableGroups groups;

  /**
   * @param groups the table's shard groups, which the ranges name
   */
  RangeBinder(TableGroups groups) {
    this.groups = groups;
  }

  /** Binds the {@code ranges} of {@code algorithm}. */
  Optional<AlgorithmConfig> bind(ConfigMap algorithm) {
    return algorithm
        .require("ranges")
        .flatMap(
            list -> {
              Optional<List<Entry>> entries = list.asListOf(this::entry);
              if (entries.isPresent() && entries.get().isEmpty()) {
                list.problem("at least one range is required");
                return Optional.empty();
              }
              return entries
                  .filter(RangeBinder::fitTogether)
                  .map(e -> new AlgorithmConfig.Range(e.stream().map(Entry::range).toList()));
            });
  }

  private Optional<Entry> entry(ConfigNode node) {
    return node.asMapping(KEYS)
        .flatMap(
            map -> {
              Optional<String> group = map.required("shardGroup", groups::reference);
              Optional<Optional<Long>> from =
                  map.optional("from", RangeBinder::bound, Optional.empty());
              Optional<Optional<Long>> to =
                  map.optional("to", RangeBinder::bound, Optional.empty());
              boolean holdsKeys =
                  from.isPresent() && to.isPresent() && holdsKeys(map, from.get(), to.get());
              if (group.isEmpty() || !holdsKeys) {
                return Optional.empty();
              }
              return Optional.of(
                  new Entry(map, new AlgorithmConfig.KeyRange(group.get(), from.get(), to.get())));
            });
  }

  /** Reports a range whose {@code to} is not above its {@code from}, which holds no key. */
  private static boolean holdsKeys(ConfigMap map, Optional<Long> from, Optional<Long> to) {
    if (from.isEmpty() || to.isEmpty() || to.get() > from.get()) {
      return true;
    }
    map.get("to")
        .orElseThrow()
        .problem("must be greater than from (" + from.get() + "), got " + to.get());
    return false;
  }

  private static Optional<Optional<Long>> bound(ConfigNode node) {
    return node.asLong().map(Optional::of);
  }

  /**
   * Checks the entries against each other, once each is valid on its own: only the first may leave
   * out {@code from} and only the last {@code to}; they go in ascending order of {@code from}; and
   * none starts before an earlier one ends.
   */
  private static boolean fitTogether(List<Entry> entries) {
    boolean fit = true;
    int last = entries.size() - 1;
    // Among the entries checked so far that are in order: the latest, and the one that ends last.
    int previous = -1;
    int reach = -1;
    for (int i = 0; i <= last; i++) {
      Entry entry = entries.get(i);
      Optional<Long> from = entry.range().from();
      Optional<Long> to = entry.range().to();
      if (i > 0 && from.isEmpty()) {
        entry
            .node()
            .problem("missing required key \"from\" (only the first range may leave it out)");
        fit = false;
      } else if (i < last && to.isEmpty()) {
        entry.node().problem("missing required key \"to\" (only the last range may leave it out)");
        fit = false;
      } else if (previous >= 0 && from.get() < start(entries, previous)) {
        entry
            .map()
            .get("from")
            .orElseThrow()
            .problem(
                "must be at least ranges["
                    + previous
                    + "].from ("
                    + start(entries, previous)
                    + "), as ranges are in ascending order, got "
                    + from.get());
        fit = false;
      } else {
        if (reach >= 0 && from.get() < entries.get(reach).range().to().orElseThrow()) {
          entry.node().problem("overlaps ranges[" + reach + "]: both hold the key " + from.get());
          fit = false;
        }
        if (reach < 0 || to.isEmpty() || to.get() > entries.get(reach).range().to().orElseThrow()) {
          reach = i;
        }
        previous = i;
      }
    }
    return fit;
  }

  /** Returns where entry {@code i} starts; the first entry may be unbounded below. */
  private static long start(List<Entry> entries, int i) {
    return entries.get(i).range().from().orElse(Long.MIN_VALUE);
  }

  /** One bound entry, with its mapping for placing the problems found between entries. */
  private record Entry(ConfigMap map, AlgorithmConfig.KeyRange range) {
    ConfigNode node() {
      return map.node();
    }
  }
}
