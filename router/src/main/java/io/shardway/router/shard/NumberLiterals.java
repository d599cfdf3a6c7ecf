package io.shardway.router.shard;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads the number a SQL number literal stands for: a decimal ({@code 42}, {@code -1.5e3}, {@code
 * .5}), a hex literal ({@code 0x2A}, {@code X'2A'}) or a bit literal ({@code 0b101}, {@code
 * B'101'}). As in MySQL, the {@code 0x} and {@code 0b} prefixes are lower case only, and hex and
 * bit literals are unsigned.
 */
final class NumberLiterals {

  private NumberLiterals() {}

  /**
   * @throws ShardKeyException if {@code text} is none of these, or a decimal whose exponent is too
   *     large to hold ({@code 1e99999999999}, which MySQL refuses too)
   */
  static BigDecimal parse(String text) {
    try {
      if (text.length() > 2 && text.startsWith("0x")) {
        return unsigned(text.substring(2), 16, text);
      }
      if (text.length() > 2 && text.startsWith("0b")) {
        return unsigned(text.substring(2), 2, text);
      }
      if (quoted(text, 'x')) {
        return unsigned(text.substring(2, text.length() - 1), 16, text);
      }
      if (quoted(text, 'b')) {
        return unsigned(text.substring(2, text.length() - 1), 2, text);
      }
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw unreadable(text);
    }
  }

  /** Whether {@code text} is {@code X'…'} or {@code x'…'} for {@code prefix} {@code x}. */
  private static boolean quoted(String text, char prefix) {
    return text.length() >= 3
        && Character.toLowerCase(text.charAt(0)) == prefix
        && text.charAt(1) == '\''
        && text.endsWith("'");
  }

  /** Reads digits in {@code radix}; no digits, as in {@code X''}, is 0. */
  private static BigDecimal unsigned(String digits, int radix, String text) {
    if (digits.startsWith("-") || digits.startsWith("+")) {
      throw unreadable(text);
    }
    return new BigDecimal(digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, radix));
  }

  private static ShardKeyException unreadable(String text) {
    return new ShardKeyException("cannot read the shard key " + text + " as a number");
  }
}
