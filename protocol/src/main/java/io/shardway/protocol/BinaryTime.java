package io.shardway.protocol;

import io.netty.buffer.ByteBuf;

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

  /** Reads the length byte and the fields it announces. */
  public static BinaryTime decode(ByteBuf in) {
    int length = in.readUnsignedByte();
    if (length == 0) {
      return ZERO;
    }
    if (length != 8 && length != 12) {
      throw new IllegalArgumentException("time length: " + length + " (expected: 0, 8 or 12)");
    }
    boolean negative = in.readBoolean();
    long days = in.readUnsignedIntLE();
    int hours = in.readUnsignedByte();
    int minutes = in.readUnsignedByte();
    int seconds = in.readUnsignedByte();
    int micros = length == 12 ? in.readIntLE() : 0;
    return new BinaryTime(negative, days, hours, minutes, seconds, micros);
  }

  /** Writes the value in its {@link #encodedLength() shortest form}, length byte first. */
  public void encode(ByteBuf out) {
    int length = encodedLength();
    out.writeByte(length);
    if (length == 0) {
      return;
    }
    out.writeBoolean(negative).writeIntLE((int) days);
    out.writeByte(hours).writeByte(minutes).writeByte(seconds);
    if (length == 12) {
      out.writeIntLE(micros);
    }
  }

  @Override
  public String toString() {
    String text =
        String.format("%s%d:%02d:%02d", negative ? "-" : "", days * 24 + hours, minutes, seconds);
    return micros == 0 ? text : text + String.format(".%06d", micros);
  }
}
