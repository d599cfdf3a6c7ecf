package io.shardway.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How shard key values written as text compare: the content of a string literal in a statement, or
 * a value of a {@code list} algorithm. Values that MySQL finds equal must compare equal here, or
 * two rows with equal keys could land on different shards; values that MySQL finds different may
 * compare equal here, which only puts them on the same shard.
 *
 * <ul>
 *   <li>Text that is a decimal number ({@code '42'}, {@code ' 42'}, {@code '42.0'}, {@code
 *       '4.2e1'}) is that number, because MySQL compares a number column with such a string as a
 *       number.
 *   <li>Other text ignores trailing spaces, as PAD SPACE collations do, and case, as the common
 *       {@code _ci} collations do, by {@code toLowerCase(Locale.ROOT)}.
 * </ul>
 *
 * <p>The limits: accent-insensitive collations ({@code utf8mb4_0900_ai_ci}, {@code
 * utf8mb4_general_ci}) find {@code 'é'} equal to {@code 'e'} and this folding does not, so a string
 * shard key needs a collation that ignores case only ({@code utf8mb4_0900_as_ci}) or none ({@code
 * utf8mb4_bin}). And MySQL compares a number column with text that only starts with a number
 * ({@code '42abc'}), or has none ({@code 'abc'}, which it takes as 0), as that number, with a
 * warning; here such text stays text.
 *
 * <p>The loader, which reports a {@code list} value given twice, and the router, which finds the
 * shard of a literal, both compare through this class, so the two agree.
 */
public final class ShardKeyText {

  /** The whitespace MySQL skips around a number in a string, and the number itself. */
  private static final Pattern NUMBER =
      Pattern.compile(
          "[ \\t\\n\\r\\f\\x0B]*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)[ \\t\\n\\r\\f\\x0B]*");

  private ShardKeyText() {}

  /**
   * Returns the number that {@code text} is, without trailing zeros (so {@code 42.0} and {@code 42}
   * are equal), or empty when it is not a decimal number, or one whose exponent is too large to
   * hold ({@code 1e99999999999}), which is then compared as text.
   */
  public static Optional<BigDecimal> number(String text) {
    Matcher matcher = NUMBER.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(matcher.group(1)).stripTrailingZeros());
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** Returns {@code text} without its trailing spaces, in lower case. */
  public static String folded(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(0, end).toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the form in which two values of a {@code list} are compared: the {@link #number}, or
   * else the {@link #folded} text. A number never equals a text.
   */
  static Object comparable(String text) {
    return number(text).<Object>map(n -> n).orElseGet(() -> folded(text));
  }
}
