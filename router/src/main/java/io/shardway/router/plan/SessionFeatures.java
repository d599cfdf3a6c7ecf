package io.shardway.router.plan;

import io.shardway.router.StatementFlag;
import io.shardway.router.StatementInfo;
import java.util.Map;

/**
 * Features of a statement, found by {@link io.shardway.router.StatementClassifier}, that read or
 * change state of the one backend connection that runs it: run on several groups, each connection
 * would see or change its own.
 */
final class SessionFeatures {

  private static final Map<StatementFlag, String> CONNECTION_STATE =
      Map.of(
          StatementFlag.READS_USER_VARIABLE, "user variables",
          StatementFlag.WRITES_USER_VARIABLE, "user variables",
          StatementFlag.FOUND_ROWS, "FOUND_ROWS()",
          StatementFlag.CALC_FOUND_ROWS, "SQL_CALC_FOUND_ROWS",
          StatementFlag.ROW_COUNT, "ROW_COUNT()",
          StatementFlag.LAST_INSERT_ID, "LAST_INSERT_ID()",
          StatementFlag.USER_LOCK, "user locks such as GET_LOCK()",
          StatementFlag.SEQUENCE, "sequences",
          StatementFlag.WRITES_FILE, "SELECT … INTO OUTFILE");

  private SessionFeatures() {}

  /** What forbids running {@code info}'s statement on several groups, or null. */
  static String spreadBlocker(StatementInfo info) {
    for (StatementFlag flag : StatementFlag.values()) {
      if (info.has(flag) && CONNECTION_STATE.containsKey(flag)) {
        return CONNECTION_STATE.get(flag);
      }
    }
    return null;
  }

  /**
   * What forbids writing every copy of a broadcast table with {@code info}'s statement, or null:
   * besides connection state, functions whose value differs per group, so the copies would too.
   */
  static String broadcastBlocker(StatementInfo info) {
    if (info.has(StatementFlag.NON_DETERMINISTIC)) {
      return "non-deterministic functions such as NOW(), RAND() or UUID()";
    }
    return spreadBlocker(info);
  }
}
