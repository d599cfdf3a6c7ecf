package io.shardway.router.shard;

import io.shardway.config.ShardKeyText;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A shard key value in the form that decides its shard: values a MySQL comparison finds equal map
 * to equal keys.
 *
 * <p>The router cannot see column types, so a value is read the way MySQL compares it with a column
 * of either kind (see {@link ShardKeyText}):
 *
 * <ul>
 *   <li>A number, and a string whose content is a decimal number ({@code '42'}, {@code ' 42'},
 *       {@code '42.0'}), is {@link Numeric}: MySQL compares a number column with such a string as a
 *       number. Against a string column, {@code '42'} and {@code '42.0'} differ, but sharing a
 *       shard is harmless.
 *   <li>Other strings are {@link Text}, without trailing spaces (PAD SPACE collations) and in lower
 *       case by {@code toLowerCase(Locale.ROOT)} (the common {@code _ci} collations). For binary or
 *       NO PAD collations this only puts more values on one shard.
 *   <li>Hex and bit literals ({@code 0x2A}, {@code X'2A'}, {@code 0b101}, {@code B'101'}) are
 *       numbers, as MySQL reads them in a number context; against a string column MySQL reads them
 *       as binary strings, so they are right for number shard keys only.
 * </ul>
 *
 * <p>The limits: accent-insensitive collations ({@code utf8mb4_0900_ai_ci}, {@code
 * utf8mb4_general_ci}) find {@code 'é'} equal to {@code 'e'} and this folding does not, so a string
 * shard key should use a case-insensitive-only collation ({@code utf8mb4_0900_as_ci}) or a binary
 * one ({@code utf8mb4_bin}). And text that MySQL reads as a number only in part ({@code '42abc'} is
 * 42, {@code 'abc'} is 0, each with a warning) stays text here.
 */
public sealed interface ShardKey permits ShardKey.Numeric, ShardKey.Text {

  /**
   * Returns the key of a SQL literal.
   *
   * @param literalText the literal: a number as written ({@code 42}, {@code -1.5e3}, {@code 0x2A},
   *     {@code B'101'}), or the content of a string literal, its quotes removed and its escapes
   *     resolved
   * @param quoted whether {@code literalText} is the content of a string literal
   * @throws ShardKeyException if {@code quoted} is false and {@code literalText} is not a number
   *     literal that Shardway can read
   */
  static ShardKey of(String literalText, boolean quoted) {
    if (quoted) {
      return ShardKeyText.number(literalText)
          .<ShardKey>map(Numeric::new)
          .orElseGet(() -> new Text(literalText));
    }
    return new Numeric(NumberLiterals.parse(literalText));
  }

  /** Returns the key of an integer, such as a parameter bound as a number. */
  static ShardKey ofLong(long value) {
    return new Numeric(BigDecimal.valueOf(value));
  }

  /**
   * A number. Build it with {@link ShardKey#of} from a literal, so that a string holding a number
   * is a number too.
   *
   * @param value normalised: without trailing zeros, so {@code 42.0} and {@code 42} are equal, and
   *     0 for -0
   */
  record Numeric(BigDecimal value) implements ShardKey {

    /**
     * Values whose scale lies outside ±this are written in E notation: their plain form would have
     * more digits than any MySQL number (a DOUBLE reaches about 1.8e308 and 4.9e-324), and {@code
     * 1e999999999} would take a gigabyte.
     */
    private static final int PLAIN_SCALE_LIMIT = 400;

    /** Normalises the value. */
    public Numeric {
      value = Objects.requireNonNull(value, "value").stripTrailingZeros();
    }

    /**
     * Returns the value in plain decimal ({@code 42}, {@code -0.5}, {@code 1000}), or in E notation
     * beyond {@value #PLAIN_SCALE_LIMIT} decimal places either way ({@code 1E+999999999}). It is
     * the form the {@code hash} and {@code consistent-hash} algorithms hash: changing it moves
     * keys.
     */
    @Override
    public String toString() {
      int scale = value.scale();
      return scale >= -PLAIN_SCALE_LIMIT && scale <= PLAIN_SCALE_LIMIT
          ? value.toPlainString()
          : value.toString();
    }
  }

  /**
   * A string that is not a number. Build it with {@link ShardKey#of}, so that a string holding a
   * number is a {@link Numeric} instead.
   *
   * @param folded the text without trailing spaces, in lower case (see {@link ShardKeyText#folded})
   */
  record Text(String folded) implements ShardKey {

    /** Folds the text. */
    public Text {
      folded = ShardKeyText.folded(Objects.requireNonNull(folded, "folded"));
    }

    /** Returns the folded text as a SQL string literal, for messages: {@code 'it''s'}. */
    @Override
    public String toString() {
      return "'" + folded.replace("'", "''") + "'";
    }
  }
}
