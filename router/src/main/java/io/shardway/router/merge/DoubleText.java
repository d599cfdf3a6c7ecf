package io.shardway.router.merge;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a DOUBLE as MySQL's text protocol does (String::set_real), for the SUM and AVG of DOUBLE
 * values that a merge computes.
 *
 * <p>With a fixed number of decimals (the column of a {@code DOUBLE(M,D)}, or an expression MySQL
 * gives decimals) the value is rounded to that many (my_fcvt). Otherwise (decimals 31,
 * NOT_FIXED_DEC) it is my_gcvt's form: the fewest digits that read back as the same double, in
 * plain notation while the decimal point lies at most 14 places left or 15 places right of the
 * first digit ({@code 0.00000000000001}, {@code 100000000000000}, {@code 1234567890123456.8}), in
 * scientific notation beyond ({@code 1e15}, {@code 1.5e-15}: no '+', no leading zeros). Checked
 * against MariaDB 10.11; negative zero is written {@code 0}, as MariaDB does.
 */
final class DoubleText {

  /** The decimals of a DOUBLE whose text shows every digit it needs: MySQL's NOT_FIXED_DEC. */
  static final int NOT_FIXED_DECIMALS = 31;

  /**
   * my_gcvt's MAX_DECPT_FOR_F_FORMAT (DBL_DIG): how far from the first digit plain notation goes.
   */
  private static final int PLAIN_REACH = 15;

  private DoubleText() {}

  /**
   * @throws ArithmeticException for infinity and NaN, which MySQL reports as out of range rather
   *     than writes
   */
  static String format(double value, int decimals) {
    if (!Double.isFinite(value)) {
      throw new ArithmeticException("DOUBLE value is out of range: " + value);
    }
    if (decimals < NOT_FIXED_DECIMALS) {
      return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal shortest = shortest(Math.abs(value));
    String digits = shortest.unscaledValue().toString();
    // The value is 0.<digits> times 10 to the power of point.
    int point = digits.length() - shortest.scale();
    StringBuilder text = new StringBuilder(value < 0 ? "-" : "");
    if (point > -PLAIN_REACH && (point <= PLAIN_REACH || digits.length() > point)) {
      plain(text, digits, point);
    } else {
      text.append(digits.charAt(0));
      if (digits.length() > 1) {
        text.append('.').append(digits, 1, digits.length());
      }
      text.append('e').append(point - 1);
    }
    return text.toString();
  }

  private static void plain(StringBuilder text, String digits, int point) {
    if (point <= 0) {
      text.append("0.").append("0".repeat(-point)).append(digits);
    } else if (point < digits.length()) {
      text.append(digits, 0, point).append('.').append(digits, point, digits.length());
    } else {
      text.append(digits).append("0".repeat(point - digits.length()));
    }
  }

  /**
   * The decimal with the fewest significant digits that reads back as {@code value} (positive), the
   * closest to it where several do: what dtoa's shortest mode gives, without trailing zeros.
   */
  static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; ; precision++) {
      BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (nearest.doubleValue() == value) {
        return nearest.stripTrailingZeros();
      }
      // At a power of two the doubles below lie twice as densely as those above, so the decimals
      // that read back as it lie unevenly around it: a neighbour of the nearest one may read back
      // when the nearest does not.
      BigDecimal up = nearest.add(nearest.ulp());
      BigDecimal down = nearest.subtract(nearest.ulp());
      boolean upReads = up.doubleValue() == value;
      boolean downReads = down.doubleValue() == value;
      if (upReads && downReads) {
        boolean upCloser = up.subtract(exact).abs().compareTo(down.subtract(exact).abs()) < 0;
        return (upCloser ? up : down).stripTrailingZeros();
      } else if (upReads || downReads) {
        return (upReads ? up : down).stripTrailingZeros();
      }
    }
  }
}
