package io.shardway.router.lex;

/** What a {@link Token} is. The lexer never decides whether an identifier is a keyword. */
public enum TokenType {
  /**
   * An unquoted word: a keyword, a name, or a bare value such as {@code ON}; may start with a
   * digit.
   */
  IDENTIFIER,
  /**
   * A backtick-quoted identifier, backticks included; {@code ``} inside stands for one backtick.
   */
  QUOTED_IDENTIFIER,
  /**
   * A single- or double-quoted string, quotes included, also with an {@code N} prefix ({@code
   * N'abc'}). A charset introducer ({@code _utf8mb4'abc'}) is a separate IDENTIFIER before it.
   */
  STRING,
  /** A decimal number: {@code 42}, {@code 1.5}, {@code .5}, {@code 1e-3}. A sign is an OPERATOR. */
  NUMBER,
  /** A hexadecimal literal: {@code 0x1F} or {@code X'1F'}. */
  HEX_LITERAL,
  /** A bit-value literal: {@code 0b101} or {@code b'101'}. */
  BIT_LITERAL,
  /** A user variable: {@code @name}, {@code @'quoted'}, {@code @"quoted"}, {@code @`quoted`}. */
  USER_VARIABLE,
  /**
   * A system variable, scope included: {@code @@name}, {@code @@session.name},
   * {@code @@global.name}.
   */
  SYSTEM_VARIABLE,
  /** A {@code ?} parameter placeholder of a prepared statement. */
  PLACEHOLDER,
  LEFT_PAREN,
  RIGHT_PAREN,
  COMMA,
  SEMICOLON,
  DOT,
  /**
   * Any other punctuation: {@code =}, {@code :=}, {@code <=>}, {@code ->>}, {@code +}, {@code -}, …
   */
  OPERATOR,
  /**
   * A comment, delimiters included: <code>/* … *&#47;</code>, {@code -- …} or {@code # …} (a line
   * comment ends before its newline). Executable comments (<code>/*! … *&#47;</code>, <code>
   * /*M! … *&#47;</code>) are not comments: their content comes out as ordinary tokens.
   */
  COMMENT,
  /** Input that cannot be finished: an unterminated string, quoted name or comment. */
  ERROR,
  /** The end of the input; {@link SqlLexer#next()} returns it again on every later call. */
  EOF
}
