package io.shardway.router;

/**
 * A property of a statement that matters for where it may run and whether its session can move to
 * another pooled backend connection. Flags are found from tokens, never inside strings, comments or
 * quoted names; a function counts only when called ({@code NOW()}, not a column {@code now}),
 * except the keywords MySQL lets you write without parentheses ({@code CURRENT_TIMESTAMP}).
 */
public enum StatementFlag {
  /** Assigns a user variable: {@code SET @x = …}, {@code @x := …}, {@code SELECT … INTO @x}. */
  WRITES_USER_VARIABLE,
  /**
   * Reads a user variable anywhere else, e.g. {@code SELECT @x}, {@code EXECUTE s USING @x}. A
   * {@code CALL} argument {@code @x} counts as read and written: it may be an OUT parameter.
   */
  READS_USER_VARIABLE,
  /** {@code CREATE [OR REPLACE] TEMPORARY TABLE}: the table lives on this backend connection. */
  CREATES_TEMPORARY_TABLE,
  /**
   * {@code DROP TEMPORARY TABLE}. A plain {@code DROP TABLE} may drop a temporary table too when
   * one shadows the name; that case is not flagged.
   */
  DROPS_TEMPORARY_TABLE,
  /**
   * Calls {@code GET_LOCK}, {@code RELEASE_LOCK}, {@code RELEASE_ALL_LOCKS}, {@code IS_USED_LOCK}
   * or {@code IS_FREE_LOCK}.
   */
  USER_LOCK,
  /**
   * Calls {@code LAST_INSERT_ID()}, which reads the connection's last generated id or, with an
   * argument, sets it; also reading its synonyms {@code @@identity} and {@code @@last_insert_id}.
   */
  LAST_INSERT_ID,
  /** Calls {@code FOUND_ROWS()}, which reports on the previous statement of the connection. */
  FOUND_ROWS,
  /**
   * Uses {@code SQL_CALC_FOUND_ROWS}, so a later {@code FOUND_ROWS()} must run on this connection.
   */
  CALC_FOUND_ROWS,
  /** Calls {@code ROW_COUNT()}, which reports on the previous statement of the connection. */
  ROW_COUNT,
  /**
   * {@code LOAD DATA LOCAL} or {@code LOAD XML LOCAL}: the server will ask the client for a file.
   */
  LOAD_DATA_LOCAL,
  /**
   * {@code SELECT … INTO OUTFILE} or {@code INTO DUMPFILE}: the server writes a file on its own
   * host, so the file lands wherever the statement runs.
   */
  WRITES_FILE,
  /**
   * Reads a variable that tells a primary from a replica: {@code @@read_only},
   * {@code @@super_read_only}, {@code @@innodb_read_only}, or a GTID position
   * ({@code @@gtid_executed}, {@code @@gtid_binlog_pos}, {@code @@gtid_current_pos},
   * {@code @@gtid_slave_pos}). Drivers and failover tools ask them to learn whether they reached
   * the writable server.
   */
  READS_SERVER_ROLE,
  /** Ends with a {@code FOR UPDATE} locking read. */
  FOR_UPDATE,
  /** Ends with {@code LOCK IN SHARE MODE} or its MySQL 8 spelling {@code FOR SHARE}. */
  LOCK_IN_SHARE_MODE,
  /**
   * Uses a MariaDB sequence: {@code NEXTVAL()}, {@code LASTVAL()}, {@code SETVAL()}, {@code NEXT
   * VALUE FOR}, {@code PREVIOUS VALUE FOR}.
   */
  SEQUENCE,
  /**
   * May give a different result on the next run with the same text: time ({@code NOW()}, {@code
   * CURRENT_TIMESTAMP}, {@code SYSDATE()}, {@code UNIX_TIMESTAMP()} without argument, …),
   * randomness ({@code RAND()}, {@code UUID()}, {@code UUID_SHORT()}, …), the connection or account
   * ({@code CONNECTION_ID()}, {@code USER()}, {@code CURRENT_USER}, {@code DATABASE()}, …) or the
   * outside world ({@code SLEEP()}, {@code LOAD_FILE()}, …).
   */
  NON_DETERMINISTIC,
  /**
   * Sets a global or persisted variable ({@code SET GLOBAL}, {@code @@global.}, {@code PERSIST}).
   */
  SET_GLOBAL,
  /**
   * Sets characteristics of the next transaction only: {@code SET TRANSACTION …} without a scope,
   * or {@code SET @@transaction_isolation}/{@code @@transaction_read_only} without one, which MySQL
   * also applies to the next transaction only.
   */
  SET_NEXT_TRANSACTION,
  /** {@code START TRANSACTION READ ONLY}. */
  READ_ONLY_TRANSACTION,
  /**
   * Changes the session's security context: {@code SET ROLE}, {@code SET DEFAULT ROLE}, {@code SET
   * PASSWORD} (which also lifts MySQL's expired-password sandbox mode for the session).
   */
  SQL_SECURITY_STATE,
  /**
   * A {@code SHOW} or {@code DESCRIBE} of schema objects, which a replica has as well as its
   * primary: {@code SHOW [FULL] TABLES}, {@code [FULL] COLUMNS|FIELDS}, {@code INDEX|INDEXES|KEYS},
   * {@code TABLE STATUS}, {@code CREATE TABLE|VIEW|PROCEDURE|FUNCTION|TRIGGER}, {@code
   * DATABASES|SCHEMAS}, {@code CHARACTER SET}, {@code COLLATION}, {@code TRIGGERS}, {@code
   * PROCEDURE|FUNCTION STATUS}, {@code DESCRIBE t}, {@code EXPLAIN t}; also an {@code EXPLAIN} or
   * {@code DESCRIBE} of a {@code SELECT}, whose plan comes from those objects and their statistics.
   * Not a {@code SHOW} of the server's or the session's own state (variables, status, processes,
   * replication, grants, warnings), nor {@code EXPLAIN ANALYZE} or MariaDB's {@code ANALYZE}, which
   * run the statement.
   */
  SHOWS_SCHEMA,
  /** The text holds more than one non-empty statement separated by {@code ;}. */
  MULTIPLE_STATEMENTS
}
