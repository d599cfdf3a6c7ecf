package io.shardway.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.router.SessionAssignment.Names;
import io.shardway.router.SessionAssignment.SystemVariable;
import io.shardway.router.SessionAssignment.TransactionCharacteristics;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateSynchronizerTest {
  private final ConnectionState session = new ConnectionState();
  private final ConnectionState backend = new ConnectionState();

  @Test
  void aFreshConnectionGetsTheSessionsCharacterSetAndVariables() {
    session.names("utf8mb4", "utf8mb4_bin");
    session.apply(new SystemVariable("sql_mode", "'ANSI_QUOTES'"));
    session.apply(new SystemVariable("time_zone", "'+05:00'"));

    assertFalse(StateSynchronizer.inSync(session, backend));
    assertEquals(
        List.of(
            "SET NAMES 'utf8mb4' COLLATE 'utf8mb4_bin', @@SESSION.sql_mode = 'ANSI_QUOTES',"
                + " @@SESSION.time_zone = '+05:00'"),
        StateSynchronizer.statements(session, backend));
  }

  @Test
  void variablesTheSessionDoesNotHaveGoBackToTheirDefaults() {
    session.names("utf8mb4", null);
    backend.names("utf8mb4", null);
    backend.apply(new SystemVariable("sql_mode", "'ANSI'"));

    assertEquals(
        List.of("SET @@SESSION.sql_mode = DEFAULT"),
        StateSynchronizer.statements(session, backend));
  }

  @Test
  void equalStatesNeedNothing() {
    for (ConnectionState s : List.of(session, backend)) {
      s.schema("appdb");
      s.names("latin1", "latin1_swedish_ci");
      s.apply(new SystemVariable("autocommit", "0"));
      s.lastInsertId(s == session ? 7 : 9);
    }
    assertTrue(StateSynchronizer.inSync(session, backend));
    assertEquals(List.of(), StateSynchronizer.statements(session, backend));
  }

  @Test
  void aDifferentSchemaIsNotInSync() {
    session.schema("appdb");
    backend.schema("otherdb");
    assertFalse(StateSynchronizer.inSync(session, backend));
  }

  @Test
  void setNamesReplacesEarlierCharacterSetVariables() {
    session.apply(new SystemVariable("character_set_results", "NULL"));
    session.apply(new Names("utf8mb4", null));
    assertTrue(session.variables().isEmpty());
    assertEquals("utf8mb4", session.charset());
  }

  @Test
  void transactionCharacteristicsAreReplayedAndOnlyAResetRemovesThem() {
    session.names("utf8mb4", null);
    backend.names("utf8mb4", null);
    session.apply(new TransactionCharacteristics("ISOLATION LEVEL READ COMMITTED"));
    assertEquals(
        List.of("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"),
        StateSynchronizer.statements(session, backend));
    assertFalse(StateSynchronizer.needsReset(session, backend));

    assertTrue(StateSynchronizer.needsReset(backend, session));
  }

  @Test
  void quotesInNamesAreEscaped() {
    session.names("we'ird", null);
    assertEquals(List.of("SET NAMES 'we''ird'"), StateSynchronizer.statements(session, backend));
  }
}
