package io.shardway.router.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Strings ordered as MariaDB 10.11 orders them: each rank is {@code DENSE_RANK() OVER (ORDER BY s)}
 * of the string stored in a column with the collation (latin1 ones in a latin1 column) and read
 * over a utf8mb4 connection. Every pair must compare as the ranks do, ties included.
 */
class CollationOrderTest {

  /** Strings that latin1 holds: case, accents, Swedish letters, punctuation, digits, padding. */
  private static final List<String> LATIN1 =
      List.of(
          "a", "A", "a ", "a  ", "a\t", "á", "Á", "à", "ä", "Ä", "å", "Å", "æ", "Æ", "ae", "b", "B",
          "z", "Z", "ö", "Ö", "ø", "Ø", "o", "ü", "Ü", "y", "Y", "ß", "s", "ss", "S", "-a", "a-b",
          "a b", "a_b", "a.b", "a1", "1", "10", "2", "_", "[", "\\", "]", "€", "e", "é", "É", "ê",
          "ÿ", "Ÿ", "þ", "Þ", "ð", "Ð", "ab", "abc", "ABC", "Abc ");

  /** Strings beyond latin1, for the utf8mb4 collations only. */
  private static final List<String> UNICODE =
      List.of(
          "α", "Α", "ά", "ё", "Е", "е", "Ё", "中", "日", "😀", "😁", "ǅ", "ı", "İ", "i", "I", "ａ",
          "Ａ");

  private static List<String> strings(Collation collation) {
    List<String> strings = new ArrayList<>(LATIN1);
    if (collation.characterSet() == CharacterSet.UTF8MB4) {
      strings.addAll(UNICODE);
    }
    return strings;
  }

  private static int[] ranks(Collation collation) {
    return switch (collation) {
      case UTF8MB4_GENERAL_CI ->
          new int[] {
            6, 6, 6, 6, 5, 6, 6, 6, 6, 6, 6, 6, 28, 28, 13, 15, 15, 23, 23, 18, 18, 30, 30, 18, 21,
            21, 22, 22, 19, 19, 20, 19, 1, 8, 7, 14, 9, 10, 2, 3, 4, 27, 24, 25, 26, 35, 16, 16, 16,
            16, 22, 22, 31, 31, 29, 29, 11, 12, 12, 12, 33, 33, 33, 34, 34, 34, 34, 36, 37, 39, 39,
            32, 17, 17, 17, 17, 38, 38
          };
      case UTF8MB4_BIN ->
          new int[] {
            18, 5, 18, 18, 17, 47, 35, 46, 48, 36, 49, 37, 50, 38, 26, 27, 8, 34, 12, 54, 41, 55,
            42, 30, 56, 43, 33, 11, 45, 31, 32, 10, 1, 20, 19, 23, 21, 22, 2, 3, 4, 16, 13, 14, 15,
            70, 28, 51, 39, 52, 58, 61, 57, 44, 53, 40, 24, 25, 6, 7, 65, 63, 64, 69, 67, 68, 66,
            71, 72, 75, 76, 62, 60, 59, 29, 9, 74, 73
          };
      case UTF8MB4_GENERAL_NOPAD_CI ->
          new int[] {
            5, 5, 7, 8, 6, 5, 5, 5, 5, 5, 5, 5, 31, 31, 16, 18, 18, 26, 26, 21, 21, 33, 33, 21, 24,
            24, 25, 25, 22, 22, 23, 22, 1, 10, 9, 17, 11, 12, 2, 3, 4, 30, 27, 28, 29, 38, 19, 19,
            19, 19, 25, 25, 34, 34, 32, 32, 13, 14, 14, 15, 36, 36, 36, 37, 37, 37, 37, 39, 40, 42,
            42, 35, 20, 20, 20, 20, 41, 41
          };
      case LATIN1_SWEDISH_CI ->
          new int[] {
            6, 6, 6, 6, 5, 6, 6, 6, 24, 24, 23, 23, 24, 24, 13, 15, 15, 22, 22, 25, 25, 29, 29, 18,
            21, 21, 21, 21, 31, 19, 20, 19, 1, 8, 7, 14, 9, 10, 2, 3, 4, 26, 23, 24, 25, 27, 17, 17,
            17, 17, 32, 28, 30, 30, 16, 16, 11, 12, 12, 12
          };
      case LATIN1_BIN ->
          new int[] {
            17, 5, 17, 17, 16, 47, 35, 46, 48, 36, 49, 37, 50, 38, 25, 26, 8, 32, 11, 54, 41, 55,
            42, 28, 56, 43, 31, 10, 45, 29, 30, 9, 1, 19, 18, 22, 20, 21, 2, 3, 4, 15, 12, 13, 14,
            33, 27, 51, 39, 52, 58, 34, 57, 44, 53, 40, 23, 24, 6, 7
          };
      default -> throw new IllegalArgumentException(collation.sqlName());
    };
  }

  @ParameterizedTest
  @EnumSource(
      value = Collation.class,
      names = {
        "UTF8MB4_GENERAL_CI",
        "UTF8MB4_BIN",
        "UTF8MB4_GENERAL_NOPAD_CI",
        "LATIN1_SWEDISH_CI",
        "LATIN1_BIN"
      })
  void ordersAsMariaDb(Collation collation) {
    List<String> strings = strings(collation);
    int[] ranks = ranks(collation);
    ResultColumns columns = Rows.text(Rows.string("s", Rows.UTF8MB4, collation.binarySort()));
    ValueComparator comparator = ValueComparator.of(columns, 0, collation);
    for (int i = 0; i < strings.size(); i++) {
      MergeRow left = Rows.textRow(columns, strings.get(i));
      for (int j = 0; j < strings.size(); j++) {
        MergeRow right = Rows.textRow(columns, strings.get(j));
        assertEquals(
            Integer.signum(ranks[i] - ranks[j]),
            Integer.signum(comparator.compare(left, right)),
            "'" + strings.get(i) + "' and '" + strings.get(j) + "'");
      }
    }
  }
}
