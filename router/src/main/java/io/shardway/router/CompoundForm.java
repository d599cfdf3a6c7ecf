package io.shardway.router;

/** Whether a statement holds a compound body whose inner {@code ;} do not end the statement. */
enum CompoundForm {
  /** An ordinary statement: the first {@code ;} ends it. */
  NONE,
  /**
   * {@code CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT/PACKAGE}: the body is stored, not run, so its
   * statements have no effect on the session now.
   */
  DEFINITION,
  /** MariaDB's {@code BEGIN NOT ATOMIC … END}: a block run at once, outside any stored program. */
  BLOCK
}
