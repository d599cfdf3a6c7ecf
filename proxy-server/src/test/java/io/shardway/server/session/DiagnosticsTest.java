package io.shardway.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.protocol.ErrPacket;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
  @Test
  void recognisesStatementsThatReadTheDiagnosticsArea() {
    for (String sql :
        new String[] {
          "SHOW WARNINGS",
          "  show errors limit 1",
          "SHOW COUNT(*) WARNINGS",
          "SELECT @@warning_count",
          "select @@session.error_count, 1",
          "GET DIAGNOSTICS @n = NUMBER",
          "GET CURRENT DIAGNOSTICS CONDITION 1 @m = MESSAGE_TEXT"
        }) {
      assertTrue(Diagnostics.reads(sql), sql);
    }
    for (String sql :
        new String[] {"SELECT 1", "SHOW TABLES", "SELECT warnings FROM t", "SHOW VARIABLES"}) {
      assertFalse(Diagnostics.reads(sql), sql);
    }
  }

  @Test
  void raisesTheErrorAgainWithItsCodeStateAndQuotedMessage() {
    ErrPacket error = new ErrPacket(1062, "23000", "Duplicate entry 'O\\'Brien' for key 'PRIMARY'");
    assertEquals(
        "SIGNAL SQLSTATE '23000' SET MYSQL_ERRNO = 1062, MESSAGE_TEXT = "
            + "'Duplicate entry ''O\\\\''Brien'' for key ''PRIMARY'''",
        Diagnostics.signal(error));
  }

  @Test
  void aMessageLongerThanSignalAllowsIsNotRaised() {
    assertNull(Diagnostics.signal(new ErrPacket(1105, "HY000", "x".repeat(129))));
  }
}
