package io.gramian.estimation.model;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.datasets.Datasets;
import io.gramian.kalman.FilterResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Approximate diffuse initialisation, an explicit option: checked against statsmodels 0.13.5's
 * {@code initialization='approximate_diffuse'} (κ = 1e6) with its burn-in of the first observation,
 * on the Nile local level at statsmodels' own estimates (reference case {@code
 * UC_nile_level_approx_diffuse_1e6_burn_k}).
 */
class ApproximateDiffuseTest {

  /** statsmodels prints 13 significant digits; both filters agree to rounding. */
  private static final double TOLERANCE = 1e-9;

  @Test
  void matchesStatsmodelsApproximateDiffuseWithBurnIn() {
    StateSpaceModel model =
        ApproximateDiffuse.of(
            new UserDefinedModelTest.NileLevel(), ApproximateDiffuse.STATSMODELS_KAPPA);
    LogLikelihood ll =
        new LogLikelihood(model, ModelData.of(Datasets.nile().values()), Map.of(), TriaRule.MASKED);
    FilterResult filter = ll.filter(new double[] {15108.3210114, 1463.54464748});
    double burned = filter.logLikelihood() - filter.logLikelihoodTerm(0);
    assertEquals(-632.5376855873, burned, TOLERANCE * 632.5);
    assertEquals(0, filter.diffuseSteps());
  }

  @Test
  void differsFromTheExactDiffuseLikelihood() {
    ModelData nile = ModelData.of(Datasets.nile().values());
    double[] p = {15099, 1469.1};
    double exact =
        new LogLikelihood(new UserDefinedModelTest.NileLevel(), nile, Map.of(), TriaRule.MASKED)
            .filter(p)
            .logLikelihood();
    double approximate =
        new LogLikelihood(
                ApproximateDiffuse.of(new UserDefinedModelTest.NileLevel(), 1e6),
                nile,
                Map.of(),
                TriaRule.MASKED)
            .filter(p)
            .logLikelihood();
    // ℓ_κ ≈ ℓ_exact − ½ log κ − ½ log F∞ terms: far apart, which is why it is never the default.
    assertTrue(Math.abs(exact - approximate) > 5, exact + " vs " + approximate);
  }
}
