package io.shardway.router;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StatementInfo#replicaSafe()}, from statement texts as the classifier sees them. */
class ReplicaSafeTest {

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        // Plain reads.
        "SELECT 1",
        "select * from t where id = ?",
        "SELECT 1;",
        "SELECT NOW(), RAND(), UUID()",
        "SELECT a FROM t /* FOR UPDATE */ WHERE b = 'LAST_INSERT_ID()'",
        "(SELECT a FROM t) UNION (SELECT a FROM u)",
        "WITH c AS (SELECT 1 AS n) SELECT * FROM c",
        "TABLE t",
        "VALUES ROW(1, 2)",
        "/* shardway:primary */ SELECT 1",
        // Schema metadata.
        "SHOW TABLES",
        "show tables from db like 'a%'",
        "SHOW FULL TABLES",
        "SHOW EXTENDED FULL TABLES IN db WHERE Table_type = 'VIEW'",
        "SHOW COLUMNS FROM t",
        "SHOW FULL COLUMNS FROM t IN db",
        "SHOW FIELDS FROM t",
        "SHOW FULL FIELDS IN db.t",
        "SHOW EXTENDED COLUMNS FROM t",
        "SHOW INDEX FROM t",
        "SHOW INDEXES IN t",
        "SHOW KEYS FROM t WHERE Key_name = 'PRIMARY'",
        "SHOW EXTENDED INDEX FROM t",
        "SHOW TABLE STATUS",
        "SHOW TABLE STATUS FROM db LIKE 't%'",
        "SHOW CREATE TABLE t",
        "SHOW CREATE VIEW v",
        "SHOW CREATE PROCEDURE p",
        "SHOW CREATE FUNCTION f",
        "SHOW CREATE TRIGGER tr",
        "SHOW DATABASES",
        "SHOW SCHEMAS LIKE 'app%'",
        "SHOW CHARACTER SET",
        "SHOW CHARSET LIKE 'utf8%'",
        "SHOW COLLATION WHERE Charset = 'utf8mb4'",
        "SHOW TRIGGERS FROM db",
        "SHOW PROCEDURE STATUS",
        "SHOW FUNCTION STATUS WHERE Db = 'app'",
        "DESCRIBE t",
        "DESC db.t",
        "DESCRIBE t col",
        "EXPLAIN t",
        // Plans of reads.
        "EXPLAIN SELECT * FROM t",
        "EXPLAIN FORMAT=JSON SELECT 1",
        "EXPLAIN FORMAT = TREE SELECT 1",
        "EXPLAIN EXTENDED SELECT 1",
        "EXPLAIN PARTITIONS SELECT 1",
        "DESCRIBE SELECT 1",
        "DESC SELECT a FROM t",
        "EXPLAIN (SELECT 1) UNION (SELECT 2)",
        "EXPLAIN WITH c AS (SELECT 1) SELECT * FROM c",
        "EXPLAIN TABLE t"
      })
  void replicaSafe(String sql) {
    assertTrue(StatementClassifier.classify(sql).replicaSafe());
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        // Writes and schema changes.
        "INSERT INTO t VALUES (1)",
        "INSERT INTO t SELECT * FROM u",
        "UPDATE t SET a = 1",
        "DELETE FROM t",
        "REPLACE INTO t VALUES (1)",
        "WITH c AS (SELECT 1 AS id) UPDATE t JOIN c USING (id) SET t.a = 1",
        "WITH c AS (SELECT 1 AS id) DELETE FROM t WHERE id IN (SELECT id FROM c)",
        "CREATE TABLE t (id INT)",
        "CREATE TEMPORARY TABLE tmp (id INT)",
        "DROP TABLE t",
        "LOAD DATA INFILE 'x.csv' INTO TABLE t",
        "/* shardway:replica */ UPDATE t SET a = 1",
        // Session and transaction control.
        "SET NAMES utf8mb4",
        "SET @a = 1",
        "USE db",
        "BEGIN",
        "START TRANSACTION READ ONLY",
        "COMMIT",
        "ROLLBACK",
        "SAVEPOINT s",
        "LOCK TABLES t READ",
        "UNLOCK TABLES",
        "PREPARE s FROM 'SELECT 1'",
        "EXECUTE s",
        "DEALLOCATE PREPARE s",
        "CALL p()",
        "DO 1",
        "FLUSH TABLES",
        "KILL QUERY 42",
        "HANDLER t READ FIRST",
        "GRANT SELECT ON db.* TO app",
        // The server's or the session's own state.
        "SHOW VARIABLES",
        "SHOW SESSION VARIABLES LIKE 'sql_mode'",
        "SHOW GLOBAL VARIABLES",
        "SHOW STATUS",
        "SHOW GLOBAL STATUS LIKE 'Threads%'",
        "SHOW PROCESSLIST",
        "SHOW FULL PROCESSLIST",
        "SHOW WARNINGS",
        "SHOW ERRORS",
        "SHOW COUNT(*) WARNINGS",
        "SHOW MASTER STATUS",
        "SHOW BINARY LOG STATUS",
        "SHOW SLAVE STATUS",
        "SHOW REPLICA STATUS",
        "SHOW SLAVE HOSTS",
        "SHOW BINLOG EVENTS",
        "SHOW GRANTS",
        "SHOW GRANTS FOR app",
        "SHOW ENGINE INNODB STATUS",
        "SHOW ENGINES",
        "SHOW STORAGE ENGINES",
        "SHOW PLUGINS",
        "SHOW PRIVILEGES",
        "SHOW OPEN TABLES",
        "SHOW EVENTS",
        "SHOW PROFILES",
        "SHOW CREATE DATABASE db",
        "SHOW CREATE USER app",
        "SHOW CREATE EVENT e",
        "SHOW PROCEDURE CODE p",
        "SHOW TABLE TYPES",
        "SHOW",
        // Plans of writes, and statements that run what they explain.
        "EXPLAIN UPDATE t SET a = 1",
        "EXPLAIN DELETE FROM t",
        "EXPLAIN INSERT INTO t VALUES (1)",
        "EXPLAIN REPLACE INTO t VALUES (1)",
        "EXPLAIN FORMAT=JSON DELETE FROM t",
        "DESCRIBE UPDATE t SET a = 1",
        "EXPLAIN WITH c AS (SELECT 1 AS id) UPDATE t JOIN c USING (id) SET t.a = 1",
        "EXPLAIN ANALYZE SELECT * FROM t",
        "ANALYZE SELECT * FROM t",
        "ANALYZE FORMAT=JSON SELECT 1",
        "ANALYZE TABLE t",
        "EXPLAIN FOR CONNECTION 42",
        "EXPLAIN FORMAT=JSON INTO @plan SELECT 1",
        // Reads tied to the primary or to this connection.
        "SELECT * FROM t WHERE id = 1 FOR UPDATE",
        "SELECT * FROM t LOCK IN SHARE MODE",
        "SELECT * FROM t FOR SHARE",
        "SELECT LAST_INSERT_ID()",
        "SELECT @@identity",
        "SELECT GET_LOCK('job', 0)",
        "SELECT FOUND_ROWS()",
        "SELECT SQL_CALC_FOUND_ROWS * FROM t LIMIT 10",
        "SELECT ROW_COUNT()",
        "SELECT NEXTVAL(s)",
        "SELECT NEXT VALUE FOR s",
        "SELECT @a := 1",
        "SELECT * FROM t WHERE a = @a",
        "SELECT id INTO @x FROM t LIMIT 1",
        "SELECT * FROM t INTO OUTFILE '/tmp/t.csv'",
        "SELECT a INTO DUMPFILE '/tmp/a' FROM t LIMIT 1",
        "EXPLAIN SELECT * FROM t FOR UPDATE",
        "SHOW TABLES WHERE GET_LOCK('x', 0)",
        // Not exactly one statement.
        "",
        "/* shardway:replica */",
        "SELECT 1; SELECT 2",
        "SHOW TABLES; SHOW DATABASES",
        "SELECT 1; UPDATE t SET a = 1"
      })
  void notReplicaSafe(String sql) {
    assertFalse(StatementClassifier.classify(sql).replicaSafe());
  }

  @ParameterizedTest
  @EnumSource(
      names = {
        "FOR_UPDATE",
        "LOCK_IN_SHARE_MODE",
        "LAST_INSERT_ID",
        "USER_LOCK",
        "FOUND_ROWS",
        "CALC_FOUND_ROWS",
        "ROW_COUNT",
        "SEQUENCE",
        "WRITES_USER_VARIABLE",
        "READS_USER_VARIABLE",
        "WRITES_FILE",
        "READS_SERVER_ROLE"
      })
  void flagTiesASelectToThePrimary(StatementFlag flag) {
    assertFalse(select(flag).replicaSafe());
  }

  /** The rest do not matter on a SELECT; MULTIPLE_STATEMENTS goes with a statement count. */
  @ParameterizedTest
  @EnumSource(
      mode = EnumSource.Mode.EXCLUDE,
      names = {
        "FOR_UPDATE",
        "LOCK_IN_SHARE_MODE",
        "LAST_INSERT_ID",
        "USER_LOCK",
        "FOUND_ROWS",
        "CALC_FOUND_ROWS",
        "ROW_COUNT",
        "SEQUENCE",
        "WRITES_USER_VARIABLE",
        "READS_USER_VARIABLE",
        "WRITES_FILE",
        "READS_SERVER_ROLE",
        "MULTIPLE_STATEMENTS"
      })
  void otherFlagsLeaveASelectOnTheReplica(StatementFlag flag) {
    assertTrue(select(flag).replicaSafe());
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "SELECT @@read_only",
        "SELECT @@global.read_only, @@innodb_read_only",
        "select @@SESSION.super_read_only",
        "SELECT @@gtid_executed",
        "SELECT @@gtid_binlog_pos, @@gtid_current_pos, @@gtid_slave_pos"
      })
  void askingWhetherTheServerIsThePrimaryGoesToThePrimary(String sql) {
    StatementInfo info = StatementClassifier.classify(sql);
    assertTrue(info.has(StatementFlag.READS_SERVER_ROLE), sql);
    assertFalse(info.replicaSafe(), sql);
  }

  @Test
  void otherSystemVariablesStayOnTheReplica() {
    assertTrue(StatementClassifier.classify("SELECT @@server_id, @@version").replicaSafe());
    assertTrue(StatementClassifier.classify("SELECT '@@read_only'").replicaSafe());
  }

  @Test
  void showAndExplainNeedTheSchemaFlag() {
    assertFalse(new StatementInfo(StatementKind.SHOW, Set.of(), List.of(), 1).replicaSafe());
    assertFalse(new StatementInfo(StatementKind.EXPLAIN, Set.of(), List.of(), 1).replicaSafe());
    assertFalse(
        new StatementInfo(StatementKind.OTHER, Set.of(StatementFlag.SHOWS_SCHEMA), List.of(), 1)
            .replicaSafe());
    assertTrue(
        new StatementInfo(StatementKind.SHOW, Set.of(StatementFlag.SHOWS_SCHEMA), List.of(), 1)
            .replicaSafe());
  }

  private static StatementInfo select(StatementFlag flag) {
    return new StatementInfo(StatementKind.SELECT, Set.of(flag), List.of(), 1);
  }
}
