package io.shardway.router.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CollationTest {

  @Test
  void findsTheCommonCollationsByIdAndName() {
    assertEquals(Optional.of(Collation.LATIN1_SWEDISH_CI), Collation.byId(8));
    assertEquals(Optional.of(Collation.UTF8MB3_GENERAL_CI), Collation.byId(33));
    assertEquals(Optional.of(Collation.UTF8MB4_GENERAL_CI), Collation.byId(45));
    assertEquals(Optional.of(Collation.UTF8MB4_BIN), Collation.byId(46));
    assertEquals(Optional.of(Collation.LATIN1_BIN), Collation.byId(47));
    assertEquals(Optional.of(Collation.BINARY), Collation.byId(63));
    assertEquals(Optional.of(Collation.UTF8MB3_BIN), Collation.byId(83));
    assertEquals(Optional.of(Collation.UTF8MB4_NOPAD_BIN), Collation.byId(1070));
    assertEquals(Optional.of(Collation.UTF8MB4_GENERAL_CI), Collation.byName("UTF8MB4_General_CI"));
    assertEquals(Optional.of(Collation.UTF8MB3_GENERAL_CI), Collation.byName("utf8_general_ci"));
    assertEquals(Optional.of(Collation.UTF8MB3_BIN), Collation.byName("utf8_bin"));
  }

  /**
   * unicode_ci, unicode_520_ci, 0900_ai_ci, 0900_as_cs, 0900_bin (PAD SPACE in MariaDB, NO PAD in
   * MySQL), uca1400_ai_ci, latin1_general_ci, ucs2_general_ci.
   */
  @ParameterizedTest
  @ValueSource(ints = {192, 224, 246, 255, 278, 309, 2048, 2304, 48, 35})
  void doesNotKnowTheOthers(int id) {
    assertEquals(Optional.empty(), Collation.byId(id));
  }

  @Test
  void doesNotKnowUcaCollationsByName() {
    assertEquals(Optional.empty(), Collation.byName("utf8mb4_unicode_ci"));
    assertEquals(Optional.empty(), Collation.byName("utf8mb4_0900_ai_ci"));
    assertEquals(Optional.empty(), Collation.byName("utf8mb4_uca1400_ai_ci"));
  }

  @Test
  void tellsBinarySortAndPadding() {
    assertTrue(Collation.UTF8MB4_BIN.binarySort());
    assertTrue(Collation.UTF8MB4_BIN.padSpace());
    assertFalse(Collation.UTF8MB4_NOPAD_BIN.padSpace());
    assertFalse(Collation.BINARY.padSpace());
    assertFalse(Collation.UTF8MB4_GENERAL_CI.binarySort());
    assertFalse(Collation.LATIN1_SWEDISH_NOPAD_CI.padSpace());
  }

  @Test
  void namesEachCollationDistinctly() {
    for (Collation collation : Collation.values()) {
      assertEquals(Optional.of(collation), Collation.byId(collation.id()));
      assertEquals(Optional.of(collation), Collation.byName(collation.sqlName()));
    }
  }
}
