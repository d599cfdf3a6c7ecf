package io.shardway.router;

import java.util.Locale;

/**
 * Normalizes variable, character set and table names for comparison: MySQL compares variable names
 * ignoring case, {@code `sql_mode`} names the same variable as {@code sql_mode}, and the router's
 * table names are lower case (see {@link io.shardway.router.plan.Layouts}).
 */
public final class Identifiers {

  private Identifiers() {}

  /**
   * {@code text} lower-cased, with backtick quotes removed ({@code ``} inside a quoted part stands
   * for one backtick); a {@code .} outside quotes is kept as the separator of qualified names.
   */
  public static String normalized(CharSequence text) {
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
