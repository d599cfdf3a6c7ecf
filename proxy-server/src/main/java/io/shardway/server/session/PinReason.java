package io.shardway.server.session;

/**
 * Why a client session holds on to its backend connection instead of returning it to the pool after
 * each statement. Each reason is state that lives only on that server connection and that Shardway
 * cannot replay on another one.
 */
public enum PinReason {
  TRANSACTION("an open transaction"),
  TEMPORARY_TABLE("a temporary table"),
  USER_LOCK("a user lock (GET_LOCK)"),
  USER_VARIABLE("user variables (@name)"),
  UNREPLAYABLE_SET("a SET that cannot be replayed"),
  LONG_DATA("COM_STMT_SEND_LONG_DATA awaiting its COM_STMT_EXECUTE"),
  OPEN_CURSOR("an open cursor of a prepared statement (COM_STMT_FETCH)"),
  SQL_PREPARED_STATEMENT("a PREPARE ... FROM statement"),
  TABLE_LOCK("LOCK TABLES"),
  NEXT_TRANSACTION("SET TRANSACTION for the next transaction"),
  FOUND_ROWS("SQL_CALC_FOUND_ROWS awaiting FOUND_ROWS()"),
  WARNINGS("warnings of the last statement awaiting SHOW WARNINGS");

  private final String description;

  PinReason(String description) {
    this.description = description;
  }

  /** A phrase that completes "pinned by ...". */
  public String description() {
    return description;
  }

  /**
   * Whether the pin lasts for one more statement only: the state it protects is read by the
   * statement right after (FOUND_ROWS(), SHOW WARNINGS) and replaced by any other.
   */
  public boolean untilNextStatement() {
    return this == FOUND_ROWS || this == WARNINGS;
  }
}
