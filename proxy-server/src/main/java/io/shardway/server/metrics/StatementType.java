package io.shardway.server.metrics;

import io.shardway.router.StatementKind;
import java.util.Locale;

/** What a statement does, coarser than {@link StatementKind}: the {@code type} label. */
public enum StatementType {
  /** SELECT, SHOW, DESCRIBE and EXPLAIN. */
  READ,
  /** INSERT, UPDATE, DELETE, REPLACE, LOAD DATA, and CALL, which runs where writes do. */
  WRITE,
  /** CREATE, ALTER, DROP, TRUNCATE, RENAME. */
  DDL,
  /** MySQL's transactional and locking statements: BEGIN, COMMIT, ROLLBACK, SAVEPOINT, LOCK. */
  TRANSACTION,
  /** SET, USE, and the SQL-level PREPARE, EXECUTE and DEALLOCATE. */
  SESSION,
  /** Statements Shardway answers itself, such as SHOW SHARDWAY BACKENDS. */
  ADMIN,
  /** Anything else: GRANT, FLUSH, KILL, DO, empty statements. */
  OTHER;

  private final String label = name().toLowerCase(Locale.ROOT);

  String label() {
    return label;
  }

  /** The type of a statement of {@code kind} that goes to a backend. */
  static StatementType of(StatementKind kind) {
    return switch (kind) {
      case SELECT, SHOW, EXPLAIN -> READ;
      case INSERT, UPDATE, DELETE, REPLACE, LOAD_DATA, CALL -> WRITE;
      case DDL -> DDL;
      case BEGIN, COMMIT, ROLLBACK, SAVEPOINT, LOCK_TABLES, UNLOCK_TABLES -> TRANSACTION;
      case SET, USE, PREPARE, EXECUTE, DEALLOCATE -> SESSION;
      case DO, OTHER, EMPTY -> OTHER;
    };
  }
}
