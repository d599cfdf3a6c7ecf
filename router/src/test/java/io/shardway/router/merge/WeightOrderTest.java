package io.shardway.router.merge;

import static io.shardway.router.merge.Rows.column;
import static io.shardway.router.merge.Rows.hex;
import static io.shardway.router.merge.Rows.row;
import static io.shardway.router.merge.Rows.weights;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.protocol.ColumnDefinition;
import io.shardway.protocol.ColumnType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ValueComparator#byWeights}: strings ordered by the weights MariaDB 10.11 gave: {@code
 * WEIGHT_STRING(s COLLATE c)} for each value and {@code WEIGHT_STRING(' ' COLLATE c)} for a PAD
 * SPACE collation, empty for a NO PAD one. The expected orders are MariaDB's own {@code ORDER BY}
 * of the same values.
 */
class WeightOrderTest {

  private static ResultColumns columns(RowFormat format, ColumnDefinition value) {
    return new ResultColumns(format, List.of(value, weights("w"), weights("space")), true);
  }

  private static ResultColumns strings(RowFormat format) {
    return columns(format, Rows.string("s", Rows.UTF8MB4, false));
  }

  private static Comparator<MergeRow> order(ResultColumns columns) {
    return ValueComparator.byWeights(columns, 0, 1, 2);
  }

  /** The values of {@code rows} in the comparator's order, stable for equal ones. */
  private static List<String> sorted(ResultColumns columns, MergeRow... rows) {
    List<MergeRow> list = new ArrayList<>(List.of(rows));
    list.sort(order(columns));
    return list.stream()
        .map(row -> row.isNull(0) ? "NULL" : Rows.text(row).split("\\|")[0])
        .toList();
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void generalCiPadsWithSpacesAndIgnoresCase(RowFormat format) {
    ResultColumns columns = strings(format);
    byte[] space = hex("0020");
    MergeRow a = row(columns, "a", hex("0041"), space);
    MergeRow upperA = row(columns, "A", hex("0041"), space);
    MergeRow padded = row(columns, "a ", hex("00410020"), space);
    MergeRow tab = row(columns, "a\t", hex("00410009"), space);
    MergeRow ab = row(columns, "ab", hex("00410042"), space);
    MergeRow b = row(columns, "b", hex("0042"), space);

    assertEquals(0, order(columns).compare(a, padded));
    assertEquals(0, order(columns).compare(upperA, a));
    assertTrue(order(columns).compare(tab, a) < 0);
    assertTrue(order(columns).compare(padded, tab) > 0);
    // MariaDB: 'a\t' < 'A' = 'a' = 'a ' < 'ab' < 'b'; equal ones stay in their order.
    assertEquals(
        List.of("a\t", "a ", "A", "a", "ab", "b"), sorted(columns, b, padded, ab, upperA, a, tab));
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void noPadSortsTheShorterStringFirst(RowFormat format) {
    ResultColumns columns = strings(format);
    byte[] noPad = new byte[0];
    MergeRow a = row(columns, "a", hex("0041"), noPad);
    MergeRow padded = row(columns, "a ", hex("00410020"), noPad);
    MergeRow tab = row(columns, "a\t", hex("00410009"), noPad);

    // MariaDB utf8mb4_general_nopad_ci: 'a' < 'a\t' < 'a '.
    assertEquals(List.of("a", "a\t", "a "), sorted(columns, padded, tab, a));
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void unicodeCiWeighsExpansionsAndItsOwnSpace(RowFormat format) {
    ResultColumns columns = strings(format);
    byte[] space = hex("0209");
    MergeRow sharpS = row(columns, "ß", hex("0FEA0FEA"), space);
    MergeRow ss = row(columns, "ss", hex("0FEA0FEA"), space);
    MergeRow a = row(columns, "a", hex("0E33"), space);
    MergeRow padded = row(columns, "a ", hex("0E330209"), space);
    MergeRow tab = row(columns, "a\t", hex("0E330201"), space);
    MergeRow b = row(columns, "b", hex("0E4A"), space);

    assertEquals(0, order(columns).compare(sharpS, ss));
    assertEquals(0, order(columns).compare(padded, a));
    assertEquals(
        List.of("a\t", "a ", "a", "b", "ß", "ss"), sorted(columns, b, sharpS, ss, padded, a, tab));
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void binaryCollationsWeighThreeBytesACharacter(RowFormat format) {
    ResultColumns columns = strings(format);
    byte[] space = hex("000020");
    MergeRow a = row(columns, "a", hex("000061"), space);
    MergeRow padded = row(columns, "a ", hex("000061000020"), space);
    MergeRow upperA = row(columns, "A", hex("000041"), space);

    assertEquals(0, order(columns).compare(a, padded));
    assertEquals(List.of("A", "a", "a "), sorted(columns, a, upperA, padded));
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void nullComesBeforeEveryString(RowFormat format) {
    ResultColumns columns = strings(format);
    MergeRow empty = row(columns, "", new byte[0], hex("0020"));
    MergeRow none = row(columns, null, null, new byte[0]);

    assertTrue(order(columns).compare(none, empty) < 0);
    assertTrue(order(columns).compare(empty, none) > 0);
    assertEquals(0, order(columns).compare(none, row(columns, null, null, new byte[0])));
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void refusesCollationsOfSeveralLevels(RowFormat format) {
    // utf8mb4_uca1400_as_cs: ' ' weighs 0209 0020 0002, a level each, not one unit to pad with.
    ResultColumns columns = strings(format);
    byte[] space = hex("020900200002");
    MergeRow a = row(columns, "a", hex("207500200002"), space);
    MergeRow padded = row(columns, "a ", hex("207502090020002000020002"), space);

    UnsupportedMergeException refused =
        assertThrows(UnsupportedMergeException.class, () -> order(columns).compare(a, padded));
    assertTrue(refused.getMessage().contains("several levels"), refused.getMessage());
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void refusesEnumAndSetColumns(RowFormat format) {
    for (int flag : new int[] {0x100, 0x800}) {
      ColumnDefinition members =
          new ColumnDefinition(
              "db", "t", "t", "st", "st", Rows.UTF8MB4, 4, ColumnType.STRING, flag, 0);

      assertThrows(UnsupportedMergeException.class, () -> order(columns(format, members)));
    }
  }

  @ParameterizedTest
  @EnumSource(RowFormat.class)
  void otherValuesCompareByThemselvesNotByTheirWeights(RowFormat format) {
    ResultColumns numbers = columns(format, column("n", ColumnType.LONGLONG));
    ResultColumns bytes = columns(format, Rows.string("b", Rows.BINARY, true));

    assertTrue(
        order(numbers).compare(row(numbers, 1L, hex("02"), null), row(numbers, 2L, hex("01"), null))
            < 0);
    assertTrue(
        order(bytes).compare(row(bytes, "a", hex("02"), null), row(bytes, "b", hex("01"), null))
            < 0);
  }
}
