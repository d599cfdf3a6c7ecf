package io.shardway.router;

import static io.shardway.router.StatementFlag.CALC_FOUND_ROWS;
import static io.shardway.router.StatementFlag.CREATES_TEMPORARY_TABLE;
import static io.shardway.router.StatementFlag.DROPS_TEMPORARY_TABLE;
import static io.shardway.router.StatementFlag.FOR_UPDATE;
import static io.shardway.router.StatementFlag.FOUND_ROWS;
import static io.shardway.router.StatementFlag.LAST_INSERT_ID;
import static io.shardway.router.StatementFlag.LOAD_DATA_LOCAL;
import static io.shardway.router.StatementFlag.LOCK_IN_SHARE_MODE;
import static io.shardway.router.StatementFlag.MULTIPLE_STATEMENTS;
import static io.shardway.router.StatementFlag.NON_DETERMINISTIC;
import static io.shardway.router.StatementFlag.READS_SERVER_ROLE;
import static io.shardway.router.StatementFlag.READS_USER_VARIABLE;
import static io.shardway.router.StatementFlag.READ_ONLY_TRANSACTION;
import static io.shardway.router.StatementFlag.ROW_COUNT;
import static io.shardway.router.StatementFlag.SEQUENCE;
import static io.shardway.router.StatementFlag.SET_GLOBAL;
import static io.shardway.router.StatementFlag.SET_NEXT_TRANSACTION;
import static io.shardway.router.StatementFlag.SHOWS_SCHEMA;
import static io.shardway.router.StatementFlag.SQL_SECURITY_STATE;
import static io.shardway.router.StatementFlag.USER_LOCK;
import static io.shardway.router.StatementFlag.WRITES_FILE;
import static io.shardway.router.StatementFlag.WRITES_USER_VARIABLE;
import static io.shardway.router.StatementKind.BEGIN;
import static io.shardway.router.StatementKind.CALL;
import static io.shardway.router.StatementKind.COMMIT;
import static io.shardway.router.StatementKind.DDL;
import static io.shardway.router.StatementKind.DEALLOCATE;
import static io.shardway.router.StatementKind.DELETE;
import static io.shardway.router.StatementKind.DO;
import static io.shardway.router.StatementKind.EMPTY;
import static io.shardway.router.StatementKind.EXECUTE;
import static io.shardway.router.StatementKind.EXPLAIN;
import static io.shardway.router.StatementKind.INSERT;
import static io.shardway.router.StatementKind.LOAD_DATA;
import static io.shardway.router.StatementKind.LOCK_TABLES;
import static io.shardway.router.StatementKind.OTHER;
import static io.shardway.router.StatementKind.PREPARE;
import static io.shardway.router.StatementKind.REPLACE;
import static io.shardway.router.StatementKind.ROLLBACK;
import static io.shardway.router.StatementKind.SAVEPOINT;
import static io.shardway.router.StatementKind.SELECT;
import static io.shardway.router.StatementKind.SET;
import static io.shardway.router.StatementKind.SHOW;
import static io.shardway.router.StatementKind.UNLOCK_TABLES;
import static io.shardway.router.StatementKind.UPDATE;
import static io.shardway.router.StatementKind.USE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.router.SessionAssignment.ComputedVariable;
import io.shardway.router.SessionAssignment.Names;
import io.shardway.router.SessionAssignment.SystemVariable;
import io.shardway.router.SessionAssignment.TransactionCharacteristics;
import io.shardway.router.SessionAssignment.Unreplayable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StatementClassifierTest {

  /**
   * One row of the table: the text and everything {@link StatementClassifier#classify} must say,
   * exactly; flags and assignments not listed must be absent.
   */
  record Case(String sql, StatementInfo expected) {
    @Override
    public String toString() {
      return "[" + sql + "]";
    }
  }

  /**
   * A row; {@code expectations} are {@link StatementFlag}s, {@link SessionAssignment}s, the {@link
   * Hints} when there are any and, for texts that do not hold exactly one statement, the statement
   * count as an Integer.
   */
  private static Case row(String sql, StatementKind kind, Object... expectations) {
    Set<StatementFlag> flags = EnumSet.noneOf(StatementFlag.class);
    List<SessionAssignment> assignments = new ArrayList<>();
    int count = kind == EMPTY ? 0 : 1;
    Hints hints = Hints.NONE;
    for (Object expectation : expectations) {
      if (expectation instanceof StatementFlag flag) {
        flags.add(flag);
      } else if (expectation instanceof SessionAssignment assignment) {
        assignments.add(assignment);
      } else if (expectation instanceof Hints given) {
        hints = given;
      } else {
        count = (Integer) expectation;
      }
    }
    return new Case(sql, new StatementInfo(kind, flags, assignments, count, hints));
  }

  private static SystemVariable sys(String name, String value) {
    return new SystemVariable(name, value);
  }

  private static ComputedVariable computed(String name) {
    return new ComputedVariable(name);
  }

  private static Unreplayable unreplayable(String reason) {
    return new Unreplayable(reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"kinds", "flags", "sessionAssignments", "multipleStatements"})
  void classifies(Case row) {
    assertEquals(row.expected(), StatementClassifier.classify(row.sql()));
  }

  static Stream<Case> kinds() {
    return Stream.of(
        row("SELECT 1", SELECT),
        row("select * from t where id = ?", SELECT),
        row(
            "  /* shardway:primary */ SELECT id FROM users",
            SELECT,
            new Hints(RouteHint.PRIMARY, false, null)),
        row("-- leading comment\nSELECT 1", SELECT),
        row("(SELECT 1) UNION (SELECT 2)", SELECT),
        row("((SELECT a FROM t)) ORDER BY a", SELECT),
        row("WITH c AS (SELECT 1 AS n) SELECT * FROM c", SELECT),
        row(
            "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5)"
                + " SELECT * FROM c",
            SELECT),
        row("WITH c AS (SELECT id FROM t) UPDATE t JOIN c USING (id) SET t.x = 1", UPDATE),
        row("WITH c AS (SELECT id FROM t) DELETE FROM t WHERE id IN (SELECT id FROM c)", DELETE),
        row("VALUES ROW(1, 2), ROW(3, 4)", SELECT),
        row("TABLE t ORDER BY a LIMIT 1", SELECT),
        row("INSERT INTO t (a, b) VALUES (1, 'x')", INSERT),
        row("insert ignore into t select * from u", INSERT),
        row("INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = VALUES(a)", INSERT),
        row("UPDATE t SET a = a + 1 WHERE id = 2", UPDATE),
        row("DELETE FROM t WHERE id = 1", DELETE),
        row("REPLACE INTO t VALUES (1)", REPLACE),
        row("CREATE TABLE t (id INT PRIMARY KEY, created TIMESTAMP)", DDL),
        row("ALTER TABLE t ADD COLUMN c INT", DDL),
        row("DROP TABLE IF EXISTS t", DDL),
        row("TRUNCATE TABLE t", DDL),
        row("RENAME TABLE a TO b", DDL),
        row("CREATE INDEX i ON t (a)", DDL),
        row("BEGIN", BEGIN),
        row("begin work", BEGIN),
        row("START TRANSACTION", BEGIN),
        row("START TRANSACTION WITH CONSISTENT SNAPSHOT", BEGIN),
        row("START TRANSACTION READ WRITE", BEGIN),
        row("XA START 'xid-1'", BEGIN),
        row("START REPLICA", OTHER),
        row("COMMIT", COMMIT),
        row("COMMIT WORK AND NO CHAIN", COMMIT),
        row("XA COMMIT 'xid-1'", COMMIT),
        row("XA END 'xid-1'", OTHER),
        row("ROLLBACK", ROLLBACK),
        row("ROLLBACK WORK", ROLLBACK),
        row("XA ROLLBACK 'xid-1'", ROLLBACK),
        row("ROLLBACK TO SAVEPOINT sp1", SAVEPOINT),
        row("ROLLBACK WORK TO sp1", SAVEPOINT),
        row("SAVEPOINT sp1", SAVEPOINT),
        row("RELEASE SAVEPOINT sp1", SAVEPOINT),
        row("USE appdb", USE),
        row("USE `app db`", USE),
        row("SHOW TABLES", SHOW, SHOWS_SCHEMA),
        row("show full processlist", SHOW),
        row("SHOW VARIABLES LIKE 'sql_mode'", SHOW),
        row("DESCRIBE t", SHOW, SHOWS_SCHEMA),
        row("DESC t", SHOW, SHOWS_SCHEMA),
        row("EXPLAIN t", EXPLAIN, SHOWS_SCHEMA),
        row("EXPLAIN SELECT * FROM t", EXPLAIN, SHOWS_SCHEMA),
        row("EXPLAIN FORMAT=JSON DELETE FROM t", EXPLAIN),
        row("DESCRIBE SELECT 1", EXPLAIN, SHOWS_SCHEMA),
        row("EXPLAIN ANALYZE SELECT 1", EXPLAIN),
        row("ANALYZE SELECT * FROM t", EXPLAIN),
        row("ANALYZE TABLE t", OTHER),
        row("LOAD DATA INFILE '/tmp/x.csv' INTO TABLE t", LOAD_DATA),
        row("LOAD XML LOCAL INFILE 'x.xml' INTO TABLE t", LOAD_DATA, LOAD_DATA_LOCAL),
        row("LOAD INDEX INTO CACHE t", OTHER),
        row("CALL p(1, 'x')", CALL),
        row("DO 1 + 1", DO),
        row("LOCK TABLES t READ, u WRITE", LOCK_TABLES),
        row("LOCK TABLE t WRITE", LOCK_TABLES),
        row("LOCK INSTANCE FOR BACKUP", OTHER),
        row("UNLOCK TABLES", UNLOCK_TABLES),
        row("PREPARE s FROM 'SELECT ?'", PREPARE),
        row("EXECUTE s", EXECUTE),
        row("DEALLOCATE PREPARE s", DEALLOCATE),
        row("DROP PREPARE s", DEALLOCATE),
        row("FLUSH TABLES", OTHER),
        row("KILL QUERY 42", OTHER),
        row("HANDLER t OPEN", OTHER),
        row("GRANT SELECT ON db.* TO 'app'@'%'", OTHER),
        row("CREATE USER app@localhost IDENTIFIED BY 'x'", DDL),
        row("", EMPTY),
        row("   \n\t ", EMPTY),
        row(" ; ;; /* only a comment */ -- and another", EMPTY),
        row("SELECT 'unterminated", SELECT),
        row("/*!40101 SELECT 1 */", SELECT),
        row("/*!40101 SET NAMES utf8mb4 */", SET, new Names("utf8mb4", null)),
        row("/* plain comment: DELETE FROM t */ SHOW TABLES", SHOW, SHOWS_SCHEMA));
  }

  static Stream<Case> flags() {
    return Stream.of(
        // Keywords in strings, comments and quoted names never count.
        row("SELECT 'GET_LOCK(', \"NOW()\", 'FOR UPDATE'", SELECT),
        row("SELECT 1 /* GET_LOCK('x', 1) */ -- FOR UPDATE", SELECT),
        row("SELECT 1 # LAST_INSERT_ID()", SELECT),
        row("SELECT `now`, `rand`() FROM t", SELECT),
        row("SELECT now, uuid FROM t WHERE rand > 1", SELECT),
        row("SELECT t.now, t.current_timestamp FROM t", SELECT),
        row("SELECT db.uuid(1)", SELECT),
        row("INSERT INTO uuid (a) VALUES (1)", INSERT),
        row("CREATE TABLE IF NOT EXISTS rand (now INT)", DDL),
        row("SELECT * FROM t WHERE c = '@a' AND d = \"@@identity\"", SELECT),
        // Non-deterministic functions.
        row("SELECT NOW()", SELECT, NON_DETERMINISTIC),
        row("SELECT now ( )", SELECT, NON_DETERMINISTIC),
        row("SELECT * FROM t WHERE created < CURRENT_TIMESTAMP", SELECT, NON_DETERMINISTIC),
        row("SELECT CURRENT_DATE(), UTC_TIMESTAMP", SELECT, NON_DETERMINISTIC),
        row("SELECT RAND(), UUID()", SELECT, NON_DETERMINISTIC),
        row("SELECT UUID_SHORT(), CONNECTION_ID()", SELECT, NON_DETERMINISTIC),
        row("SELECT SYSDATE(), CURDATE(), CURTIME()", SELECT, NON_DETERMINISTIC),
        row("SELECT UNIX_TIMESTAMP()", SELECT, NON_DETERMINISTIC),
        row("SELECT UNIX_TIMESTAMP('2020-01-01')", SELECT),
        row("SELECT CURRENT_USER", SELECT, NON_DETERMINISTIC),
        row("UPDATE t SET touched = NOW() WHERE id = 1", UPDATE, NON_DETERMINISTIC),
        row("CREATE TABLE t (ts TIMESTAMP DEFAULT CURRENT_TIMESTAMP)", DDL, NON_DETERMINISTIC),
        // User locks.
        row("SELECT GET_LOCK('job', 10)", SELECT, USER_LOCK),
        row("select release_lock('job')", SELECT, USER_LOCK),
        row("SELECT IS_FREE_LOCK('a'), IS_USED_LOCK('b')", SELECT, USER_LOCK),
        row("DO RELEASE_ALL_LOCKS()", DO, USER_LOCK),
        // Connection-bound results.
        row("SELECT LAST_INSERT_ID()", SELECT, LAST_INSERT_ID),
        row("SELECT @@identity", SELECT, LAST_INSERT_ID),
        row("SELECT @@session.last_insert_id", SELECT, LAST_INSERT_ID),
        row("INSERT INTO log (id) SELECT LAST_INSERT_ID()", INSERT, LAST_INSERT_ID),
        row("SELECT SQL_CALC_FOUND_ROWS * FROM t LIMIT 10", SELECT, CALC_FOUND_ROWS),
        row("SELECT FOUND_ROWS()", SELECT, FOUND_ROWS),
        row("SELECT ROW_COUNT()", SELECT, ROW_COUNT),
        // Locking reads.
        row("SELECT * FROM t WHERE id = 1 FOR UPDATE", SELECT, FOR_UPDATE),
        row("SELECT * FROM t FOR UPDATE OF t SKIP LOCKED", SELECT, FOR_UPDATE),
        row("SELECT * FROM t LOCK IN SHARE MODE", SELECT, LOCK_IN_SHARE_MODE),
        row("SELECT * FROM t FOR SHARE NOWAIT", SELECT, LOCK_IN_SHARE_MODE),
        row("SELECT 1 /*!50000 FOR UPDATE */", SELECT, FOR_UPDATE),
        row("CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW SET NEW.a = 1", DDL),
        // Sequences.
        row("SELECT NEXTVAL(s)", SELECT, SEQUENCE),
        row("SELECT NEXT VALUE FOR s", SELECT, SEQUENCE),
        row("SELECT PREVIOUS VALUE FOR s", SELECT, SEQUENCE),
        row("SELECT SETVAL(s, 100), LASTVAL(s)", SELECT, SEQUENCE),
        // Temporary tables and LOAD DATA LOCAL.
        row("CREATE TEMPORARY TABLE tmp (id INT)", DDL, CREATES_TEMPORARY_TABLE),
        row("CREATE OR REPLACE TEMPORARY TABLE tmp AS SELECT 1", DDL, CREATES_TEMPORARY_TABLE),
        row("create temporary table if not exists tmp like t", DDL, CREATES_TEMPORARY_TABLE),
        row("DROP TEMPORARY TABLE IF EXISTS tmp", DDL, DROPS_TEMPORARY_TABLE),
        row("LOAD DATA LOCAL INFILE 'x.csv' INTO TABLE t", LOAD_DATA, LOAD_DATA_LOCAL),
        row(
            "LOAD DATA LOW_PRIORITY LOCAL INFILE 'x' REPLACE INTO TABLE t",
            LOAD_DATA,
            LOAD_DATA_LOCAL),
        row(
            "LOAD DATA LOCAL INFILE 'x' INTO TABLE t CHARACTER SET utf8mb4 (a, @b) SET c = @b + 1",
            LOAD_DATA,
            LOAD_DATA_LOCAL,
            WRITES_USER_VARIABLE,
            READS_USER_VARIABLE),
        // Transactions.
        row("START TRANSACTION READ ONLY", BEGIN, READ_ONLY_TRANSACTION),
        row("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY", BEGIN, READ_ONLY_TRANSACTION),
        // User variables.
        row("SELECT @a", SELECT, READS_USER_VARIABLE),
        row("SELECT @`odd name`, @'q' FROM t", SELECT, READS_USER_VARIABLE),
        row("SELECT @a := 1", SELECT, WRITES_USER_VARIABLE),
        row(
            "SELECT @row := @row + 1 AS n FROM t",
            SELECT,
            WRITES_USER_VARIABLE,
            READS_USER_VARIABLE),
        row("SELECT * FROM t WHERE a = @a", SELECT, READS_USER_VARIABLE),
        row("SELECT id INTO @x FROM t LIMIT 1", SELECT, WRITES_USER_VARIABLE),
        row("SELECT a, b FROM t LIMIT 1 INTO @x, @y", SELECT, WRITES_USER_VARIABLE),
        row("SELECT @a, @b INTO @c", SELECT, WRITES_USER_VARIABLE, READS_USER_VARIABLE),
        row("UPDATE t SET a = (@n := @n + 1)", UPDATE, WRITES_USER_VARIABLE, READS_USER_VARIABLE),
        row("PREPARE s FROM @sql", PREPARE, READS_USER_VARIABLE),
        row("EXECUTE s USING @a, @b", EXECUTE, READS_USER_VARIABLE),
        row("CALL p(@out)", CALL, WRITES_USER_VARIABLE, READS_USER_VARIABLE),
        row("CALL p(@a + 1)", CALL, READS_USER_VARIABLE),
        row("DO GET_LOCK(@name, 0)", DO, USER_LOCK, READS_USER_VARIABLE),
        // Files the server writes.
        row("SELECT 1 INTO OUTFILE '/tmp/x'", SELECT, WRITES_FILE),
        row("select a into dumpfile '/tmp/y' from t limit 1", SELECT, WRITES_FILE),
        row("TABLE t INTO OUTFILE '/tmp/z' FIELDS TERMINATED BY ','", SELECT, WRITES_FILE),
        row("SELECT @@global.read_only", SELECT, READS_SERVER_ROLE),
        row("SELECT outfile, dumpfile FROM t WHERE a = 'INTO OUTFILE'", SELECT),
        // Account names are not user variables.
        row("GRANT SELECT ON db.* TO app@'10.0.0.%'", OTHER),
        row("SHOW GRANTS FOR `app`@`%`", SHOW),
        row("SET@a=1", SET, WRITES_USER_VARIABLE),
        row("SELECT 1 INTO@a", SELECT, WRITES_USER_VARIABLE),
        row("CREATE DEFINER = 'root'@'localhost' VIEW v AS SELECT 1", DDL),
        // Stored program definitions: their bodies do not run now.
        row(
            "CREATE PROCEDURE p() BEGIN SET @x = NOW(); SELECT GET_LOCK('a', 1) FOR UPDATE; END",
            DDL),
        row(
            "CREATE DEFINER=`root`@`localhost` FUNCTION f(x INT) RETURNS INT DETERMINISTIC\n"
                + "BEGIN\n  DECLARE y INT;\n  IF x > 0 THEN SET y = 1; ELSE SET y = 2; END IF;\n"
                + "  CASE y WHEN 1 THEN SET y = 3; ELSE BEGIN END; END CASE;\n"
                + "  lbl: LOOP LEAVE lbl; END LOOP lbl;\n"
                + "  WHILE y < 10 DO SET y = y + 1; END WHILE;\n"
                + "  RETURN IF(y > 5, y, REPEAT('a', 2));\nEND",
            DDL),
        row(
            "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN"
                + " DROP TEMPORARY TABLE IF EXISTS x; INSERT INTO log VALUES (NEW.id); END",
            DDL),
        row(
            "BEGIN NOT ATOMIC SET @x = 1; SELECT GET_LOCK('a', 1); END",
            OTHER,
            WRITES_USER_VARIABLE,
            USER_LOCK,
            unreplayable("BEGIN NOT ATOMIC block may change session state")));
  }

  static Stream<Case> sessionAssignments() {
    return Stream.of(
        row("SET autocommit = 0", SET, sys("autocommit", "0")),
        row("set AUTOCOMMIT=1", SET, sys("autocommit", "1")),
        row(
            "SET SESSION sql_mode = 'STRICT_TRANS_TABLES'",
            SET,
            sys("sql_mode", "'STRICT_TRANS_TABLES'")),
        row("SET @@session.time_zone = '+00:00'", SET, sys("time_zone", "'+00:00'")),
        row("SET @@SQL_SELECT_LIMIT = 100", SET, sys("sql_select_limit", "100")),
        row("SET LOCAL wait_timeout = 60", SET, sys("wait_timeout", "60")),
        row("set @@local.net_read_timeout:=30", SET, sys("net_read_timeout", "30")),
        row("SET @@SESSION.`sql_mode` = \"ANSI\"", SET, sys("sql_mode", "\"ANSI\"")),
        row("SET `Sql_Mode` = TRADITIONAL", SET, sys("sql_mode", "TRADITIONAL")),
        row("SET sql_mode = DEFAULT", SET, sys("sql_mode", null)),
        row("SET sql_log_bin = OFF", SET, sys("sql_log_bin", "OFF")),
        row("SET max_join_size = -1", SET, sys("max_join_size", "-1")),
        row("SET timestamp = 1700000000.5", SET, sys("timestamp", "1700000000.5")),
        row("SET max_execution_time = 0x10", SET, sys("max_execution_time", "0x10")),
        row("SET character_set_results = NULL", SET, sys("character_set_results", "NULL")),
        row("SET sql_mode = _latin1'ANSI'", SET, sys("sql_mode", "_latin1'ANSI'")),
        row("SET default.key_buffer_size = 1024", SET, sys("default.key_buffer_size", "1024")),
        row(
            "SET sql_mode = 'ANSI', time_zone = 'UTC', NAMES latin1",
            SET,
            sys("sql_mode", "'ANSI'"),
            sys("time_zone", "'UTC'"),
            new Names("latin1", null)),
        row(
            "SET SESSION transaction_isolation = 'READ-COMMITTED'",
            SET,
            sys("transaction_isolation", "'READ-COMMITTED'")),
        // User variables are flags, not session assignments.
        row("SET @a = 1", SET, WRITES_USER_VARIABLE),
        row("SET @a = @b + 1", SET, WRITES_USER_VARIABLE, READS_USER_VARIABLE),
        row("SET @a := 1, @b = 2", SET, WRITES_USER_VARIABLE),
        row("SET @a = 1, sql_mode = 'X'", SET, WRITES_USER_VARIABLE, sys("sql_mode", "'X'")),
        row("/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE */", SET, WRITES_USER_VARIABLE),
        // Values that are expressions are read back from the server after the SET.
        row("SET sql_mode = CONCAT(@@sql_mode, ',STRICT_ALL_TABLES')", SET, computed("sql_mode")),
        row("SET sql_mode = @@global.sql_mode", SET, computed("sql_mode")),
        row("SET sql_select_limit = (SELECT 1)", SET, computed("sql_select_limit")),
        row("SET sql_mode = @saved_mode", SET, READS_USER_VARIABLE, computed("sql_mode")),
        row("SET wait_timeout = ?", SET, computed("wait_timeout")),
        row(
            "SET @@session.timestamp = UNIX_TIMESTAMP()",
            SET,
            NON_DETERMINISTIC,
            computed("timestamp")),
        row(
            "SET sql_mode = 'A', sql_safe_updates = 1 + 0, time_zone = SYSTEM",
            SET,
            sys("sql_mode", "'A'"),
            computed("sql_safe_updates"),
            sys("time_zone", "SYSTEM")),
        row(
            "SET insert_id = 10",
            SET,
            unreplayable("SET insert_id applies to the next statement only")),
        // Global and persisted variables are not session state.
        row("SET GLOBAL max_connections = 100", SET, SET_GLOBAL),
        row("SET @@global.max_connections = 100", SET, SET_GLOBAL),
        row("SET PERSIST max_connections = 100", SET, SET_GLOBAL),
        row("SET @@persist_only.innodb_log_file_size = 1", SET, SET_GLOBAL),
        row("SET GLOBAL a = 1, b = 2", SET, SET_GLOBAL),
        row(
            "SET GLOBAL a = 1, SESSION b = 2, c = 3",
            SET,
            SET_GLOBAL,
            sys("b", "2"),
            sys("c", "3")),
        // Character sets.
        row("SET NAMES utf8mb4", SET, new Names("utf8mb4", null)),
        row(
            "SET NAMES 'UTF8MB4' COLLATE 'utf8mb4_unicode_ci'",
            SET,
            new Names("utf8mb4", "utf8mb4_unicode_ci")),
        row("SET NAMES utf8mb4 COLLATE DEFAULT", SET, new Names("utf8mb4", null)),
        row(
            "SET NAMES DEFAULT",
            SET,
            computed("character_set_client"),
            computed("character_set_connection"),
            computed("character_set_results"),
            computed("collation_connection")),
        row(
            "SET CHARACTER SET latin1",
            SET,
            computed("character_set_client"),
            computed("character_set_connection"),
            computed("character_set_results"),
            computed("collation_connection")),
        row(
            "SET CHARSET DEFAULT",
            SET,
            computed("character_set_client"),
            computed("character_set_connection"),
            computed("character_set_results"),
            computed("collation_connection")),
        row(
            "SET NAMES utf8mb4, autocommit = 1",
            SET,
            new Names("utf8mb4", null),
            sys("autocommit", "1")),
        // Transaction characteristics.
        row(
            "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED",
            SET,
            new TransactionCharacteristics("ISOLATION LEVEL READ COMMITTED")),
        row("set session transaction read only", SET, new TransactionCharacteristics("READ ONLY")),
        row(
            "SET LOCAL TRANSACTION ISOLATION LEVEL SERIALIZABLE , READ WRITE",
            SET,
            new TransactionCharacteristics("ISOLATION LEVEL SERIALIZABLE, READ WRITE")),
        row("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", SET, SET_NEXT_TRANSACTION),
        row("SET TRANSACTION READ ONLY", SET, SET_NEXT_TRANSACTION),
        row("SET GLOBAL TRANSACTION READ ONLY", SET, SET_GLOBAL),
        row("SET @@transaction_isolation = 'READ-COMMITTED'", SET, SET_NEXT_TRANSACTION),
        row("SET @@tx_read_only = 1", SET, SET_NEXT_TRANSACTION),
        // Forms the proxy cannot replay.
        row(
            "SET STATEMENT max_statement_time = 10 FOR SELECT * FROM t",
            SET,
            unreplayable("SET STATEMENT … FOR sets variables for one statement only")),
        row(
            "SET STATEMENT sort_buffer_size = 100000 FOR UPDATE t SET a = 1",
            SET,
            unreplayable("SET STATEMENT … FOR sets variables for one statement only")),
        row(
            "SET PASSWORD = 'secret'",
            SET,
            SQL_SECURITY_STATE,
            unreplayable("SET PASSWORD changes an account's password")),
        row(
            "SET PASSWORD FOR 'app'@'%' = 'x'",
            SET, SQL_SECURITY_STATE, unreplayable("SET PASSWORD changes an account's password")),
        row(
            "SET ROLE ALL",
            SET,
            SQL_SECURITY_STATE,
            unreplayable("SET ROLE changes the session's active roles")),
        row(
            "SET DEFAULT ROLE r1 TO 'app'@'%'",
            SET,
            SQL_SECURITY_STATE,
            unreplayable("SET DEFAULT ROLE changes an account's default roles")),
        row(
            "SET RESOURCE GROUP batch",
            SET,
            unreplayable("SET RESOURCE GROUP assigns the session's thread")),
        row("SET sql_mode 'x'", SET, unreplayable("SET statement not understood near ''x''")),
        row("SET", SET, unreplayable("SET statement not understood at its end")),
        row("SET x =", SET, unreplayable("SET statement not understood at its end")));
  }

  static Stream<Case> multipleStatements() {
    return Stream.of(
        row("SELECT 1;", SELECT),
        row("SELECT 1; -- done", SELECT),
        row("SELECT 1; SELECT 2", SELECT, MULTIPLE_STATEMENTS, 2),
        row("SELECT ';'; SELECT 2;;", SELECT, MULTIPLE_STATEMENTS, 2),
        row(
            "SELECT SQL_CALC_FOUND_ROWS * FROM t LIMIT 10; SELECT FOUND_ROWS()",
            SELECT,
            CALC_FOUND_ROWS,
            FOUND_ROWS,
            MULTIPLE_STATEMENTS,
            2),
        row(
            "SET NAMES utf8mb4; SELECT GET_LOCK('x', 1); SET autocommit = 0",
            SET,
            USER_LOCK,
            MULTIPLE_STATEMENTS,
            new Names("utf8mb4", null),
            sys("autocommit", "0"),
            3),
        row(
            "INSERT INTO t VALUES (1); SELECT LAST_INSERT_ID()",
            INSERT,
            LAST_INSERT_ID,
            MULTIPLE_STATEMENTS,
            2),
        row(
            "CREATE PROCEDURE p() BEGIN IF 1 THEN SELECT 1; END IF; END; CALL p()",
            DDL,
            MULTIPLE_STATEMENTS,
            2),
        row("CREATE PROCEDURE p() SELECT 1; SELECT 2", DDL, MULTIPLE_STATEMENTS, 2));
  }

  @Test
  void tableCoversEveryKindAndFlag() {
    Set<StatementKind> kinds = EnumSet.noneOf(StatementKind.class);
    Set<StatementFlag> flags = EnumSet.noneOf(StatementFlag.class);
    Set<Class<?>> assignmentTypes = new java.util.HashSet<>();
    long rows =
        Stream.of(kinds(), flags(), sessionAssignments(), multipleStatements())
            .flatMap(s -> s)
            .peek(
                row -> {
                  kinds.add(row.expected().kind());
                  flags.addAll(row.expected().flags());
                  row.expected().assignments().forEach(a -> assignmentTypes.add(a.getClass()));
                })
            .count();
    assertEquals(EnumSet.allOf(StatementKind.class), kinds);
    assertEquals(EnumSet.allOf(StatementFlag.class), flags);
    assertEquals(SessionAssignment.class.getPermittedSubclasses().length, assignmentTypes.size());
    assertTrue(rows >= 80, "rows: " + rows);
  }

  @Test
  void infoIsImmutableAndAnswersHas() {
    StatementInfo info = StatementClassifier.classify("SELECT NOW() FOR UPDATE");
    assertTrue(info.has(NON_DETERMINISTIC));
    assertTrue(info.has(FOR_UPDATE));
    assertFalse(info.has(USER_LOCK));
    assertThrows(UnsupportedOperationException.class, () -> info.flags().add(USER_LOCK));
    assertThrows(UnsupportedOperationException.class, () -> info.assignments().add(null));
  }

  @Test
  void infoCopiesWhatItIsGiven() {
    Set<StatementFlag> flags = EnumSet.of(USER_LOCK);
    StatementInfo info = new StatementInfo(SELECT, flags, List.of(), 1);
    flags.add(FOR_UPDATE);
    assertEquals(Set.of(USER_LOCK), info.flags());
  }

  @Test
  void infoWithoutHintsHasNone() {
    assertSame(Hints.NONE, new StatementInfo(SELECT, Set.of(), List.of(), 1).hints());
    assertThrows(
        NullPointerException.class, () -> new StatementInfo(SELECT, Set.of(), List.of(), 1, null));
  }

  @Test
  void rejectsNull() {
    assertThrows(NullPointerException.class, () -> StatementClassifier.classify(null));
  }
}
