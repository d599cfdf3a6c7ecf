package io.shardway.router.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardKeyTest {

  private static ShardKey number(String value) {
    return new ShardKey.Numeric(new BigDecimal(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"42", " 42", "42 ", "\t42\n", "42.0", "+42", "042", "4.2e1", "420E-1"})
  void stringsHoldingFortyTwoAreTheNumber(String content) {
    assertEquals(ShardKey.ofLong(42), ShardKey.of(content, true));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"42", "42.0", "42.", "4.2e1", "4.2E+1", "+42", "0x2A", "X'2a'", "0b101010"})
  void numberLiteralsOfFortyTwo(String literal) {
    assertEquals(ShardKey.ofLong(42), ShardKey.of(literal, false));
  }

  @Test
  void numbersAreNormalised() {
    assertEquals(number("0"), number("-0.000"));
    assertEquals(number("0"), ShardKey.of("-0", false));
    assertEquals(number("0.5"), ShardKey.of(".50", false));
    assertEquals(number("1000"), ShardKey.of("1e3", false));
    assertEquals("1000", ShardKey.of("1e3", false).toString());
    assertEquals("-0.5", ShardKey.of("-.5", false).toString());
    assertEquals(number("1E+3"), number("1000.00"));
  }

  @Test
  void hugeExponentsStayShort() {
    ShardKey key = ShardKey.of("1e999999999", false);

    assertEquals("1E+999999999", key.toString());
    assertEquals(key, ShardKey.of("10e999999998", true));
    assertEquals("1" + "0".repeat(400), ShardKey.of("1e400", false).toString());
    assertEquals("1E+401", ShardKey.of("1e401", false).toString());
  }

  @Test
  void hexAndBitLiteralsAreUnsignedNumbers() {
    assertEquals(number("18446744073709551615"), ShardKey.of("0xFFFFFFFFFFFFFFFF", false));
    assertEquals(number("5"), ShardKey.of("B'101'", false));
    assertEquals(number("0"), ShardKey.of("x''", false));
  }

  @Test
  void textIsFoldedAndLosesTrailingSpaces() {
    assertEquals(new ShardKey.Text("us"), ShardKey.of("US  ", true));
    assertNotEquals(ShardKey.of(" us", true), ShardKey.of("us", true));
    assertNotEquals(ShardKey.of("us\t", true), ShardKey.of("us", true));
    assertEquals("'it''s'", ShardKey.of("It's", true).toString());
  }

  @Test
  void textThatIsOnlyPartlyANumberStaysText() {
    assertInstanceOf(ShardKey.Text.class, ShardKey.of("42abc", true));
    assertInstanceOf(ShardKey.Text.class, ShardKey.of("0x2A", true));
    assertInstanceOf(ShardKey.Text.class, ShardKey.of("", true));
    // An exponent too large to hold is text, in every spelling alike.
    assertEquals(ShardKey.of("1E99999999999", true), ShardKey.of("1e99999999999", true));
  }

  @Test
  void accentsAreNotFolded() {
    assertNotEquals(ShardKey.of("école", true), ShardKey.of("ecole", true));
    assertEquals(ShardKey.of("école", true), ShardKey.of("ÉCOLE", true));
  }

  @Test
  void unreadableNumberLiterals() {
    assertEquals(
        "cannot read the shard key 1e99999999999 as a number",
        assertThrows(ShardKeyException.class, () -> ShardKey.of("1e99999999999", false))
            .getMessage());
    assertThrows(ShardKeyException.class, () -> ShardKey.of("abc", false));
    assertThrows(ShardKeyException.class, () -> ShardKey.of("0X2A", false));
    assertThrows(ShardKeyException.class, () -> ShardKey.of("0x", false));
    assertThrows(ShardKeyException.class, () -> ShardKey.of("X'-1'", false));
    assertThrows(ShardKeyException.class, () -> ShardKey.of("B'102'", false));
  }
}
