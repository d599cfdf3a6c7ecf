package io.shardway.router.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.router.shard.ShardKey;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementDigestTest {

  /** The digest text. */
  private static String text(String sql) {
    return StatementDigest.of(sql).text();
  }

  /** The slots: a number as written, a string's content in quotes, a placeholder as ?index. */
  private static String slots(String sql) {
    return StatementDigest.of(sql).slots().stream()
        .map(
            slot ->
                slot instanceof Slot.Literal literal
                    ? literal.quoted() ? "'" + literal.text() + "'" : literal.text()
                    : "?" + ((Slot.Placeholder) slot).index())
        .collect(Collectors.joining(" "));
  }

  @Test
  void replacesValuesWithPlaceholders() {
    String sql = "SELECT c FROM sbtest1 WHERE id = 42 AND k IN (1, 2, 3) AND pad = 'x'";

    assertEquals("SELECT c FROM sbtest1 WHERE id = ? AND k IN (?, ?, ?) AND pad = ?", text(sql));
    assertEquals("42 1 2 3 'x'", slots(sql));
  }

  @Test
  void keepsTheLengthOfValueLists() {
    assertEquals("SELECT * FROM t WHERE id IN (?,?)", text("SELECT * FROM t WHERE id IN (1,2)"));
    assertEquals(
        "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)",
        text("INSERT INTO t (a, b) VALUES (1, 'a'), (2, 'b')"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SELECT 42              | SELECT ?   | 42
          SELECT 1.5, .5, 1e-3   | SELECT ?, ?, ? | 1.5 .5 1e-3
          SELECT -5              | SELECT ?   | -5
          SELECT - 5             | SELECT ?   | -5
          SELECT +5              | SELECT ?   | 5
          SELECT (-1), f(-2, -3) | SELECT (?), f(?, ?) | -1 -2 -3
          WHERE a = -1 AND -2 < b | WHERE a = ? AND ? < b | -1 -2
          WHERE a BETWEEN -2 AND -1 | WHERE a BETWEEN ? AND ? | -2 -1
          WHERE a = 2 * -3       | WHERE a = ? * ? | 2 -3
          WHERE a = id=-5        | WHERE a = id=? | -5
          """)
  void readsNumbersWithTheirUnarySign(String sql, String digest, String slots) {
    assertEquals(digest, text(sql));
    assertEquals(slots, slots(sql));
  }

  /** A sign after a value or a name is binary, or unary after a word it cannot tell: shape. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "UPDATE t SET k = k+1 WHERE id = ?",
        "SELECT a - 1 FROM t",
        "SELECT a -1 FROM t",
        "SELECT f(a) - 1 FROM t",
        "SELECT `a` - 1 FROM t",
        "SELECT - -5",
        "SELECT -'5'",
        "SELECT x - - 1 FROM t",
        "SELECT INTERVAL -1 DAY + d FROM t"
      })
  void keepsNumbersAfterSignsThatAreNotUnary(String sql) {
    assertEquals(sql, text(sql));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          SELECT 'it''s'          | it's
          SELECT 'it\\'s'         | it's
          SELECT 'back\\\\'       | back\\
          SELECT 'a\\nb'          | "a\nb"
          SELECT N'abc'           | abc
          SELECT n'abc'           | abc
          SELECT _utf8mb4'abc'    | abc
          SELECT _utf8mb4 'abc'   | abc
          SELECT _binary'abc'     | abc
          SELECT 'Mixed Case  '   | "Mixed Case  "
          """)
  void readsStringContentWithEscapesResolved(String sql, String content) {
    assertEquals("SELECT ?", text(sql));
    List<Slot> slots = StatementDigest.of(sql).slots();
    assertEquals(List.of(new Slot.Literal(content, true)), slots);
  }

  /** Strings that are no single value, or that JSqlParser reads otherwise, stay as written. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM t WHERE a = \"x\"",
        "SELECT * FROM t WHERE a = 'x' 'y'",
        "SELECT * FROM t WHERE a = 'x' \"y\"",
        "SELECT * FROM t WHERE a = _utf8mb4'x' 'y'",
        "SELECT * FROM t WHERE a = e'x'",
        "SELECT * FROM t WHERE a = _binary X'41'",
        "SELECT 'a' 'b'",
        "SELECT a AS 'alias' FROM t",
        "SELECT a 'alias' FROM t"
      })
  void keepsStringsThatAreNoSingleValue(String sql) {
    assertEquals(sql, text(sql));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SELECT 0x1F      | 0x1F
          SELECT X'1F'     | X'1F'
          SELECT x''       | x''
          SELECT b'101'    | b'101'
          SELECT B'1'      | B'1'
          SELECT 0b101     | 0b101
          """)
  void readsHexAndBitLiteralsAsNumbers(String sql, String literal) {
    assertEquals("SELECT ?", text(sql));
    assertEquals(List.of(new Slot.Literal(literal, false)), StatementDigest.of(sql).slots());
  }

  /** Literals that no shard key can stand for are no key to the planner either: shape. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM t WHERE a = 0X1F",
        "SELECT * FROM t WHERE a = X'1G'",
        "SELECT * FROM t WHERE a = b'102'",
        "SELECT * FROM t WHERE a = 0B101",
        "SELECT * FROM t WHERE a = 1e99999999999",
        "SELECT * FROM t WHERE a = -1e99999999999"
      })
  void keepsUnreadableNumbers(String sql) {
    assertEquals(sql, text(sql));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM t WHERE a IS NULL AND b = NULL AND c = TRUE AND d = FALSE",
        "INSERT INTO t (a, b) VALUES (DEFAULT, NULL)",
        "SELECT `a``b`, `T`.`Id` FROM `My Table` `T`",
        "select Id from Users where Name is not null"
      })
  void keepsKeywordsAndNamesAsWritten(String sql) {
    assertEquals(sql, text(sql));
  }

  /** Positional items and literals that MySQL or JSqlParser require there are shape. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT a, b FROM t ORDER BY 2, 1 DESC",
        "SELECT a, COUNT(*) FROM t GROUP BY 1 WITH ROLLUP",
        "SELECT a FROM t GROUP BY 1, 2 ORDER BY 2",
        "SELECT a FROM t LIMIT 10",
        "SELECT a FROM t LIMIT 10, 20",
        "SELECT a FROM t LIMIT 10 OFFSET 20",
        "SELECT a FROM (SELECT a FROM t ORDER BY 1 LIMIT 5) x ORDER BY 1",
        "SELECT ROW_NUMBER() OVER (PARTITION BY 1 ORDER BY 2) FROM t",
        "SELECT SUM(a) OVER (ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING) FROM t",
        "SELECT * FROM t WHERE d > NOW() - INTERVAL 1 DAY",
        "SELECT * FROM t WHERE d = DATE '2024-01-01' OR d = TIMESTAMP '2024-01-01 00:00:00'",
        "SELECT CAST(a AS DECIMAL(10, 2)), CONVERT(b, CHAR(10)) FROM t",
        "SELECT a->'$.x', a->>'$.y' FROM t",
        "SELECT * FROM t WHERE a LIKE x ESCAPE '!'",
        "SELECT GROUP_CONCAT(a SEPARATOR ', ') FROM t",
        "CREATE TABLE t (a INT(11) DEFAULT 0, b VARCHAR(20) COMMENT 'b')"
      })
  void keepsLiteralsThatArePartOfTheShape(String sql) {
    assertEquals(sql, text(sql));
  }

  @Test
  void endsKeptListsWithTheirClause() {
    assertEquals(
        "SELECT a FROM t GROUP BY a UNION SELECT ?, ?",
        text("SELECT a FROM t GROUP BY a UNION SELECT 1, 2"));
    assertEquals(
        "SELECT a FROM t ORDER BY FIELD(a, ?, ?), 1",
        text("SELECT a FROM t ORDER BY FIELD(a, 3, 4), 1"));
    assertEquals(
        "INSERT INTO t SELECT * FROM u ORDER BY 1 ON DUPLICATE KEY UPDATE a = ?, b = ?",
        text("INSERT INTO t SELECT * FROM u ORDER BY 1 ON DUPLICATE KEY UPDATE a = 1, b = 2"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "SELECT  a,\t b\r\n FROM t  "         | SELECT a, b FROM t
          SELECT a /* note */ FROM t           | SELECT a FROM t
          SELECT a/**/FROM t                   | SELECT a FROM t
          "SELECT a -- note\nFROM t"           | SELECT a FROM t
          "SELECT a # note\nFROM t"            | SELECT a FROM t
          "SELECT /*+ BKA(t) */ a FROM t"      | SELECT a FROM t
          SELECT 9--1                          | SELECT ?--1
          """)
  void dropsCommentsAndNormalisesWhitespace(String sql, String digest) {
    assertEquals(digest, text(sql));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "/* shardway:primary */ SELECT 1"        | "/* shardway:primary */ SELECT ?"
          "SELECT 1 /* Shardway:cache ttl=5s */"   | "SELECT ? /* Shardway:cache ttl=5s */"
          "-- shardway:replica\n  SELECT 1"        | "-- shardway:replica\nSELECT ?"
          "SELECT 1 # shardway:nocache\n, 2"       | "SELECT ? # shardway:nocache\n, ?"
          "/* shardway:unknown */ SELECT 1"        | "SELECT ?"
          """)
  void keepsHintCommentsSoThatHintedTextsDiffer(String sql, String digest) {
    assertEquals(digest, text(sql));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SELECT /*! STRAIGHT_JOIN */ a FROM t WHERE b = 1   | SELECT /*! STRAIGHT_JOIN */ a FROM t WHERE b = ?
          SELECT a FROM t WHERE b = 1 /*!50700 OR b = 2 */   | SELECT a FROM t WHERE b = ? /*!50700 OR b = ? */
          SELECT a FROM t WHERE b = 1 /*M!100500 OR b = 2*/  | SELECT a FROM t WHERE b = ? /*M!100500 OR b = ? */
          SELECT a FROM t WHERE b = 1 /*!507001*/            | SELECT a FROM t WHERE b = ? /*!507001*/
          SELECT a FROM t WHERE b = 1 /*! OR b = 2           | SELECT a FROM t WHERE b = ? /*! OR b = 2
          SELECT a FROM t WHERE b = 1 /*! OR b = 'x          | SELECT a FROM t WHERE b = ? /*! OR b = 'x
          """)
  void digestsExecutableCommentsAsSqlAndKeepsTheirDelimiters(String sql, String digest) {
    assertEquals(digest, text(sql));
  }

  @Test
  void keepsUnterminatedTextAsWritten() {
    assertEquals(
        "SELECT * FROM t WHERE a = ? AND b = 'x", text("SELECT * FROM t WHERE a = 1 AND b = 'x"));
  }

  @Test
  void placesTheStatementsOwnPlaceholdersAmongTheLiterals() {
    String sql = "SELECT ? FROM t WHERE a = 1 AND b = ? AND c IN ('x', ?)";
    StatementDigest digest = StatementDigest.of(sql);

    assertEquals("SELECT ? FROM t WHERE a = ? AND b = ? AND c IN (?, ?)", digest.text());
    assertEquals("?0 1 ?1 'x' ?2", slots(sql));
    assertEquals(3, digest.placeholderCount());
    assertTrue(digest.hasLiterals());
    assertFalse(StatementDigest.of("SELECT ? FROM t").hasLiterals());
  }

  @Test
  void bindsLiteralsAndParameterValuesInTextOrder() {
    StatementDigest digest = StatementDigest.of("SELECT * FROM t WHERE a = ? AND b = -7 OR c = ?");

    List<ShardKey> values = digest.values(Arrays.asList(ShardKey.of("x", true), null));

    assertEquals(Arrays.asList(ShardKey.of("x", true), ShardKey.ofLong(-7), null), values);
    assertThrows(IllegalArgumentException.class, () -> digest.values(List.of()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT c FROM sbtest1 WHERE id = 42",
        "select  *  from users where id=-5 and name='it''s' /* c */ -- x",
        "/* shardway:primary */ SELECT a FROM t WHERE b = _utf8mb4'x' /*!50700 OR b = 0x1F */",
        "SELECT 1 -- shardway:replica\n, 2"
      })
  void digestsItsOwnTextToItself(String sql) {
    String digest = text(sql);

    assertEquals(digest, text(digest));
    assertFalse(StatementDigest.of(digest).hasLiterals());
  }

  @Test
  void digestsEmptyText() {
    assertEquals("", text(""));
    assertEquals("", text("  /* nothing */ "));
  }
}
