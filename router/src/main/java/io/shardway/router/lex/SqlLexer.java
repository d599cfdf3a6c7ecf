package io.shardway.router.lex;

import static io.shardway.router.lex.SqlChars.isBinaryDigit;
import static io.shardway.router.lex.SqlChars.isDigit;
import static io.shardway.router.lex.SqlChars.isHexDigit;
import static io.shardway.router.lex.SqlChars.isIdentifierPart;
import static io.shardway.router.lex.SqlChars.isIdentifierStart;
import static io.shardway.router.lex.SqlChars.isSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits MySQL/MariaDB statement text into {@link Token}s in one pass, left to right.
 *
 * <p>It follows the server's lexer in the default SQL mode: backslash escapes in strings (no {@code
 * NO_BACKSLASH_ESCAPES}) and double quotes delimit strings (no {@code ANSI_QUOTES}). Executable
 * comments, <code>/*! … *&#47;</code> and MariaDB's <code>/*M! … *&#47;</code>, with or without a
 * 5- or 6-digit version, yield their content as tokens, because the server runs that content; the
 * version is not compared, so content meant for a newer server still counts. Other comments come
 * out as {@link TokenType#COMMENT} tokens so that hints such as <code>
 * /* shardway:primary *&#47;</code> stay readable.
 *
 * <p>Never throws on malformed input: an unterminated string, quoted name or comment becomes one
 * {@link TokenType#ERROR} token running to the end. Not thread-safe; one instance per statement.
 */
public final class SqlLexer {

  /** Longest first, so that {@code <=>} is not read as {@code <=} and {@code >}. */
  private static final String[] MULTI_CHAR_OPERATORS = {
    "<=>", "->>", ":=", "<=", ">=", "<>", "!=", "<<", ">>", "&&", "||", "->"
  };

  private final String sql;
  private final int length;
  private int pos;
  private boolean inExecutableComment;

  /** The last non-comment token type: after a name, ".5" is a qualifier, not a number. */
  private TokenType previous = TokenType.EOF;

  public SqlLexer(String sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.length = sql.length();
  }

  /** All tokens of {@code sql}, comments included, without the final {@link TokenType#EOF}. */
  public static List<Token> tokenize(String sql) {
    SqlLexer lexer = new SqlLexer(sql);
    List<Token> tokens = new ArrayList<>();
    for (Token token = lexer.next(); token.type() != TokenType.EOF; token = lexer.next()) {
      tokens.add(token);
    }
    return tokens;
  }

  /** The next token; {@link TokenType#EOF} at the end of the input, and on every call after it. */
  public Token next() {
    Token token = scan();
    if (token.type() != TokenType.COMMENT) {
      previous = token.type();
    }
    return token;
  }

  private Token scan() {
    while (true) {
      while (pos < length && isSpace(sql.charAt(pos))) {
        pos++;
      }
      if (pos >= length) {
        return endOfInput();
      }
      char c = sql.charAt(pos);
      if (inExecutableComment && c == '*' && charAt(pos + 1) == '/') {
        pos += 2;
        inExecutableComment = false;
      } else if (c == '/' && charAt(pos + 1) == '*') {
        Token comment = blockComment();
        if (comment != null) {
          return comment;
        }
      } else {
        return scanToken(c);
      }
    }
  }

  private Token endOfInput() {
    if (inExecutableComment) {
      // The closing */ was swallowed by a string or comment inside the executable comment.
      inExecutableComment = false;
      return new Token(TokenType.ERROR, sql, length, length);
    }
    return new Token(TokenType.EOF, sql, length, length);
  }

  /** A comment token, an error token, or null after entering an executable comment. */
  private Token blockComment() {
    int start = pos;
    int opener = executableCommentOpener();
    int close = sql.indexOf("*/", start + Math.max(opener, 2));
    if (close < 0) {
      pos = length;
      return new Token(TokenType.ERROR, sql, start, length);
    }
    if (opener == 0 || inExecutableComment) {
      // MySQL does not nest comments: the first */ ends this one.
      pos = close + 2;
      return new Token(TokenType.COMMENT, sql, start, pos);
    }
    pos = start + opener;
    int digits = 0;
    while (digits < 6 && isDigit(charAt(pos + digits))) {
      digits++;
    }
    if (digits >= 5) {
      pos += digits; // the minimum server version, /*!50700 ... */ or MariaDB's /*M!100500 ... */
    }
    inExecutableComment = true;
    return null;
  }

  /** The length of {@code /*!} or {@code /*M!} at {@link #pos}, or 0 for an ordinary comment. */
  private int executableCommentOpener() {
    if (charAt(pos + 2) == '!') {
      return 3;
    }
    return charAt(pos + 2) == 'M' && charAt(pos + 3) == '!' ? 4 : 0;
  }

  private Token scanToken(char c) {
    switch (c) {
      case '\'':
      case '"':
        return quoted(TokenType.STRING, pos, pos, true);
      case '`':
        return quoted(TokenType.QUOTED_IDENTIFIER, pos, pos, false);
      case '#':
        return lineComment();
      case '-':
        // MySQL: "--" starts a comment only when whitespace, a control character or the end
        // follows,
        // so that 1--1 is 1 - (-1).
        if (charAt(pos + 1) == '-' && (pos + 2 >= length || isSpace(sql.charAt(pos + 2)))) {
          return lineComment();
        }
        return operator();
      case '@':
        return charAt(pos + 1) == '@' ? systemVariable() : userVariable();
      case '?':
        return single(TokenType.PLACEHOLDER);
      case '(':
        return single(TokenType.LEFT_PAREN);
      case ')':
        return single(TokenType.RIGHT_PAREN);
      case ',':
        return single(TokenType.COMMA);
      case ';':
        return single(TokenType.SEMICOLON);
      case '.':
        // After a name, ".5" is a qualifier and a name that starts with a digit (t.5col), not 0.5.
        boolean afterName =
            previous == TokenType.IDENTIFIER || previous == TokenType.QUOTED_IDENTIFIER;
        return isDigit(charAt(pos + 1)) && !afterName ? number() : single(TokenType.DOT);
      default:
        return wordOrNumber(c);
    }
  }

  private Token wordOrNumber(char c) {
    char next = charAt(pos + 1);
    if (isDigit(c)) {
      return number();
    }
    if (next == '\'' && (c == 'x' || c == 'X')) {
      return quotedDigits(TokenType.HEX_LITERAL);
    }
    if (next == '\'' && (c == 'b' || c == 'B')) {
      return quotedDigits(TokenType.BIT_LITERAL);
    }
    if (next == '\'' && (c == 'n' || c == 'N')) {
      return quoted(TokenType.STRING, pos, pos + 1, true); // national string N'...'
    }
    if (isIdentifierStart(c)) {
      return identifier(pos);
    }
    return operator();
  }

  /**
   * A string or quoted name from {@code start} whose opening quote is at {@code quoteAt}: the same
   * quote doubled stands for itself, and in strings a backslash escapes the next character.
   */
  private Token quoted(TokenType type, int start, int quoteAt, boolean backslashEscapes) {
    int end = quotedEnd(quoteAt, backslashEscapes);
    return end < 0 ? token(TokenType.ERROR, start, length) : token(type, start, end);
  }

  /** The index after the quote that closes the one at {@code quoteAt}, or -1 when none does. */
  private int quotedEnd(int quoteAt, boolean backslashEscapes) {
    char quote = sql.charAt(quoteAt);
    int i = quoteAt + 1;
    while (i < length) {
      char c = sql.charAt(i);
      if (c == '\\' && backslashEscapes) {
        i += 2;
      } else if (c != quote) {
        i++;
      } else if (charAt(i + 1) == quote) {
        i += 2;
      } else {
        return i + 1;
      }
    }
    return -1;
  }

  /** {@code X'1F'} or {@code b'101'}: no escapes; the server checks the digits, not the proxy. */
  private Token quotedDigits(TokenType type) {
    int close = sql.indexOf('\'', pos + 2);
    return close < 0 ? token(TokenType.ERROR, pos, length) : token(type, pos, close + 1);
  }

  private Token lineComment() {
    int i = pos;
    while (i < length && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
      i++;
    }
    return token(TokenType.COMMENT, pos, i);
  }

  private Token number() {
    int start = pos;
    char next = charAt(pos + 1);
    if (sql.charAt(pos) == '0' && (next == 'x' || next == 'X') && isHexDigit(charAt(pos + 2))) {
      return prefixedNumber(start, TokenType.HEX_LITERAL, true);
    }
    if (sql.charAt(pos) == '0' && (next == 'b' || next == 'B') && isBinaryDigit(charAt(pos + 2))) {
      return prefixedNumber(start, TokenType.BIT_LITERAL, false);
    }
    int i = digits(start);
    boolean integer = true;
    if (charAt(i) == '.') {
      i = digits(i + 1);
      integer = false;
    }
    int exponent = charAt(i) == 'e' || charAt(i) == 'E' ? i + 1 : -1;
    if (exponent > 0 && (charAt(exponent) == '+' || charAt(exponent) == '-')) {
      exponent++;
    }
    if (exponent > 0 && isDigit(charAt(exponent))) {
      i = digits(exponent);
      integer = false;
    }
    if (integer && isIdentifierPart(charAt(i))) {
      return identifier(start); // MySQL allows names such as 1abc: not all digits
    }
    return token(TokenType.NUMBER, start, i);
  }

  private Token prefixedNumber(int start, TokenType type, boolean hex) {
    int i = start + 2;
    while (i < length && (hex ? isHexDigit(sql.charAt(i)) : isBinaryDigit(sql.charAt(i)))) {
      i++;
    }
    // 0x1G and 0b12 are names to MySQL, not a literal followed by a name.
    return isIdentifierPart(charAt(i)) ? identifier(start) : token(type, start, i);
  }

  private int digits(int from) {
    int i = from;
    while (i < length && isDigit(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  private Token identifier(int start) {
    int i = start;
    while (i < length && isIdentifierPart(sql.charAt(i))) {
      i++;
    }
    return token(TokenType.IDENTIFIER, start, i);
  }

  /**
   * MySQL user variable names are letters, digits, {@code .}, {@code _} and {@code $}, or quoted.
   */
  private Token userVariable() {
    char quote = charAt(pos + 1);
    if (quote == '\'' || quote == '"' || quote == '`') {
      return quoted(TokenType.USER_VARIABLE, pos, pos + 1, quote != '`');
    }
    int i = pos + 1;
    while (i < length && (isIdentifierPart(sql.charAt(i)) || sql.charAt(i) == '.')) {
      i++;
    }
    return i == pos + 1 ? single(TokenType.OPERATOR) : token(TokenType.USER_VARIABLE, pos, i);
  }

  /** {@code @@name}, {@code @@scope.name}, parts optionally backtick-quoted, as one token. */
  private Token systemVariable() {
    int i = namePart(pos + 2);
    if (i == pos + 2) {
      return token(TokenType.OPERATOR, pos, pos + 2);
    }
    while (i > 0 && charAt(i) == '.' && (isIdentifierPart(charAt(i + 1)) || charAt(i + 1) == '`')) {
      i = namePart(i + 1);
    }
    return i < 0 ? token(TokenType.ERROR, pos, length) : token(TokenType.SYSTEM_VARIABLE, pos, i);
  }

  /** The end of a name part starting at {@code from}, or -1 for an unterminated backtick. */
  private int namePart(int from) {
    if (charAt(from) == '`') {
      return quotedEnd(from, false);
    }
    int i = from;
    while (i < length && isIdentifierPart(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  private Token operator() {
    for (String operator : MULTI_CHAR_OPERATORS) {
      if (sql.startsWith(operator, pos)) {
        return token(TokenType.OPERATOR, pos, pos + operator.length());
      }
    }
    return single(TokenType.OPERATOR);
  }

  private Token single(TokenType type) {
    return token(type, pos, pos + 1);
  }

  private Token token(TokenType type, int start, int end) {
    pos = end;
    return new Token(type, sql, start, end);
  }

  /** The character at {@code index}, or NUL past the end, which matches no class and no quote. */
  private char charAt(int index) {
    return index < length ? sql.charAt(index) : '\0';
  }
}
