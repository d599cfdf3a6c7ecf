package io.shardway.router.merge;

/**
 * MySQL's latin1 character set and the weights of latin1_swedish_ci.
 *
 * <p>MySQL's latin1 is cp1252, with the five bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
 * 0x9D) mapped to the C1 controls of the same number. latin1_swedish_ci weighs a byte as its upper
 * case, with the Swedish alphabet's own letters after Z: Å as '[', Ä and Æ as '\', Ö as ']', Ü and
 * Ý as Y, the other accented letters as their base letter, ø as Ø and þ as Þ; the rest, bytes 0x80
 * to 0xBF included, weigh as themselves. Both were read from MariaDB 10.11, which has MySQL's
 * tables.
 */
final class Latin1 {

  /** The code points of bytes 0x80 to 0x9F. */
  private static final char[] C1_ROW = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
  };

  /** latin1_swedish_ci's weights of bytes 0xC0 to 0xFF. */
  private static final char[] SWEDISH_LETTERS = {
    0x41, 0x41, 0x41, 0x41, 0x5C, 0x5B, 0x5C, 0x43, 0x45, 0x45, 0x45, 0x45, 0x49, 0x49, 0x49, 0x49,
    0x44, 0x4E, 0x4F, 0x4F, 0x4F, 0x4F, 0x5D, 0xD7, 0xD8, 0x55, 0x55, 0x55, 0x59, 0x59, 0xDE, 0xDF,
    0x41, 0x41, 0x41, 0x41, 0x5C, 0x5B, 0x5C, 0x43, 0x45, 0x45, 0x45, 0x45, 0x49, 0x49, 0x49, 0x49,
    0x44, 0x4E, 0x4F, 0x4F, 0x4F, 0x4F, 0x5D, 0xF7, 0xD8, 0x55, 0x55, 0x55, 0x59, 0x59, 0xDE, 0xFF
  };

  private Latin1() {}

  /**
   * Returns the latin1 byte (0 to 255) of {@code codePoint}.
   *
   * @throws IllegalArgumentException if latin1 has no such character: the string cannot come from a
   *     latin1 column, so the collation the merge was built with is not the column's
   */
  static int byteOf(int codePoint) {
    if (codePoint < 0x80 || codePoint >= 0xA0 && codePoint <= 0xFF) {
      return codePoint;
    }
    for (int i = 0; i < C1_ROW.length; i++) {
      if (C1_ROW[i] == codePoint) {
        return 0x80 + i;
      }
    }
    throw new IllegalArgumentException(
        String.format("U+%04X (expected: a latin1 character)", codePoint));
  }

  /** Returns latin1_swedish_ci's weight of latin1 byte {@code b} (0 to 255). */
  static int swedishWeight(int b) {
    if (b >= 'a' && b <= 'z') {
      return b - ('a' - 'A');
    }
    return b < 0xC0 ? b : SWEDISH_LETTERS[b - 0xC0];
  }
}
