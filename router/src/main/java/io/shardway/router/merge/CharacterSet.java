package io.shardway.router.merge;

/**
 * The character sets whose strings Shardway can compare, and which one a collation id names.
 *
 * <p>In a result's column definition the id is the collation of the connection's {@code
 * character_set_results}, in which the server converted the values, not the column's own collation
 * (protocol_classic.cc, "With conversion"); only binary strings, and every string when {@code
 * character_set_results} is NULL, keep their own id. So the id tells how the bytes are encoded, and
 * the order must come from elsewhere: see {@link Collation}.
 */
enum CharacterSet {
  /** Bytes: the {@code binary} character set of BINARY, VARBINARY and BLOB. */
  BINARY,
  /** MySQL's latin1: cp1252, as {@link Latin1} maps it. */
  LATIN1,
  /** UTF-8 without four-byte sequences ({@code utf8mb3}, once {@code utf8}). */
  UTF8MB3,
  UTF8MB4;

  private static final int BINARY_ID = 63;

  /**
   * Returns the character set of collation {@code id}, in MySQL 8's numbering and MariaDB's (which
   * agree where both assign an id), or null for the other character sets.
   */
  static CharacterSet ofCollationId(int id) {
    if (id == BINARY_ID) {
      return BINARY;
    } else if (isLatin1(id)) {
      return LATIN1;
    } else if (isUtf8mb3(id)) {
      return UTF8MB3;
    } else if (isUtf8mb4(id)) {
      return UTF8MB4;
    }
    return null;
  }

  /** Whether every string of {@code other} converts into this character set unchanged. */
  boolean holds(CharacterSet other) {
    return this == other
        || this == UTF8MB4 && other != BINARY
        || this == UTF8MB3 && other == LATIN1;
  }

  private static boolean isLatin1(int id) {
    return id == 5
        || id == 8
        || id == 15
        || id == 31
        || id >= 47 && id <= 49
        || id == 94
        || id == 1032
        || id == 1071;
  }

  /** MariaDB numbers its UCA 14.0 collations from 2048, 256 ids per character set. */
  private static boolean isUtf8mb3(int id) {
    return id == 33
        || id == 76
        || id == 83
        || id >= 192 && id <= 215
        || id == 223
        || id >= 576 && id <= 578
        || id == 1057
        || id == 1107
        || id == 1216
        || id == 1238
        || id >= 2048 && id <= 2303;
  }

  /** MySQL 8 numbers its utf8mb4_0900 collations from 255 to 323. */
  private static boolean isUtf8mb4(int id) {
    return id == 45
        || id == 46
        || id >= 224 && id <= 247
        || id >= 255 && id <= 323
        || id >= 608 && id <= 610
        || id == 1069
        || id == 1070
        || id == 1248
        || id == 1270
        || id >= 2304 && id <= 2559;
  }
}
