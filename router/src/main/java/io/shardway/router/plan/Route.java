package io.shardway.router.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Where one execution of a statement runs: the result of {@link RoutePlan#bind}. */
public sealed interface Route {

  /** Run the statement, unchanged, on this group only: it holds every row the statement needs. */
  record Single(String group) implements Route {

    public Single {
      Objects.requireNonNull(group, "group");
    }
  }

  /**
   * Run the statement on each of these groups, and merge the results as {@code merge} says:
   * unchanged, except for {@link Merge#QUERY}, whose groups run the statement of its {@link
   * QueryMerge}, and {@link Merge#SPLIT_INSERT}, whose groups run the parts of its {@link
   * InsertSplit}.
   *
   * @param groups each once; at least two, except for a {@link Merge#SPLIT_INSERT} that generates
   *     shard keys, which lists the groups its rows may go to: they must get the statement with the
   *     keys added even when the table has a single group
   * @param rowLimit for {@link Merge#CONCATENATE}, when the SELECT ends with {@code LIMIT rowLimit}
   *     and no ORDER BY: the merged result stops after that many rows, which may come from any
   *     groups; -1 when the rows are not limited, and for any other merge
   */
  record Scatter(List<String> groups, Merge merge, long rowLimit) implements Route {

    /** A scatter whose merge limits no rows. */
    public Scatter(List<String> groups, Merge merge) {
      this(groups, merge, -1);
    }

    public Scatter {
      Objects.requireNonNull(merge, "merge");
      groups = List.copyOf(groups);
      int least = merge == Merge.SPLIT_INSERT ? 1 : 2;
      if (groups.size() < least || new HashSet<>(groups).size() != groups.size()) {
        throw new IllegalArgumentException(
            "groups: "
                + groups
                + " (expected: at least two, each once; one is enough to split an INSERT)");
      }
      if (rowLimit < -1 || rowLimit >= 0 && merge != Merge.CONCATENATE) {
        throw new IllegalArgumentException(
            "rowLimit: "
                + rowLimit
                + " (expected: -1, or at least 0 when the merge is CONCATENATE)");
      }
    }
  }

  /**
   * Do not run the statement: it cannot be executed correctly across the shard groups, so the
   * client gets error 1235 (ER_NOT_SUPPORTED_YET, SQLSTATE 42000) with {@link #message()}.
   *
   * @param reason what is not supported, a phrase that completes {@link #message()}, such as {@code
   *     ORDER BY in a SELECT that reads users from several shard groups}
   */
  record Refused(String reason) implements Route {

    public Refused {
      Objects.requireNonNull(reason, "reason");
    }

    /** The error message: "This version of Shardway doesn't yet support " and the reason. */
    public String message() {
      return "This version of Shardway doesn't yet support " + reason;
    }
  }
}
