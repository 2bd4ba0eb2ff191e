package io.gramian.autodiff.tape;

import static io.gramian.autodiff.testing.FiniteDifferences.*;
import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import java.util.Random;
import java.util.function.BiFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Models written the way a user writes them: parameters in, system matrices out, each output seeded
 * with a random adjoint (standing in for the filter's F̄, cholQ̄, …) and one reverse pass; the
 * gradient is checked against central differences of {@code ℓ(θ) = Σ_X ⟨X̄, X(θ)⟩}.
 */
class ModelExamplesTest {

  /**
   * Five-point central differences through a doubling recursion of up to 11 steps: rounding ε |ℓ| /
   * h dominates (measured ≤ 3.3e-11, at eigenvalue 0.97); 1e-9 leaves a factor 30.
   */
  private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-9;

  /** Closed forms of a few flops: rounding only. */
  private static final double VALUE_TOLERANCE = 1e-15;

  /** A model: from a tape and θ to its system matrices. */
  interface Model extends BiFunction<Tape, double[], Var[]> {}

  /** AR(2), θ = (φ1, φ2, σ): F = [[φ1, 1], [φ2, 0]], cholQ = [[σ], [0]], stationary P0. */
  static final Model AR2 =
      (tape, theta) -> {
        Var phi1 = tape.parameter(0, theta[0]);
        Var phi2 = tape.parameter(1, theta[1]);
        Var sigma = tape.parameter(2, theta[2]);
        Var F = tape.fromEntries(2, 2, phi1, tape.constant(1), phi2, null);
        Var cholQ = tape.fromEntries(2, 1, sigma, null);
        return new Var[] {F, cholQ, StationaryFactor.of(F, cholQ)};
      };

  /**
   * AR(2) on unconstrained θ (docs/models.md): partial autocorrelations r_i = tanh(θ_i), then
   * Durbin–Levinson, φ2 = r2 and φ1 = r1 (1 − r2); σ = exp(θ3). Stationary for every θ.
   */
  static final Model AR2_UNCONSTRAINED =
      (tape, theta) -> {
        Var r1 = tape.parameter(0, theta[0]).tanh();
        Var r2 = tape.parameter(1, theta[1]).tanh();
        Var phi1 = r1.sub(r1.mul(r2));
        Var sigma = tape.parameter(2, theta[2]).exp();
        Var F = tape.fromEntries(2, 2, phi1, tape.constant(1), r2, null);
        Var cholQ = tape.fromEntries(2, 1, sigma, null);
        return new Var[] {F, cholQ, StationaryFactor.of(F, cholQ)};
      };

  /**
   * Local linear trend, θ = log variances (irregular, level, slope): F = [[1, 1], [0, 1]], H = [1,
   * 0], cholQ = diag(σ_level, σ_slope), cholR = [σ_irregular], diffuse directions cholPinf = I; and
   * one predict step {@code S⁻ = tria([F S₀, cholQ])} from a fixed S₀.
   */
  static final Model LOCAL_LINEAR_TREND =
      (tape, theta) -> {
        Var one = tape.constant(1);
        Var sigmaIrregular = tape.parameter(0, theta[0]).mul(0.5).exp();
        Var sigmaLevel = tape.parameter(1, theta[1]).mul(0.5).exp();
        Var sigmaSlope = tape.parameter(2, theta[2]).mul(0.5).exp();
        Var F = tape.fromEntries(2, 2, one, one, null, one);
        Var H = tape.fromEntries(1, 2, one, null);
        Var cholQ = tape.diag(sigmaLevel, sigmaSlope);
        Var cholR = tape.fromEntries(1, 1, sigmaIrregular);
        Var cholPinf = tape.identity(2);
        Var S0 = tape.constant(new DMatrixRMaj(2, 2, true, 1.2, 0, -0.4, 0.7));
        Var predicted = tape.block(new Var[][] {{F.times(S0), cholQ}}).tria(TriaRule.MASKED);
        return new Var[] {F, H, cholQ, cholR, cholPinf, predicted};
      };

  /**
   * Smooth trend: the level has no noise of its own, cholQ = [[0], [σ_slope]] (rank 1), so the
   * predict step's tria has a zero pivot whenever S₀ does: here S₀ = 0 (a known start).
   */
  static final Model SMOOTH_TREND_FIRST_PREDICT =
      (tape, theta) -> {
        Var one = tape.constant(1);
        Var sigmaSlope = tape.parameter(0, theta[0]).mul(0.5).exp();
        Var F = tape.fromEntries(2, 2, one, one, null, one);
        Var cholQ = tape.block(new Var[][] {{tape.zeros(1, 1)}, {sigmaSlope}});
        Var predicted =
            tape.block(new Var[][] {{F.times(tape.zeros(2, 2)), cholQ}}).tria(TriaRule.MASKED);
        Var P = predicted.times(predicted.transpose());
        return new Var[] {cholQ, P};
      };

  @Test
  void ar2GradientMatchesFiniteDifferences() {
    assertGradientMatchesFiniteDifferences(AR2, new double[] {0.5, 0.3, 0.8}, 21);
  }

  @Test
  void ar2NearTheStationarityBoundaryMatchesFiniteDifferences() {
    // Eigenvalues of F 0.97 and 0.5 (φ1 = 0.97 + 0.5, φ2 = −0.97 · 0.5): 11 doubling steps.
    assertGradientMatchesFiniteDifferences(AR2, new double[] {1.47, -0.485, 1.5}, 22);
  }

  @Test
  void ar2OnUnconstrainedParametersMatchesFiniteDifferences() {
    assertGradientMatchesFiniteDifferences(AR2_UNCONSTRAINED, new double[] {0.9, -0.4, -0.2}, 23);
  }

  @Test
  void localLinearTrendMatchesFiniteDifferences() {
    assertGradientMatchesFiniteDifferences(
        LOCAL_LINEAR_TREND, new double[] {Math.log(2), Math.log(0.5), Math.log(0.1)}, 24);
  }

  @Test
  void smoothTrendWithRankDeficientNoiseMatchesFiniteDifferences() {
    assertGradientMatchesFiniteDifferences(
        SMOOTH_TREND_FIRST_PREDICT, new double[] {Math.log(0.3)}, 25);
  }

  @Test
  void localLinearTrendMatricesAreTheTextbookOnes() {
    Var[] x = LOCAL_LINEAR_TREND.apply(new Tape(), new double[] {Math.log(4), Math.log(9), 0});
    assertArrayEquals(new double[] {1, 1, 0, 1}, x[0].value().data, 0.0);
    assertArrayEquals(new double[] {1, 0}, x[1].value().data, 0.0);
    assertArrayEquals(new double[] {3, 0, 0, 1}, x[2].value().data, VALUE_TOLERANCE * 3);
    assertArrayEquals(new double[] {2}, x[3].value().data, VALUE_TOLERANCE * 2);
    assertArrayEquals(new double[] {1, 0, 0, 1}, x[4].value().data, 0.0);
  }

  private static void assertGradientMatchesFiniteDifferences(
      Model model, double[] theta, long seed) {
    double err = finiteDifferenceError(model, theta, seed);
    assertTrue(err <= FINITE_DIFFERENCE_TOLERANCE, "∇ℓ vs central differences: " + err);
  }

  /**
   * Seeds every output with a random adjoint, sweeps once, and returns the relative error {@code
   * ‖∇ℓ − FD‖ / ‖FD‖} against central differences of {@code Σ_X ⟨X̄, X(θ)⟩}.
   */
  static double finiteDifferenceError(Model model, double[] theta, long seed) {
    Random rng = new Random(seed);
    Tape tape = new Tape();
    Var[] outputs = model.apply(tape, theta);
    DMatrixRMaj[] seeds = new DMatrixRMaj[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      seeds[i] = gaussian(rng, outputs[i].rows(), outputs[i].cols());
      tape.seed(outputs[i], seeds[i]);
    }
    double[] gradient = tape.gradient(theta.length);

    double[] fd =
        centralDifferences(
            t -> {
              Var[] x = model.apply(new Tape(), t);
              double loss = 0;
              for (int i = 0; i < x.length; i++) {
                loss += inner(seeds[i], x[i].value());
              }
              return loss;
            },
            theta);
    return relativeError(gradient, fd);
  }
}
