package io.gramian.estimation.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Number formatting against Python 3.11 with statsmodels 0.13.5: the expected strings are what
 * {@code forg(x, 3)}, {@code forg(x, 4)}, {@code '%.2f' % x}, {@code '%#6.3f' % x} and {@code
 * '%.3g' % x} print.
 */
class PythonFormatTest {

  @Test
  void forgAsStatsmodels() {
    assertEquals(" 1.51e+04", PythonFormat.forg(15067.642332088939, 3));
    assertEquals(" 1.507e+04", PythonFormat.forg(15067.642332088939, 4));
    assertEquals(" 1484.836", PythonFormat.forg(1484.8355652232342, 3));
    assertEquals(" 1484.8356", PythonFormat.forg(1484.8355652232342, 4));
    assertEquals(" 2.01e+04", PythonFormat.forg(20143.3, 3));
    assertEquals("        0", PythonFormat.forg(0.0, 3));
    assertEquals("        -0", PythonFormat.forg(-0.0, 4));
    assertEquals("    1e-05", PythonFormat.forg(1e-5, 3));
    assertEquals("-1.23e-07", PythonFormat.forg(-1.23456e-7, 3));
    assertEquals("-1.235e-07", PythonFormat.forg(-1.23456e-7, 4));
    assertEquals("    0.000", PythonFormat.forg(0.0001, 3));
    assertEquals("    0.0001", PythonFormat.forg(0.0001, 4));
    assertEquals("    1e+05", PythonFormat.forg(99999.5, 3));
    assertEquals("     1e+04", PythonFormat.forg(1e4, 4));
    assertEquals(" 1.23e+08", PythonFormat.forg(123456789.0, 3));
    assertEquals(" 2.5e-100", PythonFormat.forg(2.5e-100, 3));
    assertEquals("    0.5000", PythonFormat.forg(0.5, 4));
    assertEquals("   -0.000", PythonFormat.forg(-0.0004, 3));
    assertEquals("   -0.0004", PythonFormat.forg(-0.0004, 4));
  }

  @Test
  void fixedRoundsTheExactBinaryValueHalfToEven() {
    assertEquals("0.12", PythonFormat.fixed(0.125, 2), "0.125 is exact: a tie, to even");
    assertEquals("0.38", PythonFormat.fixed(0.375, 2));
    assertEquals("2.67", PythonFormat.fixed(2.675, 2), "2.675 is 2.67499… in binary");
    assertEquals("-0.00", PythonFormat.fixed(-0.001, 2), "the sign survives rounding to 0");
    assertEquals("-0.00", PythonFormat.fixed(-0.0, 2));
    assertEquals("15067.64", PythonFormat.fixed(15067.642332088939, 2));
    assertEquals("123456789.000", PythonFormat.fixed(123456789.0, 3));
    assertEquals("-633.465", PythonFormat.fixed(-633.4646423230863, 3));
  }

  @Test
  void generalDropsTrailingZeros() {
    assertEquals("1.48e+03", PythonFormat.general(1484.8355652232342, 3));
    assertEquals("0.125", PythonFormat.general(0.125, 3));
    assertEquals("0.5", PythonFormat.general(0.5, 3));
    assertEquals("0.0001", PythonFormat.general(0.0001, 3));
    assertEquals("1e+05", PythonFormat.general(99999.5, 3));
    assertEquals("-0", PythonFormat.general(-0.0, 3));
  }

  @Test
  void nonFiniteNumbersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> PythonFormat.fixed(Double.NaN, 2));
    assertThrows(
        IllegalArgumentException.class, () -> PythonFormat.general(Double.POSITIVE_INFINITY, 3));
  }
}
