package io.shardway.router.plan;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;

/**
 * Parses one statement with JSqlParser as MySQL reads it: backslashes escape in strings.
 *
 * <p>It parses on the calling thread: {@link CCJSqlParserUtil#parse(String)} would start a thread
 * per statement to enforce a timeout, which costs more than the parse. Like it, it first tries
 * without JSqlParser's complex parsing, which is faster and cannot take exponential time, and then
 * with it only for statements nested no deeper than JSqlParser allows by default.
 */
final class SqlParser {

  /** JSqlParser's default limit for retrying with complex parsing. */
  private static final int COMPLEX_PARSING_MAX_NESTING = 10;

  private SqlParser() {}

  /** The statement, or null when JSqlParser cannot parse it as exactly one statement. */
  static Statement parse(String sql) {
    Statement statement = parse(sql, false);
    if (statement == null && CCJSqlParserUtil.getNestingDepth(sql) <= COMPLEX_PARSING_MAX_NESTING) {
      statement = parse(sql, true);
    }
    return statement;
  }

  private static Statement parse(String sql, boolean complex) {
    CCJSqlParser parser =
        CCJSqlParserUtil.newParser(sql)
            .withBackslashEscapeCharacter(true)
            .withAllowComplexParsing(complex);
    try {
      Statement statement = parser.Statement();
      boolean whole = parser.getNextToken().kind == CCJSqlParserConstants.EOF;
      return whole ? statement : null;
    } catch (ParseException | RuntimeException | StackOverflowError e) {
      // JSqlParser reports some malformed input with runtime exceptions, deep nesting with a
      // stack overflow; either way the statement is one Shardway cannot analyse.
      return null;
    }
  }
}
