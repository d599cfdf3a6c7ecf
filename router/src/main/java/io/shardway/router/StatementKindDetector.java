package io.shardway.router;

import io.shardway.router.lex.TokenType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides a statement's {@link StatementKind} from its leading keywords, and adds the flags that
 * only those keywords tell: temporary tables, {@code LOAD DATA LOCAL}, read-only transactions,
 * schema shown.
 */
final class StatementKindDetector {

  /** The keywords a statement can start with that map to a kind other than OTHER. */
  private enum Leading {
    SELECT,
    VALUES,
    TABLE,
    WITH,
    INSERT,
    UPDATE,
    DELETE,
    REPLACE,
    CREATE,
    ALTER,
    DROP,
    TRUNCATE,
    RENAME,
    BEGIN,
    START,
    XA,
    COMMIT,
    ROLLBACK,
    SAVEPOINT,
    RELEASE,
    SET,
    USE,
    SHOW,
    DESCRIBE,
    DESC,
    EXPLAIN,
    ANALYZE,
    LOAD,
    CALL,
    DO,
    LOCK,
    UNLOCK,
    PREPARE,
    EXECUTE,
    DEALLOCATE
  }

  private static final NameTable<Leading> LEADING = new NameTable<>(byName());

  /** Keywords that may follow EXPLAIN-like words when a statement, not a table, is explained. */
  private static final NameTable<StatementKind> EXPLAINABLE =
      new NameTable<>(
          Map.of(
              "SELECT", StatementKind.SELECT,
              "WITH", StatementKind.SELECT,
              "TABLE", StatementKind.SELECT,
              "INSERT", StatementKind.INSERT,
              "UPDATE", StatementKind.UPDATE,
              "DELETE", StatementKind.DELETE,
              "REPLACE", StatementKind.REPLACE,
              "FORMAT", StatementKind.EXPLAIN,
              "ANALYZE", StatementKind.EXPLAIN,
              "FOR", StatementKind.EXPLAIN));

  private StatementKindDetector() {}

  static StatementKind detect(StatementTokens st, Set<StatementFlag> flags) {
    if (st.type(0) == TokenType.LEFT_PAREN) {
      return StatementKind.SELECT; // (SELECT …) UNION (SELECT …)
    }
    Leading leading = LEADING.get(st.get(0));
    if (leading == null) {
      return StatementKind.OTHER;
    }
    return switch (leading) {
      case SELECT, VALUES, TABLE -> StatementKind.SELECT;
      case WITH -> afterCommonTableExpressions(st, 1);
      case INSERT -> StatementKind.INSERT;
      case UPDATE -> StatementKind.UPDATE;
      case DELETE -> StatementKind.DELETE;
      case REPLACE -> StatementKind.REPLACE;
      case CREATE -> create(st, flags);
      case DROP -> drop(st, flags);
      case ALTER, TRUNCATE, RENAME -> StatementKind.DDL;
      // MariaDB's BEGIN NOT ATOMIC starts a compound block, not a transaction.
      case BEGIN -> st.is(1, "NOT") ? StatementKind.OTHER : StatementKind.BEGIN;
      case START -> startTransaction(st, flags);
      case XA -> xa(st);
      case COMMIT -> StatementKind.COMMIT;
      case ROLLBACK -> isRollbackToSavepoint(st) ? StatementKind.SAVEPOINT : StatementKind.ROLLBACK;
      case SAVEPOINT -> StatementKind.SAVEPOINT;
      case RELEASE -> st.is(1, "SAVEPOINT") ? StatementKind.SAVEPOINT : StatementKind.OTHER;
      case SET -> StatementKind.SET;
      case USE -> StatementKind.USE;
      case SHOW -> show(st, flags);
      case DESCRIBE, DESC, EXPLAIN -> explain(st, leading, flags);
      // MariaDB: ANALYZE SELECT runs the statement and shows its plan; ANALYZE TABLE is
      // maintenance.
      case ANALYZE ->
          isExplainable(st) && !st.is(1, "TABLE") ? StatementKind.EXPLAIN : StatementKind.OTHER;
      case LOAD -> load(st, flags);
      case CALL -> StatementKind.CALL;
      case DO -> StatementKind.DO;
      case LOCK -> isTables(st) ? StatementKind.LOCK_TABLES : StatementKind.OTHER;
      case UNLOCK -> isTables(st) ? StatementKind.UNLOCK_TABLES : StatementKind.OTHER;
      case PREPARE -> StatementKind.PREPARE;
      case EXECUTE -> StatementKind.EXECUTE;
      case DEALLOCATE -> StatementKind.DEALLOCATE;
    };
  }

  /**
   * {@code WITH [RECURSIVE] name [(cols)] AS (…) [, …] main}, with the token after WITH at {@code
   * from}: the CTEs are parenthesised, so the first statement keyword outside parentheses is the
   * main statement (MySQL 8 allows SELECT, UPDATE and DELETE there).
   */
  private static StatementKind afterCommonTableExpressions(StatementTokens st, int from) {
    int depth = 0;
    for (int i = from; i < st.size(); i++) {
      TokenType type = st.type(i);
      if (type == TokenType.LEFT_PAREN) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN) {
        depth--;
      } else if (depth == 0 && type == TokenType.IDENTIFIER) {
        StatementKind kind = EXPLAINABLE.get(st.get(i));
        if (kind != null && kind != StatementKind.EXPLAIN) {
          return kind;
        }
      }
    }
    return StatementKind.SELECT;
  }

  /** {@code CREATE [OR REPLACE] TEMPORARY TABLE} (MariaDB has OR REPLACE). */
  private static StatementKind create(StatementTokens st, Set<StatementFlag> flags) {
    int i = st.is(1, "OR") && st.is(2, "REPLACE") ? 3 : 1;
    if (st.is(i, "TEMPORARY")) {
      flags.add(StatementFlag.CREATES_TEMPORARY_TABLE);
    }
    return StatementKind.DDL;
  }

  private static StatementKind drop(StatementTokens st, Set<StatementFlag> flags) {
    if (st.is(1, "PREPARE")) {
      return StatementKind.DEALLOCATE; // DROP PREPARE is a synonym of DEALLOCATE PREPARE
    }
    if (st.is(1, "TEMPORARY")) {
      flags.add(StatementFlag.DROPS_TEMPORARY_TABLE);
    }
    return StatementKind.DDL;
  }

  /** {@code START TRANSACTION [WITH CONSISTENT SNAPSHOT] [, READ ONLY | READ WRITE]}. */
  private static StatementKind startTransaction(StatementTokens st, Set<StatementFlag> flags) {
    if (!st.is(1, "TRANSACTION")) {
      return StatementKind.OTHER; // START REPLICA, START SLAVE, START GROUP_REPLICATION
    }
    for (int i = 2; i < st.size(); i++) {
      if (st.is(i, "READ") && st.is(i + 1, "ONLY")) {
        flags.add(StatementFlag.READ_ONLY_TRANSACTION);
      }
    }
    return StatementKind.BEGIN;
  }

  private static StatementKind xa(StatementTokens st) {
    if (st.is(1, "START") || st.is(1, "BEGIN")) {
      return StatementKind.BEGIN;
    }
    if (st.is(1, "COMMIT")) {
      return StatementKind.COMMIT;
    }
    return st.is(1, "ROLLBACK") ? StatementKind.ROLLBACK : StatementKind.OTHER;
  }

  /** {@code ROLLBACK [WORK] TO [SAVEPOINT] name}. */
  private static boolean isRollbackToSavepoint(StatementTokens st) {
    return st.is(1, "TO") || (st.is(1, "WORK") && st.is(2, "TO"));
  }

  private static StatementKind show(StatementTokens st, Set<StatementFlag> flags) {
    if (SchemaShows.showsSchema(st)) {
      flags.add(StatementFlag.SHOWS_SCHEMA);
    }
    return StatementKind.SHOW;
  }

  /**
   * {@code DESCRIBE t} is a SHOW of the table's columns; so is {@code EXPLAIN t}, which stays an
   * EXPLAIN as the explaining forms are. Only the plan of a SELECT is as good from a replica.
   */
  private static StatementKind explain(
      StatementTokens st, Leading leading, Set<StatementFlag> flags) {
    if (!isExplainable(st)) {
      flags.add(StatementFlag.SHOWS_SCHEMA);
      return leading == Leading.EXPLAIN ? StatementKind.EXPLAIN : StatementKind.SHOW;
    }
    if (explainsSelect(st)) {
      flags.add(StatementFlag.SHOWS_SCHEMA);
    }
    return StatementKind.EXPLAIN;
  }

  /**
   * Whether an explaining statement explains a SELECT, after {@code EXTENDED}, {@code PARTITIONS}
   * and {@code FORMAT = name}. Not {@code EXPLAIN ANALYZE}, which runs the statement, nor {@code
   * EXPLAIN FOR CONNECTION}, which explains what another connection of this server runs.
   */
  private static boolean explainsSelect(StatementTokens st) {
    int i = 1;
    while (st.is(i, "EXTENDED") || st.is(i, "PARTITIONS") || st.is(i, "FORMAT")) {
      i += st.is(i, "FORMAT") ? 3 : 1; // FORMAT = JSON
    }
    if (st.is(i, "WITH")) {
      return afterCommonTableExpressions(st, i + 1) == StatementKind.SELECT;
    }
    return st.type(i) == TokenType.LEFT_PAREN || EXPLAINABLE.get(st.get(i)) == StatementKind.SELECT;
  }

  /** {@code DESCRIBE SELECT …} explains a statement; {@code DESCRIBE t} describes a table. */
  private static boolean isExplainable(StatementTokens st) {
    return st.type(1) == TokenType.LEFT_PAREN
        || EXPLAINABLE.get(st.get(1)) != null
        || st.is(1, "EXTENDED")
        || st.is(1, "PARTITIONS");
  }

  /** {@code LOAD DATA|XML [LOW_PRIORITY|CONCURRENT] [LOCAL] INFILE}; not LOAD INDEX INTO CACHE. */
  private static StatementKind load(StatementTokens st, Set<StatementFlag> flags) {
    if (!st.is(1, "DATA") && !st.is(1, "XML")) {
      return StatementKind.OTHER;
    }
    for (int i = 2; i < st.size() && !st.is(i, "INFILE"); i++) {
      if (st.is(i, "LOCAL")) {
        flags.add(StatementFlag.LOAD_DATA_LOCAL);
      }
    }
    return StatementKind.LOAD_DATA;
  }

  private static boolean isTables(StatementTokens st) {
    return st.is(1, "TABLES") || st.is(1, "TABLE");
  }

  private static Map<String, Leading> byName() {
    Map<String, Leading> byName = new HashMap<>();
    for (Leading leading : Leading.values()) {
      byName.put(leading.name(), leading);
    }
    return byName;
  }
}
