package io.shardway.router.lex;

/**
 * Resolves the escapes of a single-quoted MySQL string literal as the server does in its default
 * SQL mode (no {@code NO_BACKSLASH_ESCAPES}).
 *
 * <p>The statement digest reads string literals from tokens, the plan analysis from JSqlParser's
 * syntax tree; both resolve them here, so that a literal has one value whichever path reads it.
 */
public final class StringEscapes {

  private StringEscapes() {}

  /**
   * The value of a single-quoted literal whose text between the quotes is {@code raw}: {@code ''}
   * and {@code \'} are a quote, {@code \n} a newline and so on, while {@code \%} and {@code \_}
   * keep their backslash (they are escapes for LIKE patterns).
   */
  public static String resolve(String raw) {
    StringBuilder content = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\'' && i + 1 < raw.length() && raw.charAt(i + 1) == '\'') {
        i++;
      } else if (c == '\\' && i + 1 < raw.length()) {
        c = raw.charAt(++i);
        switch (c) {
          case '0' -> c = '\0';
          case 'b' -> c = '\b';
          case 'n' -> c = '\n';
          case 'r' -> c = '\r';
          case 't' -> c = '\t';
          case 'Z' -> c = '\u001A';
          case '%', '_' -> content.append('\\');
          default -> {}
        }
      }
      content.append(c);
    }
    return content.toString();
  }
}
