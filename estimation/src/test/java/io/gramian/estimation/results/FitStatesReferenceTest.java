package io.gramian.estimation.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.models.UnobservedComponents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link FitResult#states()} against statsmodels 0.13.5's exact-diffuse filter and smoother on the
 * Nile local level model at Durbin &amp; Koopman's parameters σ²ε = 15099, σ²η = 1469.1 (the shared
 * reference {@code nile_filtered_dk_params.csv} from the kalman test fixtures; its provenance is in
 * the README beside it): predicted, filtered and smoothed level and variances.
 */
class FitStatesReferenceTest {

  /**
   * Relative agreement with statsmodels: both run the exact diffuse recursions in double precision
   * (ours in square-root form), so they differ by rounding only; 1e-9 leaves room for the
   * conditioning of the variances (about 1e4 relative to the data's 1e3 scale).
   */
  private static final double TOLERANCE = 1e-9;

  private static final String REFERENCE = "/io/gramian/kalman/nile_filtered_dk_params.csv";

  @Test
  void filteredAndSmoothedLevelAndSignalAgreeWithStatsmodels() throws IOException {
    FitResult fit =
        FitAtParameters.of(
            UnobservedComponents.localLevel(),
            Datasets.nile(),
            Map.of("sigma2.irregular", 15099.0, "sigma2.level", 1469.1));
    StateEstimates states = fit.states();
    List<double[]> rows = reference();
    assertEquals(rows.size(), states.length());
    assertEquals(List.of("level"), states.stateNames());
    Estimate filtered = states.filtered("level");
    Estimate smoothed = states.smoothed("level");
    for (int t = 0; t < rows.size(); t++) {
      double[] r =
          rows.get(t); // year,y,a_pred,P_pred,Pinf_pred,v,F,a_filt,P_filt,a_smooth,V_smooth
      String at = "year " + (int) r[0];
      assertEquals(Integer.toString((int) r[0]), states.times().get(t), at);
      assertEquals(r[1], states.observations()[t], 0, at);
      if (r[4] > 0) { // the diffuse step: the prediction depends on the arbitrary initial mean
        assertTrue(Double.isNaN(states.prediction().mean(t)), at);
      } else {
        close(r[2], states.prediction().mean(t), at + " predicted mean");
        close(r[6], states.prediction().variance(t), at + " predicted variance F");
      }
      close(r[7], filtered.mean(t), at + " filtered mean");
      close(r[8], filtered.variance(t), at + " filtered variance");
      close(r[9], smoothed.mean(t), at + " smoothed mean");
      close(r[10], smoothed.variance(t), at + " smoothed variance");
      // the signal of a local level is the level itself
      close(r[7], states.filteredSignal().mean(t), at + " filtered signal");
      close(r[8], states.filteredSignal().variance(t), at + " filtered signal variance");
      close(r[9], states.smoothedSignal().mean(t), at + " smoothed signal");
      close(r[10], states.smoothedSignal().variance(t), at + " smoothed signal variance");
    }
  }

  @Test
  void aStateIsLookedUpByName() {
    FitResult fit =
        FitAtParameters.of(
            UnobservedComponents.localLevel(),
            Datasets.nile(),
            Map.of("sigma2.irregular", 15099.0, "sigma2.level", 1469.1));
    Exception e =
        assertThrows(IllegalArgumentException.class, () -> fit.states().smoothed("trend"));
    assertEquals("no state trend; the states are [level]", e.getMessage());
  }

  private static void close(double expected, double actual, String what) {
    assertEquals(expected, actual, TOLERANCE * Math.abs(expected), what);
  }

  static List<double[]> reference() throws IOException {
    List<double[]> rows = new ArrayList<>();
    try (InputStream in = FitStatesReferenceTest.class.getResourceAsStream(REFERENCE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine(); // header
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
      }
    }
    return rows;
  }
}
