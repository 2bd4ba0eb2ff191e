package io.gramian.estimation.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tape's product coefficients against plain multiplication ({@link Polynomials}). */
class LagPolynomialTest {

  /** A few additions and products of O(1) numbers: rounding only. */
  private static final double TOLERANCE = 1e-14;

  @Test
  void autoregressiveProductMatchesMultiplication() {
    Random random = new Random(1);
    double[] phi = random(random, 2);
    double[] seasonalPhi = random(random, 2);
    Tape tape = new Tape();
    Var[] c = LagPolynomial.autoregressive(vars(tape, phi, 0), vars(tape, seasonalPhi, 2), 4);
    double[] product = Polynomials.multiply(Polynomials.ar(phi, 1), Polynomials.ar(seasonalPhi, 4));
    assertEquals(product.length - 1, c.length);
    for (int k = 1; k < product.length; k++) {
      // 1 − Σ φ*_k z^k: the coefficient of z^k is −φ*_k
      assertEquals(-product[k], value(c[k - 1]), TOLERANCE, "φ*_" + k);
    }
    assertNull(c[2], "no parameter reaches lag 3 of (1 − φ₁z − φ₂z²)(1 − Φ₁z⁴ − Φ₂z⁸)");
  }

  @Test
  void movingAverageProductMatchesMultiplication() {
    Random random = new Random(2);
    double[] theta = random(random, 1);
    double[] seasonalTheta = random(random, 1);
    Tape tape = new Tape();
    Var[] c = LagPolynomial.movingAverage(vars(tape, theta, 0), vars(tape, seasonalTheta, 1), 12);
    double[] product =
        Polynomials.multiply(Polynomials.ma(theta, 1), Polynomials.ma(seasonalTheta, 12));
    assertEquals(13, c.length);
    for (int k = 1; k < product.length; k++) {
      assertEquals(product[k], value(c[k - 1]), TOLERANCE, "θ*_" + k);
    }
  }

  @Test
  void withoutSeasonalPartTheCoefficientsAreTheParameters() {
    Tape tape = new Tape();
    Var[] phi = vars(tape, new double[] {0.5, -0.2, 0.1}, 0);
    Var[] c = LagPolynomial.autoregressive(phi, new Var[0], 0);
    assertEquals(3, c.length);
    for (int k = 0; k < 3; k++) {
      assertEquals(phi[k].scalar(), c[k].scalar(), 0.0);
    }
  }

  private static double value(Var v) {
    return v == null ? 0 : v.scalar();
  }

  private static Var[] vars(Tape tape, double[] values, int firstIndex) {
    Var[] v = new Var[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = tape.parameter(firstIndex + i, values[i]);
    }
    return v;
  }

  private static double[] random(Random random, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 2 * random.nextDouble() - 1;
    }
    return v;
  }
}
