package io.shardway.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written as a whole number with a unit: {@code 500ms}, {@code 2s}, {@code 5m},
 * {@code 1h}, {@code 1d}.
 *
 * <p>The unit is required: a bare {@code 30} could mean seconds or milliseconds, and the two differ
 * by a factor that turns a timeout into an outage.
 */
public final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d+)([a-z]+)");

  private static final Map<String, ChronoUnit> UNITS =
      Map.of(
          "ms", ChronoUnit.MILLIS,
          "s", ChronoUnit.SECONDS,
          "m", ChronoUnit.MINUTES,
          "h", ChronoUnit.HOURS,
          "d", ChronoUnit.DAYS);

  private Durations() {}

  /**
   * Returns the duration that {@code text} stands for.
   *
   * @throws IllegalArgumentException if {@code text} is not a duration, or is too long for {@link
   *     Duration}; the message quotes the text
   */
  public static Duration parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher matcher = DURATION.matcher(text);
    ChronoUnit unit = matcher.matches() ? UNITS.get(matcher.group(2)) : null;
    if (unit == null) {
      throw new IllegalArgumentException(
          "expected a duration like 500ms, 2s, 5m, 1h or 1d, got \"" + text + "\"");
    }
    try {
      return Duration.of(Long.parseLong(matcher.group(1)), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("duration is too long, got \"" + text + "\"", e);
    }
  }
}
