package io.gramian.autodiff.tape;

import static io.gramian.autodiff.testing.FiniteDifferences.*;
import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Runs the example of {@code package-info.java} line for line (keep the two in step), with the
 * filter's reverse sweep replaced by fixed adjoints, and checks its gradient.
 */
class PackageExampleTest {

  /** As in ModelExamplesTest: five-point differences through the doubling recursion. */
  private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-9;

  /** Stands in for {@code io.gramian.kalman.SystemGradient}, which autodiff cannot see. */
  private record SystemGradient(DMatrixRMaj FBar, DMatrixRMaj cholQBar, DMatrixRMaj cholP0Bar) {}

  private static final SystemGradient g =
      new SystemGradient(
          gaussian(new Random(1), 2, 2),
          gaussian(new Random(2), 2, 1),
          gaussian(new Random(3), 2, 2));

  @Test
  void theExampleRunsAndItsGradientIsRight() {
    double[] theta = {0.6, 0.2, Math.log(1.3)};
    double[] gradient = example(theta);

    double[] fd = centralDifferences(PackageExampleTest::lossOf, theta);
    assertTrue(
        relativeError(gradient, fd) <= FINITE_DIFFERENCE_TOLERANCE,
        "example gradient vs central differences: " + relativeError(gradient, fd));
  }

  /** The package-info example. */
  private static double[] example(double[] theta) {
    Tape tape = new Tape();
    Var phi1 = tape.parameter(0, theta[0]);
    Var phi2 = tape.parameter(1, theta[1]);
    Var sigma = tape.parameter(2, theta[2]).exp(); // σ = exp(θ₂) > 0
    Var F = tape.fromEntries(2, 2, phi1, tape.constant(1), phi2, null);
    Var cholQ = tape.fromEntries(2, 1, sigma, null);
    Var cholP0 = StationaryFactor.of(F, cholQ); // P0 = F P0 Fᵀ + Q
    // run the filter's reverse sweep on F.value(), cholQ.value(), cholP0.value(), … → g
    tape.seed(F, g.FBar);
    tape.seed(cholQ, g.cholQBar);
    tape.seed(cholP0, g.cholP0Bar);
    double[] gradient = tape.gradient(3); // ∂ℓ/∂θ
    return gradient;
  }

  /** ℓ(θ) = ⟨F̄, F⟩ + ⟨cholQ̄, cholQ⟩ + ⟨cholP̄0, cholP0⟩, the loss whose gradient g seeds. */
  private static double lossOf(double[] theta) {
    Tape tape = new Tape();
    Var F = tape.constant(new DMatrixRMaj(2, 2, true, theta[0], 1, theta[1], 0));
    Var cholQ = tape.constant(new DMatrixRMaj(2, 1, true, Math.exp(theta[2]), 0));
    Var cholP0 = StationaryFactor.of(F, cholQ);
    return inner(g.FBar, F.value())
        + inner(g.cholQBar, cholQ.value())
        + inner(g.cholP0Bar, cholP0.value());
  }
}
