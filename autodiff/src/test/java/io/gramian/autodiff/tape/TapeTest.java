package io.gramian.autodiff.tape;

import static io.gramian.autodiff.testing.FiniteDifferences.*;
import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The tape's bookkeeping: parameters, seeds, repeated sweeps, constants and error messages. */
class TapeTest {

  /** Hand-derived derivatives of a few flops: rounding only. */
  private static final double EXACT = 1e-15;

  /** A value built from constants only is constant; one that a parameter reaches is not. */
  @Test
  void constantnessFollowsTheParameters() {
    Tape tape = new Tape();
    Var a = tape.constant(2.0);
    Var p = tape.parameter(0, 3.0);
    assertTrue(a.isConstant());
    assertTrue(a.mul(a).add(1.0).isConstant());
    assertFalse(p.isConstant());
    assertFalse(a.mul(p).isConstant());
    assertFalse(tape.block(new Var[][] {{a, p}}).isConstant());
  }

  /**
   * An assembled matrix knows which entries a parameter reaches, at any parameter value: an entry
   * that is θ² at θ = 0 has a zero derivative there but stays active.
   */
  @Test
  void assembledMatricesKnowTheirActiveEntries() {
    Tape tape = new Tape();
    Var theta = tape.parameter(0, 0.0);
    Var square = theta.square();
    Var one = tape.constant(1.0);
    Var F = tape.fromEntries(2, 2, square, one, null, theta);
    assertFalse(F.isConstant());
    assertTrue(F.isActiveEntry(0, 0));
    assertFalse(F.isActiveEntry(0, 1));
    assertFalse(F.isActiveEntry(1, 0));
    assertTrue(F.isActiveEntry(1, 1));
    Var Z = tape.zeros(2, 2);
    Var B = tape.block(new Var[][] {{Z, F}, {tape.identity(2), null}});
    boolean[][] expected = {
      {false, false, true, false},
      {false, false, false, true},
      {false, false, false, false},
      {false, false, false, false}
    };
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(expected[i][j], B.isActiveEntry(i, j), "(" + i + ", " + j + ")");
      }
    }
    Var S = B.slice(0, 2, 2, 4);
    assertTrue(S.isActiveEntry(0, 0));
    assertFalse(S.isActiveEntry(0, 1));
    Var D = tape.diag(one, theta);
    assertFalse(D.isActiveEntry(0, 0));
    assertTrue(D.isActiveEntry(1, 1));
    // any other operation: every entry of an active result
    Var P = F.times(F);
    assertTrue(P.isActiveEntry(0, 1));
    assertFalse(tape.identity(2).isActiveEntry(0, 0));
  }

  /**
   * The forward pass gives the Jacobian's columns that the reverse pass gives row by row: on a
   * model-like map of three parameters (an exp, a product, a block and a tria), every entry's
   * derivative along each parameter, two ways, to rounding.
   */
  @Test
  void forwardPassesGiveTheJacobianOfReversePasses() {
    Tape tape = new Tape();
    Var a = tape.parameter(0, 0.3);
    Var b = tape.parameter(1, -0.7);
    Var c = tape.parameter(2, 1.1);
    Var F = tape.fromEntries(2, 2, a.tanh(), b, null, c.mul(a));
    Var q = tape.diag(b.exp(), c.square());
    Var S = tape.block(new Var[][] {{F.times(q), q}}).tria(TriaRule.MASKED);
    int entries = S.rows() * S.cols();
    double[][] reverse = new double[entries][];
    DMatrixRMaj unit = new DMatrixRMaj(S.rows(), S.cols());
    for (int e = 0; e < entries; e++) {
      unit.data[e] = 1;
      tape.seed(S, unit);
      unit.data[e] = 0;
      reverse[e] = tape.gradient(3);
    }
    for (int j = 0; j < 3; j++) {
      double[] direction = new double[3];
      direction[j] = 1;
      tape.forward(direction);
      DMatrixRMaj column = S.tangent();
      for (int e = 0; e < entries; e++) {
        assertEquals(reverse[e][j], column.data[e], 1e-14, "entry " + e + ", parameter " + j);
      }
    }
    assertEquals(0.0, tape.constant(2.0).tangent().data[0]); // a constant's tangent is zero
  }

  @Test
  void forwardPassRefusesBadTangentsAndNamesAnInfiniteDerivative() {
    Tape tape = new Tape();
    Var y = tape.parameter(1, 0.0).sqrt();
    assertThrows(IllegalArgumentException.class, () -> tape.forward(new double[1]));
    assertThrows(IllegalArgumentException.class, () -> tape.forward(new double[] {0, Double.NaN}));
    ArithmeticException e =
        assertThrows(ArithmeticException.class, () -> tape.forward(new double[] {0, 1}));
    assertTrue(e.getMessage().contains("sqrt"), e.getMessage());
    tape.forward(new double[] {1, 0}); // θ₁ does not move: y's tangent is zero, not NaN
    assertEquals(0.0, y.tangent().data[0]);
  }

  @Test
  void parameterDerivativesLandInTheirSlots() {
    Tape tape = new Tape();
    Var a = tape.parameter(0, 1.5);
    Var b = tape.parameter(2, -0.5);
    Var c = tape.parameter(1, 0.25);
    Var y = a.mul(b).add(c.exp()); // y = a b + e^c
    tape.seed(y, 1.0);
    double[] g = tape.gradient(4);
    assertArrayEquals(new double[] {-0.5, Math.exp(0.25), 1.5, 0.0}, g, EXACT);
  }

  @Test
  void parametersSharingAnIndexAddTheirDerivatives() {
    Tape tape = new Tape();
    Var y = tape.parameter(0, 3.0).mul(tape.parameter(0, 3.0)); // θ · θ as two leaves
    tape.seed(y, 1.0);
    assertEquals(6.0, tape.gradient(1)[0], EXACT);
  }

  @Test
  void backwardAddAccumulatesIntoTheGradient() {
    Tape tape = new Tape();
    Var y = tape.parameter(0, 2.0).square();
    tape.seed(y, 1.0);
    double[] g = {10.0};
    tape.backwardAdd(g);
    assertEquals(14.0, g[0], EXACT);
  }

  /** One sweep with several seeded outputs = the sum of one sweep per output (linearity). */
  @Test
  void severalOutputsInOneSweepEqualSeparateSweeps() {
    Random rng = new Random(8);
    Tape tape = new Tape();
    Var a = tape.parameter(0, 0.3);
    Var b = tape.parameter(1, -1.1);
    Var M = tape.fromEntries(2, 2, a, b, b.tanh(), a.square());
    Var out1 = M.times(M.transpose());
    Var out2 = M.tria(TriaRule.MASKED);
    DMatrixRMaj w1 = gaussian(rng, 2, 2);
    DMatrixRMaj w2 = gaussian(rng, 2, 2);

    tape.seed(out1, w1);
    tape.seed(out2, w2);
    double[] together = tape.gradient(2);

    tape.seed(out1, w1);
    double[] separately = tape.gradient(2);
    tape.seed(out2, w2);
    tape.backwardAdd(separately);
    assertArrayEquals(together, separately, 1e-14);
  }

  /** Transient adjoints are cleared after a sweep; a variable's adjoint accumulates. */
  @Test
  void repeatedSweepsRepeatTheGradientAndVariablesAccumulate() {
    Tape tape = new Tape();
    Var X = tape.variable(new DMatrixRMaj(2, 2, true, 1, 2, 3, 4));
    Var p = tape.parameter(0, 0.5);
    Var y = X.mul(p).times(X); // p X X
    DMatrixRMaj w = CommonOps_DDRM.identity(2);
    tape.seed(y, w);
    double[] first = tape.gradient(1);
    DMatrixRMaj XBarOnce = X.adjoint().copy();
    tape.seed(y, w);
    double[] second = tape.gradient(1);
    assertArrayEquals(first, second, 0.0);
    DMatrixRMaj twice = XBarOnce.copy();
    CommonOps_DDRM.scale(2, twice);
    assertArrayEquals(twice.data, X.adjoint().data, EXACT);
    // ℓ = p tr(X²): ∂ℓ/∂p = tr(X²) = 29 and X̄ = 2 p Xᵀ = Xᵀ at p = ½.
    assertEquals(29.0, first[0], EXACT);
    assertArrayEquals(new double[] {1, 3, 2, 4}, XBarOnce.data, EXACT);
  }

  @Test
  void constantsAreNotRecordedAndIgnoreSeeds() {
    Tape tape = new Tape();
    Var c = tape.constant(2.0).exp().mul(tape.identity(3)).add(tape.zeros(3, 3));
    assertEquals(0, tape.size());
    Var p = tape.parameter(0, 1.0);
    assertEquals(1, tape.size());
    tape.seed(c, CommonOps_DDRM.identity(3));
    Var y = p.mul(c);
    assertEquals(2, tape.size());
    tape.seed(y, CommonOps_DDRM.identity(3));
    assertEquals(3 * Math.exp(2.0), tape.gradient(1)[0], 1e-14);
  }

  @Test
  void aNonFiniteResultIsAnErrorNamingTheOperation() {
    Tape tape = new Tape();
    Var x = tape.parameter(0, -1.0);
    ArithmeticException log = assertThrows(ArithmeticException.class, x::log);
    assertTrue(log.getMessage().startsWith("log:"), log.getMessage());
    ArithmeticException div =
        assertThrows(ArithmeticException.class, () -> x.div(tape.constant(0.0)));
    assertTrue(div.getMessage().startsWith("div:"), div.getMessage());
    ArithmeticException exp = assertThrows(ArithmeticException.class, () -> x.mul(-1000).exp());
    assertTrue(exp.getMessage().startsWith("exp:"), exp.getMessage());
  }

  @Test
  void anInfiniteDerivativeIsAnErrorInTheSweep() {
    Tape tape = new Tape();
    Var y = tape.parameter(0, 0.0).sqrt();
    assertEquals(0.0, y.scalar());
    tape.seed(y, 1.0);
    double[] g = {5.0};
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> tape.backwardAdd(g));
    assertTrue(e.getMessage().contains("derivative of sqrt"), e.getMessage());
    assertEquals(5.0, g[0], "the gradient is untouched by a failed sweep");
  }

  @Test
  void misuseIsAnIllegalArgument() {
    Tape tape = new Tape();
    Tape other = new Tape();
    Var a = tape.parameter(0, 1.0);
    Var m = tape.variable(new DMatrixRMaj(2, 3));
    assertThrows(IllegalArgumentException.class, () -> a.add(other.parameter(0, 1.0)));
    assertThrows(IllegalArgumentException.class, () -> tape.seed(m, new DMatrixRMaj(3, 2)));
    assertThrows(IllegalArgumentException.class, () -> tape.parameter(-1, 0.0));
    assertThrows(IllegalArgumentException.class, () -> tape.parameter(0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> tape.gradient(0));
    assertThrows(IllegalArgumentException.class, () -> m.times(m));
    assertThrows(IllegalArgumentException.class, () -> m.add(m.transpose()));
    assertThrows(IllegalArgumentException.class, () -> m.slice(0, 3, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> tape.fromEntries(2, 2, a, a, a));
    assertThrows(IllegalArgumentException.class, () -> tape.fromEntries(1, 2, a, m));
    assertThrows(
        IllegalArgumentException.class, () -> tape.block(new Var[][] {{null, m}, {null, a}}));
    assertThrows(IllegalArgumentException.class, () -> tape.block(new Var[][] {{m}, {a, a}}));
    assertThrows(IllegalArgumentException.class, () -> tape.block(new Var[][] {{m, a}}));
    assertThrows(IllegalStateException.class, () -> a.adjoint());
    assertThrows(IllegalStateException.class, () -> m.scalar());
  }

  @Test
  void blockInfersTheSizeOfNullBlocks() {
    Tape tape = new Tape();
    Var A = tape.variable(new DMatrixRMaj(2, 3, true, 1, 2, 3, 4, 5, 6));
    Var b = tape.parameter(0, 7.0);
    Var Y = tape.block(new Var[][] {{A, null}, {null, b}});
    DMatrixRMaj expected = new DMatrixRMaj(3, 4, true, 1, 2, 3, 0, 4, 5, 6, 0, 0, 0, 0, 7);
    assertArrayEquals(expected.data, Y.value().data, 0.0);
    assertEquals(3, Y.rows());
    assertEquals(4, Y.cols());
  }
}
