package io.shardway.router.merge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The collations whose order Shardway reproduces exactly, so that it can merge rows that shards
 * sorted, grouped or made distinct by a string: the binary ones, {@code general_ci} and {@code
 * latin1_swedish_ci}, with PAD SPACE or, for MariaDB's {@code nopad} variants, NO PAD.
 *
 * <ul>
 *   <li>{@link #BINARY}: byte by byte, a shorter string before its longer continuations.
 *   <li>{@code _bin}: by code point (latin1_bin by byte), which for UTF-8 is byte order.
 *   <li>{@code utf8mb3_general_ci}, {@code utf8mb4_general_ci}: one weight per character from
 *       MySQL's table (see {@link GeneralCiWeights}), over the whole Basic Multilingual Plane, so
 *       case and accents are ignored ({@code 'a' = 'A' = 'á'}, {@code 'ß' = 's'}); characters above
 *       U+FFFF are all equal.
 *   <li>{@code latin1_swedish_ci}: the Swedish table of {@link Latin1}, for all 256 bytes.
 * </ul>
 *
 * <p>PAD SPACE compares as if the shorter string were padded with spaces: trailing spaces do not
 * count ({@code 'a' = 'a '}), and {@code 'a\t' < 'a'} since a tab sorts before a space. NO PAD
 * compares the strings as they are.
 *
 * <p>Not supported, so that merging by them is refused: the UCA collations ({@code
 * utf8mb4_unicode_ci}, {@code unicode_520_ci}, {@code 0900_ai_ci} and the other {@code 0900} ones,
 * MariaDB's {@code uca1400}), whose expansions, contractions and multi-level weights need the
 * Unicode Collation Algorithm with MySQL's own tables; {@code java.text.Collator} is no stand-in,
 * as it disagrees with them on plain ASCII (it ignores {@code '-'} and {@code ' '}, so it puts
 * {@code 'a b'} after {@code 'a1'}, where MySQL puts it first). Nor the other latin1 collations and
 * character sets.
 *
 * <p>The collation of a column cannot be read from the result: a column definition carries the
 * connection's collation (see {@link CharacterSet}). It comes from the schema ({@code
 * information_schema.COLUMNS.COLLATION_NAME}, or a {@code COLLATE} in the statement), by {@link
 * #byName} or {@link #byId}. What the result does tell is whether the collation is a binary one:
 * the column's BINARY flag, which {@link ValueComparator} checks against it.
 */
public enum Collation {
  BINARY(63, "binary", CharacterSet.BINARY, Weights.OWN, false),
  LATIN1_SWEDISH_CI(8, "latin1_swedish_ci", CharacterSet.LATIN1, Weights.SWEDISH, true),
  LATIN1_BIN(47, "latin1_bin", CharacterSet.LATIN1, Weights.OWN, true),
  LATIN1_SWEDISH_NOPAD_CI(
      1032, "latin1_swedish_nopad_ci", CharacterSet.LATIN1, Weights.SWEDISH, false),
  LATIN1_NOPAD_BIN(1071, "latin1_nopad_bin", CharacterSet.LATIN1, Weights.OWN, false),
  UTF8MB3_GENERAL_CI(33, "utf8mb3_general_ci", CharacterSet.UTF8MB3, Weights.GENERAL, true),
  UTF8MB3_BIN(83, "utf8mb3_bin", CharacterSet.UTF8MB3, Weights.OWN, true),
  UTF8MB3_GENERAL_NOPAD_CI(
      1057, "utf8mb3_general_nopad_ci", CharacterSet.UTF8MB3, Weights.GENERAL, false),
  UTF8MB3_NOPAD_BIN(1107, "utf8mb3_nopad_bin", CharacterSet.UTF8MB3, Weights.OWN, false),
  UTF8MB4_GENERAL_CI(45, "utf8mb4_general_ci", CharacterSet.UTF8MB4, Weights.GENERAL, true),
  UTF8MB4_BIN(46, "utf8mb4_bin", CharacterSet.UTF8MB4, Weights.OWN, true),
  UTF8MB4_GENERAL_NOPAD_CI(
      1069, "utf8mb4_general_nopad_ci", CharacterSet.UTF8MB4, Weights.GENERAL, false),
  UTF8MB4_NOPAD_BIN(1070, "utf8mb4_nopad_bin", CharacterSet.UTF8MB4, Weights.OWN, false);

  /** The prefix MySQL 5.7 and MariaDB before 10.6 name utf8mb3 collations with. */
  private static final String OLD_UTF8_PREFIX = "utf8_";

  private final int id;
  private final String sqlName;
  private final CharacterSet characterSet;
  private final Weights weights;
  private final boolean padSpace;

  Collation(int id, String sqlName, CharacterSet characterSet, Weights weights, boolean padSpace) {
    this.id = id;
    this.sqlName = sqlName;
    this.characterSet = characterSet;
    this.weights = weights;
    this.padSpace = padSpace;
  }

  /** Returns the collation with this id, the same in MySQL 8 and MariaDB; empty if unsupported. */
  public static Optional<Collation> byId(int id) {
    return Arrays.stream(values()).filter(c -> c.id == id).findFirst();
  }

  /**
   * Returns the collation with this name, in any case, {@code utf8_} standing for {@code utf8mb3_};
   * empty if unsupported.
   */
  public static Optional<Collation> byName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String current =
        lower.startsWith(OLD_UTF8_PREFIX)
            ? "utf8mb3_" + lower.substring(OLD_UTF8_PREFIX.length())
            : lower;
    return Arrays.stream(values()).filter(c -> c.sqlName.equals(current)).findFirst();
  }

  public int id() {
    return id;
  }

  /** The name in SQL: {@code utf8mb4_general_ci}. */
  public String sqlName() {
    return sqlName;
  }

  /**
   * Whether characters weigh their own code point (or byte): MySQL's MY_CS_BINSORT, which sets the
   * BINARY flag of a column with this collation.
   */
  public boolean binarySort() {
    return weights == Weights.OWN;
  }

  /** Whether trailing spaces are ignored: PAD SPACE rather than NO PAD. */
  public boolean padSpace() {
    return padSpace;
  }

  CharacterSet characterSet() {
    return characterSet;
  }

  /**
   * The weight of a character: a code point for the utf8 collations, a byte for the latin1 ones and
   * binary.
   */
  int weight(int character) {
    return switch (weights) {
      case OWN -> character;
      case SWEDISH -> Latin1.swedishWeight(character);
      case GENERAL -> GeneralCiWeights.weight(character);
    };
  }

  private enum Weights {
    OWN,
    SWEDISH,
    GENERAL
  }
}
