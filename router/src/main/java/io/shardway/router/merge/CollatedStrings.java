package io.shardway.router.merge;

import java.util.Comparator;

/**
 * Compares strings as one {@link Collation} does, reading them in the character set the connection
 * delivers them in: character by character, by weight, with PAD SPACE or NO PAD at the end.
 */
final class CollatedStrings implements Comparator<byte[]> {

  private static final int SPACE = ' ';

  private final Collation collation;
  private final Decoding decoding;
  private final int spaceWeight;

  private CollatedStrings(Collation collation, Decoding decoding) {
    this.collation = collation;
    this.decoding = decoding;
    this.spaceWeight = collation.weight(SPACE);
  }

  /**
   * Returns the comparator of strings in {@code collation} that arrive in {@code delivered}, or
   * null where the connection's character set may have lost characters the collation tells apart (a
   * utf8mb4 column read over a latin1 connection) or the pair makes no sense.
   *
   * @param delivered the character set of the values; {@link CharacterSet#BINARY} for values sent
   *     unconverted, in the collation's own character set
   */
  static CollatedStrings of(Collation collation, CharacterSet delivered) {
    CharacterSet own = collation.characterSet();
    if (own == CharacterSet.BINARY) {
      return delivered == CharacterSet.BINARY
          ? new CollatedStrings(collation, Decoding.BYTES)
          : null;
    }
    CharacterSet read = delivered == CharacterSet.BINARY ? own : delivered;
    if (!read.holds(own)) {
      return null;
    }
    Decoding decoding;
    if (read == CharacterSet.LATIN1) {
      decoding = Decoding.BYTES;
    } else {
      decoding = own == CharacterSet.LATIN1 ? Decoding.UTF8_TO_LATIN1 : Decoding.UTF8;
    }
    return new CollatedStrings(collation, decoding);
  }

  @Override
  public int compare(byte[] left, byte[] right) {
    Cursor a = new Cursor(left);
    Cursor b = new Cursor(right);
    while (a.more() && b.more()) {
      int weightA = collation.weight(decoding.next(a));
      int weightB = collation.weight(decoding.next(b));
      if (weightA != weightB) {
        return Integer.compare(weightA, weightB);
      }
    }
    if (!a.more() && !b.more()) {
      return 0;
    } else if (!collation.padSpace()) {
      return a.more() ? 1 : -1;
    }
    return a.more() ? againstSpaces(a) : -againstSpaces(b);
  }

  /** Compares the rest of a string with the spaces that pad the shorter one. */
  private int againstSpaces(Cursor rest) {
    while (rest.more()) {
      int weight = collation.weight(decoding.next(rest));
      if (weight != spaceWeight) {
        return Integer.compare(weight, spaceWeight);
      }
    }
    return 0;
  }

  /** A position in a string. */
  private static final class Cursor {
    final byte[] bytes;
    int position;

    Cursor(byte[] bytes) {
      this.bytes = bytes;
    }

    boolean more() {
      return position < bytes.length;
    }

    int nextByte() {
      return bytes[position++] & 0xFF;
    }
  }

  /** How the characters a collation weighs are read from the bytes delivered. */
  private enum Decoding {
    /** A character per byte: binary, or latin1 delivered as latin1. */
    BYTES {
      @Override
      int next(Cursor cursor) {
        return cursor.nextByte();
      }
    },
    /** Code points of UTF-8. */
    UTF8 {
      @Override
      int next(Cursor cursor) {
        return codePoint(cursor);
      }
    },
    /** The latin1 bytes of UTF-8's code points: a latin1 column delivered as UTF-8. */
    UTF8_TO_LATIN1 {
      @Override
      int next(Cursor cursor) {
        return Latin1.byteOf(codePoint(cursor));
      }
    };

    abstract int next(Cursor cursor);

    /**
     * Reads one code point of well-formed UTF-8, as a server sends it.
     *
     * @throws IllegalArgumentException on anything else
     */
    private static int codePoint(Cursor cursor) {
      int first = cursor.nextByte();
      if (first < 0x80) {
        return first;
      }
      int continuations;
      int codePoint;
      int least;
      if (first >= 0xC2 && first <= 0xDF) {
        continuations = 1;
        codePoint = first & 0x1F;
        least = 0x80;
      } else if (first >= 0xE0 && first <= 0xEF) {
        continuations = 2;
        codePoint = first & 0x0F;
        least = 0x800;
      } else if (first >= 0xF0 && first <= 0xF4) {
        continuations = 3;
        codePoint = first & 0x07;
        least = 0x10000;
      } else {
        throw malformed(cursor);
      }
      for (int i = 0; i < continuations; i++) {
        int next = cursor.more() ? cursor.nextByte() : 0;
        if ((next & 0xC0) != 0x80) {
          throw malformed(cursor);
        }
        codePoint = codePoint << 6 | next & 0x3F;
      }
      boolean surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
      if (codePoint < least || codePoint > Character.MAX_CODE_POINT || surrogate) {
        throw malformed(cursor);
      }
      return codePoint;
    }

    private static IllegalArgumentException malformed(Cursor cursor) {
      return new IllegalArgumentException(
          "string value: malformed UTF-8 before byte " + cursor.position);
    }
  }
}
