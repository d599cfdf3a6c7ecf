package io.shardway.router;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link StatementClassifier} found in one statement text.
 *
 * <p>For text with several statements, {@code kind} is the first statement's kind, while {@code
 * flags} and {@code assignments} are the union over all of them, in order of appearance.
 *
 * @param kind the (first) statement's kind; {@link StatementKind#EMPTY} when there is none
 * @param flags unmodifiable
 * @param assignments the session changes of all {@code SET} statements, in source order;
 *     unmodifiable
 * @param statementCount the number of non-empty statements; 0 for {@link StatementKind#EMPTY}
 */
public record StatementInfo(
    StatementKind kind,
    Set<StatementFlag> flags,
    List<SessionAssignment> assignments,
    int statementCount) {

  public StatementInfo {
    Objects.requireNonNull(kind, "kind");
    flags =
        flags.isEmpty()
            ? Collections.emptySet()
            : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    assignments = List.copyOf(assignments);
    if (statementCount < 0) {
      throw new IllegalArgumentException("statementCount: " + statementCount + " (expected: >= 0)");
    }
  }

  public boolean has(StatementFlag flag) {
    return flags.contains(flag);
  }
}
