package io.shardway.router.merge;

import static io.shardway.router.merge.Rows.binaryRow;
import static io.shardway.router.merge.Rows.column;
import static io.shardway.router.merge.Rows.textRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.protocol.BinaryDateTime;
import io.shardway.protocol.BinaryTime;
import io.shardway.protocol.ColumnDefinition;
import io.shardway.protocol.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ValueComparatorTest {

  /** Sorts one-column text rows by the column ascending, or descending, and lists their text. */
  private static List<String> sorted(
      ResultColumns columns, Collation collation, boolean descending, String... values) {
    RowOrder order =
        new RowOrder(List.of(new SortKey(ValueComparator.of(columns, 0, collation), descending)));
    List<MergeRow> rows = new ArrayList<>(Rows.textRows(columns, values));
    rows.sort(order);
    return rows.stream().map(Rows::text).collect(Collectors.toList());
  }

  private static List<String> sorted(ColumnDefinition column, String... values) {
    return sorted(Rows.text(column), null, false, values);
  }

  private static int compareText(ColumnDefinition column, Collation collation, String a, String b) {
    ResultColumns columns = Rows.text(column);
    return Integer.signum(
        ValueComparator.of(columns, 0, collation)
            .compare(textRow(columns, a), textRow(columns, b)));
  }

  @Test
  void nullsComeFirstAscendingAndLastDescending() {
    ResultColumns columns = Rows.text(column("n", ColumnType.LONG));

    assertEquals(List.of("NULL", "-1", "2"), sorted(columns, null, false, "2", null, "-1"));
    assertEquals(List.of("2", "-1", "NULL"), sorted(columns, null, true, "2", null, "-1"));
  }

  @Test
  void integersByValueNotText() {
    assertEquals(
        List.of("-10", "-9", "2", "0010", "100"),
        sorted(column("n", ColumnType.LONG), "100", "2", "-9", "0010", "-10"));
  }

  @Test
  void unsignedBigintsBeyondLong() {
    ColumnDefinition unsigned = column("u", ColumnType.LONGLONG, ColumnType.FLAG_UNSIGNED, 0);

    assertEquals(
        List.of("0", "9223372036854775807", "9223372036854775808", "18446744073709551615"),
        sorted(
            unsigned, "18446744073709551615", "9223372036854775808", "0", "9223372036854775807"));
    ResultColumns binary = Rows.binary(unsigned);
    BigInteger big = BigInteger.TWO.pow(63);
    assertTrue(
        ValueComparator.of(binary, 0, null)
                .compare(binaryRow(binary, big), binaryRow(binary, BigInteger.ONE))
            > 0);
  }

  @Test
  void decimalsWhateverTheirScale() {
    ColumnDefinition decimal = column("d", ColumnType.NEWDECIMAL, 0, 2);

    assertEquals(
        List.of("-1.5", "0.25", "1.2", "1.20", "1.205", "10"),
        sorted(decimal, "10", "1.205", "1.2", "-1.5", "1.20", "0.25"));
    assertEquals(0, compareText(decimal, null, "1.5", "1.50"));
  }

  @Test
  void doublesByValue() {
    ColumnDefinition real = column("r", ColumnType.DOUBLE, 0, 31);

    assertEquals(
        List.of("-1e300", "-0.5", "1e-7", "2", "1.5e300"),
        sorted(real, "2", "1.5e300", "1e-7", "-1e300", "-0.5"));
    assertEquals(0, compareText(real, null, "-0", "0"));
  }

  @Test
  void datesAndTimesInTimeOrder() {
    assertEquals(
        List.of(
            "0000-00-00 00:00:00",
            "2023-12-31 23:59:59.999999",
            "2024-01-01 00:00:00",
            "2024-01-01 00:00:00.5"),
        sorted(
            column("dt", ColumnType.DATETIME, 0, 6),
            "2024-01-01 00:00:00.5",
            "2024-01-01 00:00:00",
            "0000-00-00 00:00:00",
            "2023-12-31 23:59:59.999999"));
    assertEquals(
        List.of("-838:59:59", "-01:00:00", "-00:00:00.5", "00:00:00", "23:59:59", "100:00:00"),
        sorted(
            column("t", ColumnType.TIME),
            "100:00:00",
            "-01:00:00",
            "00:00:00",
            "-838:59:59",
            "23:59:59",
            "-00:00:00.5"));
    assertEquals(
        List.of("1999", "2000", "2155"),
        sorted(column("y", ColumnType.YEAR, ColumnType.FLAG_UNSIGNED, 0), "2155", "1999", "2000"));
  }

  @Test
  void binaryDatesAndTimes() {
    ResultColumns columns = Rows.binary(column("d", ColumnType.DATE), column("t", ColumnType.TIME));
    MergeRow early =
        binaryRow(columns, BinaryDateTime.date(2024, 1, 31), new BinaryTime(true, 1, 0, 0, 0, 0));
    MergeRow late =
        binaryRow(columns, BinaryDateTime.date(2024, 2, 1), new BinaryTime(false, 0, 1, 0, 0, 0));

    assertTrue(ValueComparator.of(columns, 0, null).compare(early, late) < 0);
    assertTrue(
        ValueComparator.of(columns, 1, null).compare(early, late) < 0, "-24:00 before 01:00");
  }

  @Test
  void timestampsOnlyAtAFixedOffset() {
    ColumnDefinition stamp = column("ts", ColumnType.TIMESTAMP);
    ResultColumns daylight = new ResultColumns(RowFormat.TEXT, List.of(stamp), false);

    assertThrows(UnsupportedMergeException.class, () -> ValueComparator.of(daylight, 0, null));
    assertEquals(
        List.of("2024-03-31 01:59:59", "2024-03-31 03:00:00"),
        sorted(stamp, "2024-03-31 03:00:00", "2024-03-31 01:59:59"));
  }

  @Test
  void bitsAsUnsignedNumbers() {
    ResultColumns columns = Rows.binary(column("b", ColumnType.BIT));
    ValueComparator bits = ValueComparator.of(columns, 0, null);
    MergeRow one = binaryRow(columns, (Object) new byte[] {0, 1});
    MergeRow high = binaryRow(columns, (Object) new byte[] {(byte) 0x80});
    MergeRow two = binaryRow(columns, (Object) new byte[] {2});

    assertTrue(bits.compare(one, high) < 0);
    assertTrue(bits.compare(two, one) > 0, "leading zero bytes do not count");
  }

  @Test
  void refusesWhatMySqlOrdersOtherwise() {
    ColumnDefinition enumeration =
        new ColumnDefinition("db", "t", "t", "e", "e", 45, 4, ColumnType.STRING, 0x100, 0);
    ColumnDefinition set =
        new ColumnDefinition("db", "t", "t", "s", "s", 45, 4, ColumnType.STRING, 0x800, 0);
    ColumnDefinition json =
        new ColumnDefinition("db", "t", "t", "j", "j", 63, 4, ColumnType.JSON, 0, 0);

    for (ColumnDefinition column :
        List.of(enumeration, set, json, column("g", ColumnType.GEOMETRY))) {
      assertThrows(
          UnsupportedMergeException.class,
          () -> ValueComparator.of(Rows.text(column), 0, Collation.UTF8MB4_GENERAL_CI),
          column.name());
    }
  }

  @Test
  void refusesRoundedFloatingTextButNotBinary() {
    ColumnDefinition single = column("f", ColumnType.FLOAT, 0, 31);
    ColumnDefinition fixed = column("d", ColumnType.DOUBLE, 0, 2);

    assertThrows(
        UnsupportedMergeException.class, () -> ValueComparator.of(Rows.text(single), 0, null));
    assertThrows(
        UnsupportedMergeException.class, () -> ValueComparator.of(Rows.text(fixed), 0, null));
    ResultColumns binary = Rows.binary(single);
    assertTrue(
        ValueComparator.of(binary, 0, null)
                .compare(binaryRow(binary, 1.0000001f), binaryRow(binary, 1.0000002f))
            < 0);
  }

  @Test
  void generalCiIgnoresCaseAccentsAndTrailingSpaces() {
    ColumnDefinition name = Rows.string("s", Rows.UTF8MB4, false);
    Collation ci = Collation.UTF8MB4_GENERAL_CI;

    assertEquals(0, compareText(name, ci, "abc", "ABC"));
    assertEquals(0, compareText(name, ci, "élan", "ELAN"));
    assertEquals(0, compareText(name, ci, "straße", "STRASE"), "ß weighs as one S");
    assertEquals(-1, compareText(name, ci, "straße", "STRASSE"));
    assertEquals(0, compareText(name, ci, "a", "a   "), "PAD SPACE");
    assertEquals(-1, compareText(name, ci, "a\t", "a"), "a tab sorts before the pad space");
    assertEquals(1, compareText(name, ci, "a b", "a"));
    assertEquals(-1, compareText(name, ci, "Z", "_"), "upper-case weights: Z (0x5A) before _");
    assertEquals(0, compareText(name, ci, "😀", "😁"), "all of them weigh U+FFFD");
  }

  @Test
  void noPadCountsTrailingSpaces() {
    ColumnDefinition name = Rows.string("s", Rows.UTF8MB4, false);

    assertEquals(-1, compareText(name, Collation.UTF8MB4_GENERAL_NOPAD_CI, "a", "A "));
    assertEquals(1, compareText(name, Collation.UTF8MB4_GENERAL_NOPAD_CI, "a\t", "a"));
  }

  @Test
  void binCollationsByCodePointWithPadSpace() {
    ColumnDefinition name = Rows.string("s", Rows.UTF8MB4, true);

    assertEquals(-1, compareText(name, Collation.UTF8MB4_BIN, "B", "a"));
    assertEquals(0, compareText(name, Collation.UTF8MB4_BIN, "a", "a "));
    assertEquals(-1, compareText(name, Collation.UTF8MB4_NOPAD_BIN, "a", "a "));
    assertEquals(-1, compareText(name, Collation.UTF8MB4_BIN, "😀", "😁"));
    assertEquals(1, compareText(name, Collation.UTF8MB4_BIN, "€", "é"), "U+20AC after U+00E9");
  }

  @Test
  void binaryStringsByUnsignedBytesWithoutPadding() {
    ColumnDefinition bytes = Rows.string("b", Rows.BINARY, true);
    ResultColumns columns = Rows.text(bytes);
    MergeRow low = textRow(columns, List.of(new byte[] {0x7F}));
    MergeRow high = textRow(columns, List.of(new byte[] {(byte) 0x80}));
    MergeRow padded = textRow(columns, List.of(new byte[] {0x7F, 0x20}));
    ValueComparator binary = ValueComparator.of(columns, 0, null);

    assertTrue(binary.compare(low, high) < 0);
    assertTrue(binary.compare(low, padded) < 0);
    assertEquals(
        binary.compare(low, high),
        ValueComparator.of(columns, 0, Collation.BINARY).compare(low, high));
  }

  @Test
  void latin1ReadOverALatin1Connection() {
    ColumnDefinition latin1 = Rows.string("s", 8, true);
    ResultColumns columns = Rows.text(latin1);
    MergeRow euro = textRow(columns, List.of(new byte[] {(byte) 0x80}));
    MergeRow acute = textRow(columns, List.of(new byte[] {(byte) 0xE9}));

    assertTrue(
        ValueComparator.of(columns, 0, Collation.LATIN1_BIN).compare(euro, acute) < 0,
        "latin1_bin orders bytes: € (0x80) before é (0xE9)");
  }

  @Test
  void refusesStringsWithoutAKnownMatchingCollation() {
    ResultColumns general = Rows.text(Rows.string("s", Rows.UTF8MB4, false));
    ResultColumns bin = Rows.text(Rows.string("s", Rows.UTF8MB4, true));
    ResultColumns latin1 = Rows.text(Rows.string("s", 8, false));
    ResultColumns utf8mb3 = Rows.text(Rows.string("s", 33, false));
    ResultColumns unknown = Rows.text(Rows.string("s", 35, false));

    assertThrows(UnsupportedMergeException.class, () -> ValueComparator.of(general, 0, null));
    assertThrows(
        UnsupportedMergeException.class,
        () -> ValueComparator.of(general, 0, Collation.UTF8MB4_BIN),
        "no BINARY flag: the column is not utf8mb4_bin");
    assertThrows(
        UnsupportedMergeException.class,
        () -> ValueComparator.of(bin, 0, Collation.UTF8MB4_GENERAL_CI),
        "a BINARY flag: the column is not general_ci");
    assertThrows(
        UnsupportedMergeException.class,
        () -> ValueComparator.of(latin1, 0, Collation.UTF8MB4_GENERAL_CI),
        "utf8mb4 values over latin1 may have become '?'");
    assertThrows(
        UnsupportedMergeException.class,
        () -> ValueComparator.of(utf8mb3, 0, Collation.UTF8MB4_GENERAL_CI),
        "four-byte characters over utf8mb3 may have become '?'");
    assertThrows(
        UnsupportedMergeException.class,
        () -> ValueComparator.of(unknown, 0, Collation.UTF8MB4_GENERAL_CI),
        "ucs2 connections");
    ValueComparator.of(utf8mb3, 0, Collation.LATIN1_SWEDISH_CI);
  }

  @Test
  void comparesUtf8CollationsUnconvertedOverBinaryResults() {
    ResultColumns raw = Rows.text(Rows.string("s", Rows.BINARY, false));

    assertEquals(
        0,
        ValueComparator.of(raw, 0, Collation.UTF8MB4_GENERAL_CI)
            .compare(textRow(raw, "Ä"), textRow(raw, "a")));
  }

  @Test
  void refusesMalformedUtf8() {
    ResultColumns columns = Rows.text(Rows.string("s", Rows.UTF8MB4, false));
    ValueComparator ci = ValueComparator.of(columns, 0, Collation.UTF8MB4_GENERAL_CI);
    MergeRow broken = textRow(columns, List.of(new byte[] {'a', (byte) 0xC3}));

    assertThrows(IllegalArgumentException.class, () -> ci.compare(broken, textRow(columns, "ab")));
  }

  @Test
  void multiColumnKeysWithMixedDirections() {
    ResultColumns columns =
        Rows.text(Rows.string("s", Rows.UTF8MB4, false), column("n", ColumnType.LONG));
    RowOrder order =
        new RowOrder(
            List.of(
                new SortKey(ValueComparator.of(columns, 0, Collation.UTF8MB4_GENERAL_CI), false),
                new SortKey(ValueComparator.of(columns, 1, null), true)));
    List<MergeRow> rows =
        new ArrayList<>(
            List.of(
                textRow(columns, "b", "1"),
                textRow(columns, "A", "1"),
                textRow(columns, "a", "3"),
                textRow(columns, "B", null),
                textRow(columns, "a ", "2")));
    rows.sort(order);

    assertEquals(
        List.of("a|3", "a |2", "A|1", "b|1", "B|NULL"),
        rows.stream().map(Rows::text).collect(Collectors.toList()));
  }

  @Test
  void wholeLatin1SwedishTableAsMariaDbHasIt() {
    // WEIGHT_STRING(CHAR(b USING latin1) COLLATE latin1_swedish_ci) for b = 0..255 in MariaDB
    // 10.11.
    String mariadb =
        "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F"
            + "202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F"
            + "404142434445464748494A4B4C4D4E4F505152535455565758595A5B5C5D5E5F"
            + "604142434445464748494A4B4C4D4E4F505152535455565758595A7B7C7D7E7F"
            + "808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9F"
            + "A0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF"
            + "414141415C5B5C434545454549494949444E4F4F4F4F5DD7D85555555959DEDF"
            + "414141415C5B5C434545454549494949444E4F4F4F4F5DF7D85555555959DEFF";
    for (int b = 0; b < 256; b++) {
      assertEquals(
          Integer.parseInt(mariadb.substring(2 * b, 2 * b + 2), 16),
          Latin1.swedishWeight(b),
          "byte " + b);
    }
  }

  @Test
  void ordersDecimalsInBinaryRows() {
    ResultColumns columns = Rows.binary(column("d", ColumnType.NEWDECIMAL, 0, 3));
    ValueComparator decimals = ValueComparator.of(columns, 0, null);

    assertEquals(
        0,
        decimals.compare(
            binaryRow(columns, new BigDecimal("2.5")),
            binaryRow(columns, new BigDecimal("2.500"))));
    assertTrue(
        decimals.compare(
                binaryRow(columns, new BigDecimal("-2.5")),
                binaryRow(columns, new BigDecimal("-2.49")))
            < 0);
  }

  @Test
  void nullColumnsAreAllEqual() {
    ResultColumns columns = Rows.text(column("n", ColumnType.NULL));

    assertEquals(
        0,
        ValueComparator.of(columns, 0, null)
            .compare(textRow(columns, (String) null), textRow(columns, (String) null)));
  }
}
