package io.shardway.router.merge;

import io.shardway.protocol.BinaryDateTime;
import io.shardway.protocol.BinaryTime;
import io.shardway.protocol.ColumnDefinition;
import io.shardway.protocol.ColumnType;
import java.util.Comparator;

/**
 * Compares the values of one column of two rows as MySQL's ORDER BY does ascending: NULL before
 * every value; integers, DECIMAL (whatever their scales: {@code 1.5 = 1.50}) and UNSIGNED BIGINT
 * beyond {@link Long#MAX_VALUE} by value; FLOAT and DOUBLE by value, {@code -0 = 0}; DATE,
 * DATETIME, TIMESTAMP and TIME in time order, zero dates first; YEAR and BIT as unsigned numbers;
 * strings by their {@link Collation}. Equal values compare 0, which is also how DISTINCT and GROUP
 * BY tell them apart. A DESC key reverses the whole comparison, so NULL comes last, as in MySQL.
 * Where the collation of a string is not known, the shards can send its weights, which {@link
 * #byWeights} compares instead.
 *
 * <p>Refused, with an {@link UnsupportedMergeException} when the comparator is built:
 *
 * <ul>
 *   <li>ENUM and SET, which MySQL orders by the index of their members while the rows carry the
 *       text (a result column of either is a STRING with the ENUM or SET flag);
 *   <li>JSON (MySQL's JSON type), GEOMETRY, and any type not listed above;
 *   <li>in text rows, FLOAT and DOUBLE columns with fixed decimals, whose text is rounded (FLOAT to
 *       six digits), so that two different values may read the same;
 *   <li>TIMESTAMP, unless the result's timestamps are rendered at a fixed UTC offset (see {@link
 *       ResultColumns#fixedOffsetTimestamps});
 *   <li>strings without a supported collation, and strings whose BINARY flag contradicts the
 *       collation given: the shards would have sorted them by another one.
 * </ul>
 */
public final class ValueComparator implements Comparator<MergeRow> {

  /** Column flag of ENUM columns, which a result declares as STRING. */
  private static final int FLAG_ENUM = 0x100;

  /** Column flag of SET columns, which a result declares as STRING. */
  private static final int FLAG_SET = 0x800;

  private final int column;
  private final ValueOrder order;

  private ValueComparator(int column, ValueOrder order) {
    this.column = column;
    this.order = order;
  }

  /**
   * Returns the comparator of column {@code column} of a result.
   *
   * @param collation the collation of a string column, from the schema; null where it is unknown,
   *     which only binary strings (character set 63 with the BINARY flag) allow. Ignored for other
   *     columns.
   * @throws UnsupportedMergeException if the merge cannot order the column as MySQL does
   */
  public static ValueComparator of(ResultColumns columns, int column, Collation collation) {
    return new ValueComparator(column, order(columns, column, collation));
  }

  /**
   * Returns the comparator of column {@code value} of a result whose shards sent the column's
   * collation weights beside it: a non-binary string by its weights, {@code WEIGHT_STRING} in
   * column {@code weight} and a space's weight in column {@code spaceWeight} (see {@link
   * WeightOrder}), since a result does not say a column's collation; any other column (numbers,
   * temporal values, binary strings, whose weights the shards send as NULL or as the bytes
   * themselves) as {@link #of} orders it without a collation.
   *
   * @throws UnsupportedMergeException if the merge cannot order the column as MySQL does
   */
  public static ValueComparator byWeights(
      ResultColumns columns, int value, int weight, int spaceWeight) {
    ColumnDefinition definition = columns.definition(value);
    if (!isString(definition.type()) || definition.characterSet() == Collation.BINARY.id()) {
      return of(columns, value, null);
    }
    refuseMembers(definition);
    return new ValueComparator(value, new WeightOrder(definition.name(), weight, spaceWeight));
  }

  /** The index of the column compared. */
  public int column() {
    return column;
  }

  @Override
  public int compare(MergeRow left, MergeRow right) {
    boolean leftNull = left.isNull(column);
    boolean rightNull = right.isNull(column);
    if (leftNull || rightNull) {
      return Boolean.compare(!leftNull, !rightNull);
    }
    return order.compare(left, right, column);
  }

  private static ValueOrder order(ResultColumns columns, int column, Collation collation) {
    ColumnDefinition definition = columns.definition(column);
    refuseMembers(definition);
    if (isString(definition.type())) {
      return strings(definition, collation);
    }
    return switch (definition.type()) {
      case ColumnType.TINY,
          ColumnType.SHORT,
          ColumnType.INT24,
          ColumnType.LONG,
          ColumnType.LONGLONG,
          ColumnType.YEAR ->
          definition.isUnsigned()
              ? (a, b, i) -> Long.compareUnsigned(a.integer(i), b.integer(i))
              : (a, b, i) -> Long.compare(a.integer(i), b.integer(i));
      case ColumnType.DECIMAL, ColumnType.NEWDECIMAL ->
          (a, b, i) -> a.decimal(i).compareTo(b.decimal(i));
      case ColumnType.FLOAT, ColumnType.DOUBLE -> floating(columns, definition);
      case ColumnType.DATE, ColumnType.NEWDATE, ColumnType.DATETIME ->
          (a, b, i) -> Long.compare(instant(a.dateTime(i)), instant(b.dateTime(i)));
      case ColumnType.TIMESTAMP -> timestamp(columns, definition);
      case ColumnType.TIME -> (a, b, i) -> Long.compare(micros(a.time(i)), micros(b.time(i)));
      case ColumnType.BIT -> (a, b, i) -> compareBits(a.bytes(i), b.bytes(i));
      case ColumnType.NULL -> (a, b, i) -> 0;
      default ->
          throw refused(
              definition, "the column", " of type 0x" + Integer.toHexString(definition.type()));
    };
  }

  /** ENUM and SET columns, which MySQL orders by the index of their members. */
  private static void refuseMembers(ColumnDefinition definition) {
    if ((definition.flags() & (FLAG_ENUM | FLAG_SET)) != 0) {
      throw refused(definition, "the ENUM or SET column", ", which MySQL orders by member index");
    }
  }

  /** Whether a column of {@code type} holds strings or BLOBs, which a collation orders. */
  private static boolean isString(int type) {
    return switch (type) {
      case ColumnType.VARCHAR,
          ColumnType.VAR_STRING,
          ColumnType.STRING,
          ColumnType.TINY_BLOB,
          ColumnType.MEDIUM_BLOB,
          ColumnType.LONG_BLOB,
          ColumnType.BLOB ->
          true;
      default -> false;
    };
  }

  private static ValueOrder floating(ResultColumns columns, ColumnDefinition definition) {
    boolean exactText =
        definition.type() == ColumnType.DOUBLE
            && definition.decimals() == DoubleText.NOT_FIXED_DECIMALS;
    if (columns.format() == RowFormat.TEXT && !exactText) {
      throw refused(definition, "the FLOAT or DOUBLE(M,D) column", ", whose text rows round it");
    }
    return (a, b, i) -> {
      double x = a.floating(i);
      double y = b.floating(i);
      return x < y ? -1 : x > y ? 1 : 0;
    };
  }

  private static ValueOrder timestamp(ResultColumns columns, ColumnDefinition definition) {
    if (!columns.fixedOffsetTimestamps()) {
      throw refused(
          definition,
          "the TIMESTAMP column",
          " in a time zone with daylight saving time, whose local times do not follow their"
              + " instants");
    }
    return (a, b, i) -> Long.compare(instant(a.dateTime(i)), instant(b.dateTime(i)));
  }

  private static ValueOrder strings(ColumnDefinition definition, Collation collation) {
    boolean binaryFlag = (definition.flags() & ColumnType.FLAG_BINARY) != 0;
    Collation known = collation;
    if (known == null) {
      if (definition.characterSet() != Collation.BINARY.id() || !binaryFlag) {
        throw refused(definition, "the string column", " without knowing its collation");
      }
      known = Collation.BINARY;
    }
    if (known.binarySort() != binaryFlag) {
      throw refused(
          definition,
          "the string column",
          " in "
              + known.sqlName()
              + ", which the column's "
              + (binaryFlag ? "" : "missing ")
              + "BINARY flag contradicts");
    }
    CharacterSet delivered = CharacterSet.ofCollationId(definition.characterSet());
    CollatedStrings strings = delivered == null ? null : CollatedStrings.of(known, delivered);
    if (strings == null) {
      throw refused(
          definition,
          "the string column",
          " in "
              + known.sqlName()
              + " read over a connection with collation id "
              + definition.characterSet());
    }
    return (a, b, i) -> strings.compare(a.bytes(i), b.bytes(i));
  }

  /** Orders date and time fields as one number; each field has room for its largest value. */
  private static long instant(BinaryDateTime t) {
    long days = (t.year() * 13L + t.month()) * 32 + t.day();
    long seconds = ((days * 24 + t.hour()) * 60 + t.minute()) * 60 + t.second();
    return seconds * 1_000_000 + t.micros();
  }

  private static long micros(BinaryTime t) {
    long seconds = ((t.days() * 24 + t.hours()) * 60 + t.minutes()) * 60 + t.seconds();
    long micros = seconds * 1_000_000 + t.micros();
    return t.negative() ? -micros : micros;
  }

  /** BIT values are big-endian unsigned numbers; leading zero bytes do not count. */
  private static int compareBits(byte[] a, byte[] b) {
    int startA = firstNonZero(a);
    int startB = firstNonZero(b);
    int lengthA = a.length - startA;
    int lengthB = b.length - startB;
    if (lengthA != lengthB) {
      return Integer.compare(lengthA, lengthB);
    }
    for (int i = 0; i < lengthA; i++) {
      int x = a[startA + i] & 0xFF;
      int y = b[startB + i] & 0xFF;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }

  private static int firstNonZero(byte[] bytes) {
    int i = 0;
    while (i < bytes.length && bytes[i] == 0) {
      i++;
    }
    return i;
  }

  private static UnsupportedMergeException refused(
      ColumnDefinition definition, String what, String why) {
    return new UnsupportedMergeException(
        "merging the rows of several shard groups by " + what + " " + definition.name() + why);
  }

  /** Compares the non-NULL values of column {@code i} of two rows. */
  @FunctionalInterface
  interface ValueOrder {
    int compare(MergeRow a, MergeRow b, int i);
  }
}
