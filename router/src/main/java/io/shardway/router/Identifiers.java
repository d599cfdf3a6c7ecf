package io.shardway.router;

import java.util.Locale;

/**
 * Normalizes variable and character set names for comparison: MySQL compares them ignoring case,
 * and {@code `sql_mode`} names the same variable as {@code sql_mode}.
 */
final class Identifiers {

  private Identifiers() {}

  /**
   * {@code text} lower-cased, with backtick quotes removed ({@code ``} inside a quoted part stands
   * for one backtick); a {@code .} outside quotes is kept as the separator of qualified names.
   */
  static String normalized(CharSequence text) {
    StringBuilder name = new StringBuilder(text.length());
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '`') {
        name.append(c);
      } else if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '`') {
        name.append('`');
        i++;
      } else {
        quoted = !quoted;
      }
    }
    return name.toString().toLowerCase(Locale.ROOT);
  }
}
