package io.shardway.router;

/**
 * What a statement does, decided from its leading keywords. The proxy routes and tracks
 * transactions by it; anything it does not need to tell apart is {@link #OTHER}.
 */
public enum StatementKind {
  /**
   * {@code SELECT}, also {@code (SELECT …)}, {@code WITH … SELECT}, {@code VALUES}, {@code TABLE}.
   */
  SELECT,
  INSERT,
  /** {@code UPDATE}, also {@code WITH … UPDATE}. */
  UPDATE,
  /** {@code DELETE}, also {@code WITH … DELETE}. */
  DELETE,
  REPLACE,
  /**
   * {@code CREATE}, {@code ALTER}, {@code DROP}, {@code TRUNCATE}, {@code RENAME}, including the
   * definitions of procedures, functions, triggers and events (whose bodies are not run).
   */
  DDL,
  /** {@code BEGIN [WORK]}, {@code START TRANSACTION …}, {@code XA START}/{@code XA BEGIN}. */
  BEGIN,
  /** {@code COMMIT …}, {@code XA COMMIT}. */
  COMMIT,
  /** {@code ROLLBACK …} without {@code TO}, {@code XA ROLLBACK}. */
  ROLLBACK,
  /** {@code SET …}, of any scope and form. */
  SET,
  USE,
  /** {@code SHOW …}, and {@code DESCRIBE}/{@code DESC} of a table. */
  SHOW,
  /**
   * {@code EXPLAIN …}, {@code DESCRIBE}/{@code DESC} of a statement (MySQL treats them as
   * synonyms), and MariaDB's {@code ANALYZE SELECT …}.
   */
  EXPLAIN,
  /** {@code LOAD DATA …} and {@code LOAD XML …}. */
  LOAD_DATA,
  CALL,
  DO,
  /** {@code LOCK TABLES}/{@code LOCK TABLE}; not {@code LOCK INSTANCE FOR BACKUP}. */
  LOCK_TABLES,
  UNLOCK_TABLES,
  PREPARE,
  EXECUTE,
  /** {@code DEALLOCATE PREPARE} and its synonym {@code DROP PREPARE}. */
  DEALLOCATE,
  /** {@code SAVEPOINT}, {@code RELEASE SAVEPOINT}, {@code ROLLBACK [WORK] TO [SAVEPOINT]}. */
  SAVEPOINT,
  /**
   * Anything else: {@code GRANT}, {@code FLUSH}, {@code KILL}, {@code HANDLER}, compound blocks…
   */
  OTHER,
  /** No statement at all: empty text, only comments, only semicolons. */
  EMPTY
}
