package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The Nile local level at Durbin & Koopman's parameters (σ²ε = 15099, σ²η = 1469.1) against
 * statsmodels 0.13.5's exact-diffuse filter ({@code nile_filtered_dk_params.csv}, see the README
 * beside it). The first year is the diffuse step; from 1872 on the filter is an ordinary one, so
 * starting our filter at 1872 from the file's predicted state reproduces every later row: predicted
 * and filtered states and variances, innovations, their variances, and the per-observation
 * log-likelihood.
 */
class NileReferenceFilterTest {

  /**
   * The file holds statsmodels' values printed to 17 significant digits; both filters are backward
   * stable on this scalar model, so only accumulated rounding (≈ 1e-13) separates them.
   */
  private static final double REFERENCE_TOLERANCE = 1e-9;

  private static final double SIGMA2_EPS = 15099;
  private static final double SIGMA2_ETA = 1469.1;

  @Test
  void filteredStatesVariancesAndLogLikelihoodMatchStatsmodels() throws IOException {
    List<double[]> rows = readReference();
    // Column order: year, y, a_pred, P_pred, Pinf_pred, v, F, a_filt, P_filt, a_smooth,
    // V_smooth, llf_obs. Start at 1872 (index 1).
    double[] first = rows.get(1);
    int T = rows.size() - 1;
    DMatrixRMaj Y = new DMatrixRMaj(T, 1);
    for (int t = 0; t < T; t++) {
      Y.set(t, 0, rows.get(t + 1)[1]);
    }
    StateSpaceSystem s =
        StateSpaceSystem.builder()
            .F(one())
            .H(one())
            .cholQ(scalar(Math.sqrt(SIGMA2_ETA)))
            .cholR(scalar(Math.sqrt(SIGMA2_EPS)))
            .m0(scalar(first[2]))
            .cholP0(scalar(Math.sqrt(first[3])))
            .build();
    FilterResult res = SquareRootFilter.forSystem(s).filter(s, Y);
    for (int t = 0; t < T; t++) {
      double[] ref = rows.get(t + 1);
      String year = String.valueOf((int) ref[0]);
      assertRelative(ref[2], res.predictedMean(t)[0], year + " a_pred");
      assertRelative(ref[3], res.predictedCovariance(t).get(0, 0), year + " P_pred");
      assertRelative(ref[5], res.innovation(t)[0], year + " v");
      assertRelative(ref[6], res.innovationCovariance(t).get(0, 0), year + " F");
      assertRelative(ref[7], res.filteredMean(t)[0], year + " a_filt");
      assertRelative(ref[8], res.filteredCovariance(t).get(0, 0), year + " P_filt");
      assertRelative(ref[11], res.logLikelihoodTerm(t), year + " llf_obs");
    }
  }

  static List<double[]> readReference() throws IOException {
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                NileReferenceFilterTest.class.getResourceAsStream("nile_filtered_dk_params.csv"),
                StandardCharsets.UTF_8))) {
      in.readLine(); // header
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",");
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
          v[i] = Double.parseDouble(f[i]);
        }
        rows.add(v);
      }
    }
    return rows;
  }

  private static void assertRelative(double expected, double actual, String what) {
    assertTrue(
        Math.abs(actual - expected) <= REFERENCE_TOLERANCE * Math.max(1.0, Math.abs(expected)),
        what + ": statsmodels " + expected + ", Gramian " + actual);
  }

  private static DMatrixRMaj one() {
    return scalar(1);
  }

  private static DMatrixRMaj scalar(double v) {
    return new DMatrixRMaj(new double[][] {{v}});
  }
}
