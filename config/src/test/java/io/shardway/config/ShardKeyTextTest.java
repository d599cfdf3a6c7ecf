package io.shardway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardKeyTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"42", " 42", "42 ", "\t\n42\r", "+42", "0042", "42.", "42.000", "4.2e1", "420E-1"})
  void textThatIsFortyTwo(String text) {
    assertEquals(Optional.of(new BigDecimal("42")), ShardKeyText.number(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "abc", "42abc", "4 2", "0x2A", "1e", ".", "-", "1e99999999999", "١٢"})
  void textThatIsNotANumber(String text) {
    assertEquals(Optional.empty(), ShardKeyText.number(text));
  }

  @Test
  void zeroHasOneForm() {
    assertEquals(Optional.of(BigDecimal.ZERO), ShardKeyText.number("-0.000"));
    assertEquals(Optional.of(BigDecimal.ZERO), ShardKeyText.number("0e5"));
    assertEquals(Optional.of(new BigDecimal("0.5")), ShardKeyText.number(".50"));
  }

  @Test
  void foldsCaseAndTrailingSpacesOnly() {
    assertEquals("école", ShardKeyText.folded("ÉCOLE   "));
    assertEquals("  us", ShardKeyText.folded("  US"));
    assertEquals("us\t", ShardKeyText.folded("US\t"));
    assertEquals("", ShardKeyText.folded("   "));
  }

  @Test
  void comparableFormOfListValues() {
    assertEquals(ShardKeyText.comparable("42"), ShardKeyText.comparable(" 42.0"));
    assertEquals(ShardKeyText.comparable("US"), ShardKeyText.comparable("us "));
    assertNotEquals(ShardKeyText.comparable("e"), ShardKeyText.comparable("é"));
  }
}
