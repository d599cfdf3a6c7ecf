package io.shardway.router.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoubleTextTest {

  /**
   * Each value as MariaDB 10.11 wrote it in a text row (SELECT of DOUBLE expressions). The last two
   * are 2^-1017 and 2^-1007, whose shortest form is not the nearest 16-digit decimal but its
   * neighbour.
   */
  @ParameterizedTest
  @CsvSource({
    "0.30000000000000004, 0.30000000000000004",
    "1e15, 1e15",
    "1e16, 1e16",
    "123456789012345678, 1.2345678901234568e17",
    "12345678901234567, 1.2345678901234568e16",
    "1234567890123456.7, 1234567890123456.8",
    "100000000000000.5, 100000000000000.5",
    "0.0001, 0.0001",
    "0.00001, 0.00001",
    "0.00012345, 0.00012345",
    "1e-14, 0.00000000000001",
    "1e-15, 0.000000000000001",
    "1.2345678901234567e-14, 0.000000000000012345678901234567",
    "1.2345678901234567e-15, 0.0000000000000012345678901234568",
    "1.5e300, 1.5e300",
    "-2.5e-300, -2.5e-300",
    "2e23, 2e23",
    "100, 100",
    "1234567, 1234567",
    "3.0, 3",
    "0.3333333333333333, 0.3333333333333333",
    "-0.0, 0",
    "7.1202363472230444e-307, 7.120236347223045e-307",
    "7.2911220195563975e-304, 7.291122019556398e-304"
  })
  void writesAsMySqlWithoutFixedDecimals(double value, String expected) {
    assertEquals(expected, DoubleText.format(value, DoubleText.NOT_FIXED_DECIMALS));
  }

  @Test
  void roundsToFixedDecimals() {
    assertEquals("0.12", DoubleText.format(0.125, 2), "0.125 is exact, so half to even");
    assertEquals("0.00", DoubleText.format(-0.001, 2));
    assertEquals("2.500000", DoubleText.format(2.5, 6));
    assertEquals("100000000000000000000.00", DoubleText.format(1e20, 2));
  }

  @Test
  void refusesInfinity() {
    assertThrows(
        ArithmeticException.class,
        () -> DoubleText.format(Double.POSITIVE_INFINITY, DoubleText.NOT_FIXED_DECIMALS));
  }

  @Test
  void shortestDigitsReadBackAndNoFewerDo() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 4_000; i++) {
      double value = Math.abs(Double.longBitsToDouble(random.nextLong()));
      if (!Double.isFinite(value) || value == 0) {
        continue;
      }
      BigDecimal shortest = DoubleText.shortest(value);
      assertEquals(value, shortest.doubleValue(), "reads back: " + value);
      int fewer = shortest.precision() - 1;
      if (fewer > 0) {
        BigDecimal nearest =
            new BigDecimal(value).round(new MathContext(fewer, RoundingMode.HALF_EVEN));
        assertTrue(
            nearest.doubleValue() != value
                && nearest.add(nearest.ulp()).doubleValue() != value
                && nearest.subtract(nearest.ulp()).doubleValue() != value,
            "no shorter form of " + value);
      }
    }
  }

  @Test
  void shortestDigitsAtPowersOfTwo() {
    for (int exponent = -1074; exponent <= 1023; exponent++) {
      double value = Math.scalb(1.0, exponent);
      assertEquals(value, DoubleText.shortest(value).doubleValue(), "2^" + exponent);
      assertEquals(
          value,
          Double.parseDouble(DoubleText.format(value, DoubleText.NOT_FIXED_DECIMALS)),
          "2^" + exponent);
    }
  }
}
