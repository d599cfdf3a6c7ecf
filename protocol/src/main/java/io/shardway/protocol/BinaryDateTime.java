package io.shardway.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A DATE, DATETIME or TIMESTAMP value of the binary protocol, field by field, so that what
 * java.time cannot hold survives a round trip: the zero date 0000-00-00 and dates with a zero month
 * or day, which MySQL and MariaDB allow unless NO_ZERO_DATE / NO_ZERO_IN_DATE are in the SQL mode.
 */
public record BinaryDateTime(
    int year, int month, int day, int hour, int minute, int second, int micros) {

  public static final BinaryDateTime ZERO = new BinaryDateTime(0, 0, 0, 0, 0, 0, 0);

  public BinaryDateTime {
    check("year", year, 9999);
    check("month", month, 12);
    check("day", day, 31);
    check("hour", hour, 23);
    check("minute", minute, 59);
    check("second", second, 59);
    check("micros", micros, 999_999);
  }

  public static BinaryDateTime date(int year, int month, int day) {
    return new BinaryDateTime(year, month, day, 0, 0, 0, 0);
  }

  /**
   * The number of value bytes the binary protocol uses, as MySQL's Protocol_binary::store does: 0
   * for the zero date, 4 without a time of day, 7 without micros, else 11.
   */
  public int encodedLength() {
    if (micros != 0) {
      return 11;
    } else if (hour != 0 || minute != 0 || second != 0) {
      return 7;
    } else if (year != 0 || month != 0 || day != 0) {
      return 4;
    }
    return 0;
  }

  /** Reads the length byte and the fields it announces. */
  public static BinaryDateTime decode(ByteBuf in) {
    int length = in.readUnsignedByte();
    if (length == 0) {
      return ZERO;
    }
    if (length != 4 && length != 7 && length != 11) {
      throw new IllegalArgumentException(
          "date/time length: " + length + " (expected: 0, 4, 7 or 11)");
    }
    int year = in.readUnsignedShortLE();
    int month = in.readUnsignedByte();
    int day = in.readUnsignedByte();
    int hour = length > 4 ? in.readUnsignedByte() : 0;
    int minute = length > 4 ? in.readUnsignedByte() : 0;
    int second = length > 4 ? in.readUnsignedByte() : 0;
    int micros = length > 7 ? in.readIntLE() : 0;
    return new BinaryDateTime(year, month, day, hour, minute, second, micros);
  }

  /** Writes the value in its {@link #encodedLength() shortest form}, length byte first. */
  public void encode(ByteBuf out) {
    int length = encodedLength();
    out.writeByte(length);
    if (length >= 4) {
      out.writeShortLE(year).writeByte(month).writeByte(day);
    }
    if (length >= 7) {
      out.writeByte(hour).writeByte(minute).writeByte(second);
    }
    if (length == 11) {
      out.writeIntLE(micros);
    }
  }

  @Override
  public String toString() {
    String text =
        String.format("%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour, minute, second);
    return micros == 0 ? text : text + String.format(".%06d", micros);
  }

  static void check(String field, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(field + ": " + value + " (expected: 0-" + max + ")");
    }
  }
}
