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
 * flags}, {@code assignments} and {@code hints} are the union over all of them, in order of
 * appearance.
 *
 * @param kind the (first) statement's kind; {@link StatementKind#EMPTY} when there is none
 * @param flags unmodifiable
 * @param assignments the session changes of all {@code SET} statements, in source order;
 *     unmodifiable
 * @param statementCount the number of non-empty statements; 0 for {@link StatementKind#EMPTY}
 * @param hints what the text's {@code shardway:} comments ask; {@link Hints#NONE} when none
 */
public record StatementInfo(
    StatementKind kind,
    Set<StatementFlag> flags,
    List<SessionAssignment> assignments,
    int statementCount,
    Hints hints) {

  /**
   * The flags of a statement that a replica would answer differently from the primary, or that
   * would leave the application's state on the wrong server: locking reads, results about the
   * connection's previous statements, sequences, user variables and files the server writes.
   */
  private static final Set<StatementFlag> TIED_TO_PRIMARY =
      EnumSet.of(
          StatementFlag.FOR_UPDATE,
          StatementFlag.LOCK_IN_SHARE_MODE,
          StatementFlag.LAST_INSERT_ID,
          StatementFlag.USER_LOCK,
          StatementFlag.FOUND_ROWS,
          StatementFlag.CALC_FOUND_ROWS,
          StatementFlag.ROW_COUNT,
          StatementFlag.SEQUENCE,
          StatementFlag.WRITES_USER_VARIABLE,
          StatementFlag.READS_USER_VARIABLE,
          StatementFlag.WRITES_FILE,
          StatementFlag.READS_SERVER_ROLE);

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
    Objects.requireNonNull(hints, "hints");
  }

  /** A text without hints, as before hints existed. */
  public StatementInfo(
      StatementKind kind,
      Set<StatementFlag> flags,
      List<SessionAssignment> assignments,
      int statementCount) {
    this(kind, flags, assignments, statementCount, Hints.NONE);
  }

  public boolean has(StatementFlag flag) {
    return flags.contains(flag);
  }

  /**
   * Whether the text may run on a replica of a MySQL or MariaDB primary without changing what the
   * application sees: one statement that is a {@code SELECT}, a {@code SHOW} or {@code DESCRIBE} of
   * schema objects, or an {@code EXPLAIN} of a {@code SELECT} (see {@link
   * StatementFlag#SHOWS_SCHEMA}), with none of the flags that tie it to the primary: locking reads,
   * user locks, sequences, user variables, files written, and results about the connection's
   * previous statements.
   *
   * <p>It judges the statement alone. The {@link #hints()} are not looked at, and neither is the
   * session: a read inside a transaction, of a temporary table, or of a row just written (a replica
   * lags) is the caller's to keep on the primary. Nor can it see into stored functions: a {@code
   * SELECT} that calls one that writes is replica-safe here and fails on a read-only replica.
   */
  public boolean replicaSafe() {
    if (statementCount != 1) {
      return false;
    }
    boolean read =
        kind == StatementKind.SELECT
            || ((kind == StatementKind.SHOW || kind == StatementKind.EXPLAIN)
                && flags.contains(StatementFlag.SHOWS_SCHEMA));
    return read && Collections.disjoint(flags, TIED_TO_PRIMARY);
  }
}
