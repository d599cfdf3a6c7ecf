package io.shardway.config;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses sizes written as a whole number with an optional unit: {@code 1024}, {@code 512B}, {@code
 * 64KiB}, {@code 16MiB}, {@code 1GiB}, {@code 1TiB}, or the decimal {@code 64KB}, {@code 10MB},
 * {@code 1GB}, {@code 1TB}.
 *
 * <p>{@code KiB}/{@code MiB}/{@code GiB}/{@code TiB} are powers of 1024 and {@code KB}/{@code
 * MB}/{@code GB}/{@code TB} powers of 1000, as IEC 80000-13 defines them; MySQL's own {@code 64M}
 * shorthand is not accepted because it leaves the reader guessing which one is meant. Units are
 * case-sensitive for the same reason ({@code Mb} reads as megabits).
 */
public final class DataSize {

  private static final Pattern SIZE = Pattern.compile("(\\d+)([A-Za-z]*)");

  private static final Map<String, Long> UNITS =
      Map.of(
          "", 1L,
          "B", 1L,
          "KiB", 1L << 10,
          "MiB", 1L << 20,
          "GiB", 1L << 30,
          "TiB", 1L << 40,
          "KB", 1_000L,
          "MB", 1_000_000L,
          "GB", 1_000_000_000L,
          "TB", 1_000_000_000_000L);

  private DataSize() {}

  /**
   * Returns the number of bytes that {@code text} stands for.
   *
   * @throws IllegalArgumentException if {@code text} is not a size, or does not fit in a long; the
   *     message quotes the text
   */
  public static long parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher matcher = SIZE.matcher(text);
    Long unit = matcher.matches() ? UNITS.get(matcher.group(2)) : null;
    if (unit == null) {
      throw new IllegalArgumentException(
          "expected a size like 1024, 64KiB, 16MiB or 1GiB, got \"" + text + "\"");
    }
    try {
      return Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("size is too large, got \"" + text + "\"", e);
    }
  }
}
