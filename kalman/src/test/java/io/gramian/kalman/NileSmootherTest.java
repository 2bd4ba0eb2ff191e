package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The Nile local level at Durbin & Koopman's parameters (σ²ε = 15099, σ²η = 1469.1) against
 * statsmodels 0.13.5's exact-diffuse smoother: {@code a_smooth} and {@code V_smooth} of {@code
 * nile_filtered_dk_params.csv} (provenance in the README beside it). The file's first row (1871) is
 * the diffuse step; from 1872 on the filter is an ordinary one, and the smoother's backward pass
 * from 1970 to 1872 uses only those ordinary steps, so starting our filter at 1872 from the file's
 * predicted state a_pred = 1120, P_pred = 16568.1 reproduces the smoothed rows 1872 … 1970.
 */
class NileSmootherTest {

  /**
   * The file holds statsmodels' values to 17 significant digits; both smoothers are backward stable
   * on this scalar model, so only accumulated rounding (measured below 1e-13 relative) separates
   * them.
   */
  private static final double REFERENCE_TOLERANCE = 1e-9;

  private static final double SIGMA2_EPS = 15099;
  private static final double SIGMA2_ETA = 1469.1;

  // Columns of the file.
  private static final int YEAR = 0;
  private static final int Y = 1;
  private static final int A_PRED = 2;
  private static final int P_PRED = 3;
  private static final int A_SMOOTH = 9;
  private static final int V_SMOOTH = 10;

  @Test
  void smoothedStatesAndVariancesMatchStatsmodels() throws IOException {
    List<double[]> rows = readReference();
    assertEquals(100, rows.size());
    double[] first = rows.get(1); // 1872
    assertEquals(1872, (int) first[YEAR]);
    assertEquals(1120.0, first[A_PRED]);
    assertEquals(16568.1, first[P_PRED]);
    int T = rows.size() - 1;
    DMatrixRMaj data = new DMatrixRMaj(T, 1);
    for (int t = 0; t < T; t++) {
      data.set(t, 0, rows.get(t + 1)[Y]);
    }
    StateSpaceSystem s =
        StateSpaceSystem.builder()
            .F(scalar(1.0))
            .H(scalar(1.0))
            .cholQ(scalar(Math.sqrt(SIGMA2_ETA)))
            .cholR(scalar(Math.sqrt(SIGMA2_EPS)))
            .m0(scalar(first[A_PRED]))
            .cholP0(scalar(Math.sqrt(first[P_PRED])))
            .build();
    FilterResult filtered = SquareRootFilter.forSystem(s).filter(s, data);
    SmootherResult smoothed = RtsSmoother.forSystem(s).smooth(s, filtered);
    for (int t = 0; t < T; t++) {
      double[] ref = rows.get(t + 1);
      String year = String.valueOf((int) ref[YEAR]);
      assertRelative(ref[A_SMOOTH], smoothed.smoothedMean(t)[0], year + " a_smooth");
      assertRelative(ref[V_SMOOTH], smoothed.smoothedCovariance(t).get(0, 0), year + " V_smooth");
    }
  }

  private static void assertRelative(double expected, double actual, String what) {
    double err = Math.abs(actual - expected) / Math.abs(expected);
    assertTrue(
        err <= REFERENCE_TOLERANCE,
        what + ": expected " + expected + ", got " + actual + " (relative error " + err + ")");
  }

  private static DMatrixRMaj scalar(double v) {
    return new DMatrixRMaj(new double[][] {{v}});
  }

  private static List<double[]> readReference() throws IOException {
    List<double[]> rows = new ArrayList<>();
    try (InputStream in =
        NileSmootherTest.class.getResourceAsStream("nile_filtered_dk_params.csv")) {
      assertNotNull(in, "nile_filtered_dk_params.csv is missing from the test resources");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      assertTrue(
          header.startsWith("year,y,a_pred,P_pred,Pinf_pred,v,F,a_filt,P_filt,a_smooth,V_smooth"));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split(",");
        double[] row = new double[fields.length];
        for (int i = 0; i < fields.length; i++) {
          row[i] = Double.parseDouble(fields[i]);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
