package io.shardway.protocol;

/**
 * A TIME value of the binary protocol: a signed duration split into days, hours, minutes, seconds
 * and microseconds, as MySQL sends it. TIME ranges over -838:59:59.999999 to 838:59:59.999999, so
 * {@code days} goes up to 34; the wire format allows more.
 */
public record BinaryTime(
    boolean negative, long days, int hours, int minutes, int seconds, int micros) {

  public static final BinaryTime ZERO = new BinaryTime(false, 0, 0, 0, 0, 0);

  public BinaryTime {
    if (days < 0 || days > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("days: " + days + " (expected: 0-4294967295)");
    }
    BinaryDateTime.check("hours", hours, 23);
    BinaryDateTime.check("minutes", minutes, 59);
    BinaryDateTime.check("seconds", seconds, 59);
    BinaryDateTime.check("micros", micros, 999_999);
  }

  /**
   * The number of value bytes the binary protocol uses, as MySQL's Protocol_binary::store_time
   * does: 0 for a zero duration (whatever its sign), 8 without micros, else 12.
   */
  public int encodedLength() {
    if (micros != 0) {
      return 12;
    } else if (days != 0 || hours != 0 || minutes != 0 || seconds != 0) {
      return 8;
    }
    return 0;
  }

  @Override
  public String toString() {
    String text =
        String.format("%s%d:%02d:%02d", negative ? "-" : "", days * 24 + hours, minutes, seconds);
    return micros == 0 ? text : text + String.format(".%06d", micros);
  }
}
