package io.gramian.estimation.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A regressor whose values span six orders of magnitude needs no rescaling by the user: Stata's own
 * examples {@code arima wpi c t3, arima(…) noconstant} (statsmodels' test suite, {@code
 * results_sarimax_coverage.csv}): regression with ARMA errors of the wholesale price index (124
 * quarters) on a constant (our {@code mean}) and t³, t = 1…124 (values up to 1.9·10⁶). Before the
 * optimiser worked in scale-free coordinates these fits stopped "not converged" after hundreds of
 * iterations, up to 4e-4 below Stata's maximum.
 *
 * <p>The maxima: Stata's, printed to 4 decimals, and statsmodels 0.13.5 refitted from Stata's
 * estimates to many digits ({@code stata_wpi1_t3.csv}, {@code stata_wpi1_t3.py}): its ℓ is above
 * Stata's by up to 4e-5, which Stata's 7-digit estimates account for.
 */
class StataTrendRegressorTest {

  /** The fit must reach statsmodels' tight refit of Stata's maximum: ℓ ≥ ℓ_ref − this. */
  private static final double LOGLIK_SLACK = 1e-6;

  /**
   * Estimates against statsmodels' refit, relative: both stop on a gradient test; the flattest
   * direction (β_t3 against the mean, correlated through the trend) settles to about 1e-5.
   */
  private static final double PARAMETER_TOLERANCE = 1e-3;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // case, p, q, P, Q, s, statsmodels' ℓ, its estimates: mean, beta.t3, ar…/ma…, sigma2
    "ar3, 3, 0, 0, 0, 0, -138.9532957795,"
        + " 38.6867170642 4.4491154246e-05 1.53089693097 -0.331354679018 -0.208303509012"
        + " 0.524081089604",
    "arma32, 3, 2, 0, 0, 0, -135.8173876291,"
        + " 37.6571240255 4.83878546744e-05 1.66354683192 -0.432778487674 -0.238407139009"
        + " -0.198863088956 -0.23537376158 0.49735580769",
    "sar3_4, 0, 0, 3, 0, 4, -284.7775556036,"
        + " 40.3583664491 4.01874574614e-05 1.77141414299 -0.990952006432 0.165542125943"
        + " 5.06305292224"
  })
  void convergesToStatasMaximumWithoutRescaling(
      String id, int p, int q, int P, int Q, int s, double loglik, String reference)
      throws IOException {
    Sarimax model =
        Sarimax.of(SarimaxOrder.of(p, 0, q, P, 0, Q, s))
            .withMean(true)
            .withRegressors(List.of("t3"));
    FitResult fit = MaximumLikelihood.fit(model, wpi1(), FitOptions.defaults());

    assertTrue(fit.converged(), id + ": " + fit.optimizerMessage());
    assertTrue(
        fit.logLikelihood() >= loglik - LOGLIK_SLACK,
        id + ": ℓ = " + fit.logLikelihood() + " < " + loglik);
    String[] values = reference.trim().split(" ");
    // statsmodels' order: beta.c (our mean), beta.t3, the ARMA coefficients, sigma2.
    int arma = values.length - 3;
    assertClose(id, "mean", Double.parseDouble(values[0]), fit.estimate("mean"));
    assertClose(id, "beta.t3", Double.parseDouble(values[1]), fit.estimate("beta.t3"));
    for (int i = 0; i < arma; i++) {
      assertClose(
          id, fit.parameterNames().get(i), Double.parseDouble(values[2 + i]), fit.estimates()[i]);
    }
    assertClose(
        id, "sigma2", Double.parseDouble(values[values.length - 1]), fit.estimate("sigma2"));
  }

  private static void assertClose(String id, String name, double expected, double actual) {
    assertEquals(expected, actual, PARAMETER_TOLERANCE * Math.abs(expected), id + " " + name);
  }

  /**
   * Stata's wpi1 (one copy, with its provenance, in the {@code peers} test resources) and the trend
   * t³, t = 1 … 124 (Stata's {@code t3}).
   */
  static ModelData wpi1() throws IOException {
    List<double[]> rows = new ArrayList<>();
    try (InputStream in =
            StataTrendRegressorTest.class.getResourceAsStream(
                "/io/gramian/estimation/peers/wpi1.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      int t = 1;
      for (String line = r.readLine(); line != null; line = r.readLine(), t++) {
        String[] f = line.split(",");
        rows.add(new double[] {Double.parseDouble(f[1]), (double) t * t * t});
      }
    }
    DMatrixRMaj y = new DMatrixRMaj(rows.size(), 1);
    DMatrixRMaj x = new DMatrixRMaj(rows.size(), 1);
    for (int t = 0; t < rows.size(); t++) {
      y.set(t, 0, rows.get(t)[0]);
      x.set(t, 0, rows.get(t)[1]);
    }
    return new ModelData(y, x, List.of("t3"));
  }
}
