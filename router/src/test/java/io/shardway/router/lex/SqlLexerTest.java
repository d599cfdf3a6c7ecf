package io.shardway.router.lex;

import static io.shardway.router.lex.TokenType.EOF;
import static io.shardway.router.lex.TokenType.ERROR;
import static io.shardway.router.lex.TokenType.IDENTIFIER;
import static io.shardway.router.lex.TokenType.NUMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLexerTest {

  /** The tokens as {@code TYPE:text}, one string, for compact expectations. */
  private static String lex(String sql) {
    return SqlLexer.tokenize(sql).stream()
        .map(t -> t.type() + ":" + t.text())
        .collect(Collectors.joining(" "));
  }

  @Test
  void splitsKeywordsNamesAndPunctuation() {
    assertEquals(
        "IDENTIFIER:SELECT IDENTIFIER:a COMMA:, IDENTIFIER:t DOT:. IDENTIFIER:b IDENTIFIER:FROM"
            + " IDENTIFIER:t IDENTIFIER:WHERE IDENTIFIER:id OPERATOR:= PLACEHOLDER:? SEMICOLON:;",
        lex("SELECT a, t.b FROM t WHERE id = ?;"));
  }

  @Test
  void recordsOffsetsIntoTheSource() {
    List<Token> tokens = SqlLexer.tokenize("  select\n\t`x`");
    assertEquals(new Token(IDENTIFIER, "  select\n\t`x`", 2, 8), tokens.get(0));
    assertEquals(10, tokens.get(1).start());
    assertEquals(13, tokens.get(1).end());
  }

  @Test
  void matchesKeywordsIgnoringCaseButNeverQuotedNames() {
    List<Token> tokens = SqlLexer.tokenize("sElEcT `select` 'select'");
    assertTrue(tokens.get(0).is("SELECT"));
    assertFalse(tokens.get(1).is("SELECT"));
    assertFalse(tokens.get(2).is("SELECT"));
    assertFalse(tokens.get(0).is("SELECTS"));
  }

  @Test
  void lexesCommentsAsCommentTokens() {
    assertEquals(
        "COMMENT:/* shardway:primary */ IDENTIFIER:SELECT NUMBER:1 COMMENT:-- trailing",
        lex("/* shardway:primary */ SELECT 1 -- trailing"));
    assertEquals("COMMENT:# hash IDENTIFIER:x", lex("# hash\nx"));
    assertEquals("COMMENT:--", lex("--"));
    assertEquals("COMMENT:/*+ BKA(t) */", lex("/*+ BKA(t) */"));
    assertEquals("NUMBER:1 COMMENT:/* a */ NUMBER:2", lex("1/* a */2"));
  }

  @Test
  void doubleDashWithoutSpaceIsTwoMinusSigns() {
    // MySQL: "--" starts a comment only when followed by whitespace or a control character.
    assertEquals("NUMBER:1 OPERATOR:- OPERATOR:- NUMBER:1", lex("1--1"));
    assertEquals("NUMBER:1 COMMENT:--\t1", lex("1--\t1"));
  }

  @Test
  void negativeNumbersAreASignAndANumber() {
    assertEquals("OPERATOR:- NUMBER:5", lex("-5"));
    assertEquals("IDENTIFIER:a OPERATOR:- NUMBER:1.5e-3", lex("a-1.5e-3"));
  }

  @Test
  void lexesNumbers() {
    assertEquals(
        "NUMBER:42 NUMBER:1.5 NUMBER:.5 NUMBER:1. NUMBER:1e10 NUMBER:2E+3 NUMBER:3.0e-2",
        lex("42 1.5 .5 1. 1e10 2E+3 3.0e-2"));
  }

  @Test
  void lexesHexAndBitLiterals() {
    assertEquals(
        "HEX_LITERAL:0x1F HEX_LITERAL:X'1F' HEX_LITERAL:x'ab' BIT_LITERAL:b'101'"
            + " BIT_LITERAL:0b101 BIT_LITERAL:B'0'",
        lex("0x1F X'1F' x'ab' b'101' 0b101 B'0'"));
  }

  @Test
  void namesMayStartWithDigits() {
    // MySQL: an unquoted identifier may begin with a digit but not consist solely of digits.
    assertEquals(
        "IDENTIFIER:1abc IDENTIFIER:0x1G IDENTIFIER:0b12 IDENTIFIER:1e", lex("1abc 0x1G 0b12 1e"));
    assertEquals("IDENTIFIER:t DOT:. IDENTIFIER:5col", lex("t.5col"));
  }

  @Test
  void lexesStringsWithEscapesAndDoubledQuotes() {
    assertEquals(
        "STRING:'it''s' STRING:'a\\'b' STRING:\"say \"\"hi\"\"\"",
        lex("'it''s' 'a\\'b' \"say \"\"hi\"\"\""));
    assertEquals("STRING:'back\\\\' NUMBER:1", lex("'back\\\\' 1"));
    assertEquals(
        "STRING:N'national' IDENTIFIER:_utf8mb4 STRING:'x'", lex("N'national' _utf8mb4'x'"));
  }

  @Test
  void keywordsInsideStringsStayInside() {
    assertEquals(
        "IDENTIFIER:SELECT STRING:'GET_LOCK(' COMMA:, STRING:\"-- no comment\" COMMA:,"
            + " STRING:'/* no */'",
        lex("SELECT 'GET_LOCK(', \"-- no comment\", '/* no */'"));
  }

  @Test
  void lexesBacktickQuotedIdentifiers() {
    assertEquals(
        "QUOTED_IDENTIFIER:`my table` DOT:. QUOTED_IDENTIFIER:`a``b` QUOTED_IDENTIFIER:`x\\`",
        lex("`my table`.`a``b` `x\\`"));
  }

  @Test
  void lexesUserVariables() {
    assertEquals(
        "USER_VARIABLE:@a USER_VARIABLE:@a.b$1 USER_VARIABLE:@'q x' USER_VARIABLE:@\"d\""
            + " USER_VARIABLE:@`b``t` OPERATOR::= NUMBER:1",
        lex("@a @a.b$1 @'q x' @\"d\" @`b``t` := 1"));
  }

  @Test
  void lexesSystemVariablesWithTheirScope() {
    assertEquals(
        "SYSTEM_VARIABLE:@@sql_mode SYSTEM_VARIABLE:@@session.time_zone SYSTEM_VARIABLE:@@GLOBAL.x"
            + " SYSTEM_VARIABLE:@@local.y SYSTEM_VARIABLE:@@session.`odd` COMMA:,",
        lex("@@sql_mode @@session.time_zone @@GLOBAL.x @@local.y @@session.`odd`,"));
  }

  @Test
  void lexesOperators() {
    assertEquals(
        "IDENTIFIER:a OPERATOR:<=> IDENTIFIER:b OPERATOR:<= OPERATOR:>= OPERATOR:<> OPERATOR:!="
            + " OPERATOR:-> OPERATOR:->> OPERATOR:|| OPERATOR:&& OPERATOR:* OPERATOR:/ OPERATOR:%",
        lex("a <=> b <= >= <> != -> ->> || && * / %"));
    assertEquals("LEFT_PAREN:( RIGHT_PAREN:) COMMA:, SEMICOLON:; DOT:.", lex("(),;."));
  }

  @Test
  void executableCommentsYieldTheirContentAsSql() {
    assertEquals(
        "IDENTIFIER:SET IDENTIFIER:NAMES IDENTIFIER:utf8mb4", lex("/*!40101 SET NAMES utf8mb4 */"));
    assertEquals(
        "IDENTIFIER:SELECT NUMBER:1 IDENTIFIER:FOR IDENTIFIER:UPDATE",
        lex("SELECT 1 /*!50000 FOR UPDATE*/"));
    assertEquals("IDENTIFIER:SELECT NUMBER:2", lex("/*M!100100 SELECT 2 */"));
    assertEquals("IDENTIFIER:SELECT NUMBER:3", lex("/*!SELECT 3*/"));
    // Outside an executable comment, */ is just two operators.
    assertEquals("NUMBER:2 OPERATOR:* OPERATOR:/ NUMBER:1", lex("2 */ 1"));
  }

  @Test
  void executableCommentContentKeepsItsOffsets() {
    String sql = "/*!80000 KILL */";
    Token kill = SqlLexer.tokenize(sql).get(0);
    assertEquals(9, kill.start());
    assertEquals("KILL", kill.text());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'open",
        "\"open",
        "`open",
        "/* open",
        "/*! SELECT 1",
        "X'1F",
        "@'open",
        "@@`open"
      })
  void unterminatedInputIsAnErrorTokenToTheEnd(String sql) {
    List<Token> tokens = SqlLexer.tokenize("SELECT " + sql);
    Token last = tokens.get(tokens.size() - 1);
    assertEquals(ERROR, last.type());
    assertEquals(7 + sql.length(), last.end());
  }

  @Test
  void eofRepeatsAfterTheEnd() {
    SqlLexer lexer = new SqlLexer("x");
    assertEquals(IDENTIFIER, lexer.next().type());
    assertEquals(EOF, lexer.next().type());
    assertEquals(EOF, lexer.next().type());
  }

  @Test
  void emptyAndBlankInputHaveNoTokens() {
    assertEquals("", lex(""));
    assertEquals("", lex(" \n\t\r "));
  }

  @Test
  void lexesNonAsciiNames() {
    assertEquals(
        "IDENTIFIER:SELECT IDENTIFIER:größe IDENTIFIER:FROM IDENTIFIER:表",
        lex("SELECT größe FROM 表"));
  }

  @Test
  void tokenRejectsARangeOutsideTheSource() {
    assertThrows(IllegalArgumentException.class, () -> new Token(NUMBER, "1", 0, 2));
  }

  @Test
  void toStringShowsTheTokenNotTheSource() {
    assertEquals("LEFT_PAREN(()@3", SqlLexer.tokenize("f  (x)").get(1).toString());
  }
}
