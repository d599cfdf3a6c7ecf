package io.shardway.router.merge;

import io.shardway.protocol.BinaryDateTime;
import io.shardway.protocol.BinaryTime;
import io.shardway.protocol.ColumnDefinition;
import io.shardway.protocol.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Values in the text protocol's form: reads the text MySQL writes for numbers, dates and times, and
 * writes numbers the way MySQL does, for the rows a merge builds.
 */
final class TextValues {

  private static final int MICROS_DIGITS = 6;

  private TextValues() {}

  /**
   * Reads an integer: {@code -42}, {@code 00042} (ZEROFILL), or an UNSIGNED BIGINT above {@link
   * Long#MAX_VALUE}, which comes back as the negative long with its bits.
   */
  static long integer(byte[] text) {
    String digits = ascii(text);
    return digits.startsWith("-") ? Long.parseLong(digits) : Long.parseUnsignedLong(digits);
  }

  static BigDecimal decimal(byte[] text) {
    return new BigDecimal(ascii(text));
  }

  static double floating(byte[] text) {
    return Double.parseDouble(ascii(text));
  }

  /** Reads {@code YYYY-MM-DD}, optionally followed by {@code hh:mm:ss} and a fraction. */
  static BinaryDateTime dateTime(byte[] text) {
    if (text.length < 10 || text[4] != '-' || text[7] != '-') {
      throw malformed("date", text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    if (text.length == 10) {
      return BinaryDateTime.date(year, month, day);
    }
    if (text.length < 19 || text[10] != ' ' || text[13] != ':' || text[16] != ':') {
      throw malformed("date and time", text);
    }
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    return new BinaryDateTime(year, month, day, hour, minute, second, micros(text, 19));
  }

  /** Reads {@code [-]h:mm:ss}, hours of one to three digits, optionally with a fraction. */
  static BinaryTime time(byte[] text) {
    boolean negative = text.length > 0 && text[0] == '-';
    int start = negative ? 1 : 0;
    int colon = start;
    while (colon < text.length && text[colon] != ':') {
      colon++;
    }
    if (colon == start || colon + 6 > text.length || text[colon + 3] != ':') {
      throw malformed("time", text);
    }
    long hours = digits(text, start, colon - start);
    int minutes = digits(text, colon + 1, 2);
    int seconds = digits(text, colon + 4, 2);
    int micros = micros(text, colon + 6);
    return new BinaryTime(negative, hours / 24, (int) (hours % 24), minutes, seconds, micros);
  }

  /**
   * Writes a number computed by a merge in {@code column}'s text form: an integer or a DECIMAL (at
   * the scale it has) in plain digits, a DOUBLE as {@link DoubleText} does.
   */
  static byte[] format(Number value, ColumnDefinition column) {
    boolean real = column.type() == ColumnType.DOUBLE;
    String text;
    if (real && value instanceof Double number) {
      text = DoubleText.format(number, column.decimals());
    } else if (!real && value instanceof BigDecimal decimal) {
      text = decimal.toPlainString();
    } else if (!real && (value instanceof Long || value instanceof BigInteger)) {
      text = value.toString();
    } else {
      throw new IllegalArgumentException(
          column.name()
              + ": "
              + value.getClass().getSimpleName()
              + " (expected: Double for a DOUBLE column, else BigDecimal, Long or BigInteger)");
    }
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** The fraction after the seconds at {@code dot}, in microseconds; 0 where there is none. */
  private static int micros(byte[] text, int dot) {
    if (text.length == dot) {
      return 0;
    }
    int count = text.length - dot - 1;
    if (text[dot] != '.' || count < 1 || count > MICROS_DIGITS) {
      throw malformed("fraction of a second", text);
    }
    int micros = digits(text, dot + 1, count);
    for (int i = count; i < MICROS_DIGITS; i++) {
      micros *= 10;
    }
    return micros;
  }

  private static int digits(byte[] text, int start, int count) {
    if (count > 9) {
      throw malformed("number", text);
    }
    int value = 0;
    for (int i = start; i < start + count; i++) {
      int digit = text[i] - '0';
      if (digit < 0 || digit > 9) {
        throw malformed("number", text);
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static String ascii(byte[] text) {
    return new String(text, StandardCharsets.US_ASCII);
  }

  private static IllegalArgumentException malformed(String what, byte[] text) {
    return new IllegalArgumentException(what + ": '" + ascii(text) + "' (expected: MySQL's text)");
  }
}
