package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.testing.Matrices;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact diffuse gradient is invariant to the data's units. With the states in the data's units
 * (H and F unit-free), multiplying the data and every matrix in its units (m0, c, d, cholP0, cholQ,
 * cholR) by s changes ℓ by a constant only, so the gradient with respect to those matrices is
 * divided by s and the gradient with respect to F, H and the diffuse directions cholPinf is
 * unchanged: {@code ḡ_s = D_s⁻¹ ḡ_1}. A rank threshold that compares rows in different units (the
 * collapse's unit-free innovation row beside its diffuse rows in inverse data units) breaks this
 * from s ≈ 1e10: it masks a live diffuse pivot. The identity is exact, so the only difference is
 * rounding.
 */
class DiffuseScaleInvarianceTest {

  /**
   * Relative difference in norm between the rescaled gradients: both are backward-stable
   * computations of the same quantity in different units; the diffuse pivots' conditioning (the
   * cases' barely identified directions) costs a few digits over DiffuseFilterTest's 1e-10.
   */
  private static final double TOLERANCE = 1e-8;

  static Stream<Arguments> scales() {
    return DiffuseFilterTest.cases()
        .flatMap(c -> Stream.of(-12, -6, 6, 10, 12).map(k -> Arguments.of(c, k)));
  }

  @ParameterizedTest(name = "{0} ×1e{1}")
  @MethodSource("scales")
  void gradientScalesWithTheData(DiffuseFilterTest.Case c, int k) {
    DiffuseFilterTest.Fixture f = new DiffuseFilterTest.Fixture(c);
    double s = Math.pow(10, k);
    double[] reference = gradient(f.system, f.Y);
    StateSpaceSystem scaled = scaled(f.system, s);
    DMatrixRMaj Y = f.Y.copy();
    CommonOps_DDRM.scale(s, Y);
    double[] rescaled = gradient(scaled, Y);
    double[] unitScale = SystemVector.flatten(unitScales(f.system, s));
    for (int i = 0; i < rescaled.length; i++) {
      rescaled[i] *= unitScale[i];
    }
    double err = Matrices.relativeError(rescaled, reference);
    assertTrue(err <= TOLERANCE, c + " ×1e" + k + ": relative error " + err);
  }

  private static double[] gradient(StateSpaceSystem system, DMatrixRMaj Y) {
    SystemGradient g = new SystemGradient(Dimensions.of(system));
    SquareRootFilter.forSystem(system).logLikelihoodGradient(system, Y, TriaRule.MASKED, g);
    return SystemVector.flatten(g);
  }

  private static boolean inDataUnits(SystemMatrix m) {
    return m != SystemMatrix.F && m != SystemMatrix.H && m != SystemMatrix.cholPinf;
  }

  private static StateSpaceSystem scaled(StateSpaceSystem system, double s) {
    return new StateSpaceSystem(
        system
            .matrices()
            .map(
                (m, value) -> {
                  DMatrixRMaj copy = value.copy();
                  if (inDataUnits(m)) {
                    CommonOps_DDRM.scale(s, copy);
                  }
                  return copy;
                }));
  }

  /** s where the entry is in the data's units, 1 elsewhere: the factor that undoes ∂/∂(s·x). */
  private static SystemMatrices<DMatrixRMaj> unitScales(StateSpaceSystem system, double s) {
    return system
        .matrices()
        .map(
            (m, value) -> {
              DMatrixRMaj factor = new DMatrixRMaj(value.numRows, value.numCols);
              CommonOps_DDRM.fill(factor, inDataUnits(m) ? s : 1.0);
              return factor;
            });
  }
}
