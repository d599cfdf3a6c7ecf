package io.shardway.router.lex;

/** Character classes of MySQL's lexer, for ASCII plus "anything above 0x7F is a name letter". */
final class SqlChars {

  private SqlChars() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static boolean isBinaryDigit(char c) {
    return c == '0' || c == '1';
  }

  /**
   * MySQL's unquoted identifiers use {@code [0-9a-zA-Z$_]} and every character from U+0080 up
   * ("Schema Object Names"); a digit may start one, which the number scanner handles.
   */
  static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
  }

  static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c);
  }

  /**
   * Space and control characters separate tokens, as in MySQL's {@code my_isspace}/{@code
   * my_iscntrl}.
   */
  static boolean isSpace(char c) {
    return c <= ' ';
  }
}
