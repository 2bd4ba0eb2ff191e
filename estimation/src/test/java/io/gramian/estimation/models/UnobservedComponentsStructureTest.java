package io.gramian.estimation.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.kalman.StateSpace;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The system matrices, state order and parameter names are statsmodels' ({@code
 * statsmodels/tsa/statespace/structural.py}, {@code UnobservedComponents.setup} and {@code
 * param_names}) and the textbook's (Durbin &amp; Koopman 2012 §3.2).
 */
class UnobservedComponentsStructureTest {

  /** Matrices built from exact constants and the parameters: equal to rounding. */
  private static final double EXACT = 1e-15;

  private static StateSpace system(UnobservedComponents model, ModelData data, double[] natural) {
    return new LogLikelihood(model, data, Map.of(), TriaRule.MASKED).system(natural);
  }

  @Test
  void parameterNamesFollowStatsmodelsOrder() {
    UnobservedComponents all =
        UnobservedComponents.of(
            UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LINEAR_TREND)
                .seasonal(4)
                .frequencySeasonal(new FrequencySeasonal(12, 3, true))
                .frequencySeasonal(new FrequencySeasonal(5, 2, false))
                .cycle(Cycle.dampedStochastic())
                .autoregressive(2)
                .exog("a", "b")
                .mleRegression(true)
                .build());
    assertEquals(
        List.of(
            "sigma2.irregular",
            "sigma2.level",
            "sigma2.trend",
            "sigma2.seasonal",
            "sigma2.freq_seasonal_12(3)",
            "sigma2.cycle",
            "sigma2.ar",
            "frequency.cycle",
            "damping.cycle",
            "ar.L1",
            "ar.L2",
            "beta.a",
            "beta.b"),
        all.parameterNames());
    assertEquals(2 + 3 + 6 + 4 + 2 + 2 + 2, all.spec().states());
    assertEquals(2 + 3 + 6 + 4, all.spec().diffuseStates());
    assertEquals(
        List.of(
            "level",
            "trend",
            "seasonal",
            "seasonal.L1",
            "seasonal.L2",
            "freq_seasonal.0",
            "freq_seasonal.1",
            "freq_seasonal.2",
            "freq_seasonal.3",
            "freq_seasonal.4",
            "freq_seasonal.5",
            "freq_seasonal.6",
            "freq_seasonal.7",
            "freq_seasonal.8",
            "freq_seasonal.9",
            "cycle",
            "cycle.auxilliary",
            "ar.L1",
            "ar.L2",
            "beta.a",
            "beta.b"),
        all.stateNames());
    assertEquals(
        List.of("dummy"),
        UnobservedComponents.of(
                UnobservedComponentsSpec.builder(TrendSpecification.IRREGULAR).build())
            .stateNames());
  }

  @Test
  void basicStructuralModelMatrices() {
    double[] natural = {0.4, 0.3, 0.2, 0.1};
    StateSpace s = system(UnobservedComponents.bsm(4, "dummy"), ReferenceSeries.unemp(), natural);
    DMatrixRMaj F =
        new DMatrixRMaj(
            new double[][] {
              {1, 1, 0, 0, 0},
              {0, 1, 0, 0, 0},
              {0, 0, -1, -1, -1},
              {0, 0, 1, 0, 0},
              {0, 0, 0, 1, 0}
            });
    assertArrayEquals(F.data, s.F(0).data, EXACT);
    assertArrayEquals(new double[] {1, 0, 1, 0, 0}, s.H(0).data, EXACT);
    assertEquals(Math.sqrt(0.4), s.cholR(0).get(0, 0), EXACT);
    DMatrixRMaj Q = new DMatrixRMaj(5, 5);
    org.ejml.dense.row.CommonOps_DDRM.multTransB(s.cholQ(0), s.cholQ(0), Q);
    DMatrixRMaj expectedQ = new DMatrixRMaj(5, 5);
    expectedQ.set(0, 0, 0.3);
    expectedQ.set(1, 1, 0.2);
    expectedQ.set(2, 2, 0.1);
    assertArrayEquals(expectedQ.data, Q.data, EXACT);
    assertEquals(5, s.diffuseRank());
    DMatrixRMaj Pinf = new DMatrixRMaj(5, 5);
    org.ejml.dense.row.CommonOps_DDRM.multTransB(s.cholPinf(), s.cholPinf(), Pinf);
    assertArrayEquals(org.ejml.dense.row.CommonOps_DDRM.identity(5).data, Pinf.data, EXACT);
  }

  @Test
  void trigonometricSeasonalRotatesEachHarmonicAndLeavesTheNyquistSineKnown() {
    UnobservedComponents model = UnobservedComponents.bsm(4, "trig");
    assertEquals(
        List.of("sigma2.irregular", "sigma2.level", "sigma2.trend", "sigma2.freq_seasonal_4(2)"),
        model.parameterNames());
    StateSpace s = system(model, ReferenceSeries.unemp(), new double[] {1, 1, 1, 1});
    // Harmonic 1: λ = π/2; harmonic 2: λ = π (sin exactly 0).
    double c = Math.cos(Math.PI / 2);
    double[][] block = {{c, 1, 0, 0}, {-1, c, 0, 0}, {0, 0, -1, 0}, {0, 0, 0, -1}};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(block[i][j], s.F(0).get(2 + i, 2 + j), EXACT, "F[" + i + "][" + j + "]");
      }
    }
    assertArrayEquals(new double[] {1, 0, 1, 0, 1, 0}, s.H(0).data, EXACT);
    // level, trend, γ1, γ*1, γ2 diffuse; γ*2 (never observed) is not.
    assertEquals(5, s.diffuseRank());
    for (int j = 0; j < s.diffuseRank(); j++) {
      assertEquals(0.0, s.cholPinf().get(5, j));
    }
  }

  @Test
  void cycleIsADampedRotationWithAStationaryStart() {
    UnobservedComponents model =
        UnobservedComponents.of(
            UnobservedComponentsSpec.builder(TrendSpecification.IRREGULAR)
                .cycle(Cycle.dampedStochastic())
                .build());
    double lambda = 0.7;
    double rho = 0.8;
    double var = 0.5;
    StateSpace s = system(model, ReferenceSeries.unemp(), new double[] {1, var, lambda, rho});
    assertArrayEquals(
        new double[] {
          rho * Math.cos(lambda), rho * Math.sin(lambda),
          -rho * Math.sin(lambda), rho * Math.cos(lambda)
        },
        s.F(0).data,
        EXACT);
    assertEquals(0, s.diffuseRank());
    // The stationary variance of a damped rotation driven by σ² I is σ² / (1 − ρ²) I.
    DMatrixRMaj P = new DMatrixRMaj(2, 2);
    org.ejml.dense.row.CommonOps_DDRM.multTransB(s.cholP0(), s.cholP0(), P);
    double stationary = var / (1 - rho * rho);
    assertArrayEquals(new double[] {stationary, 0, 0, stationary}, P.data, 1e-14);
  }

  @Test
  void autoregressiveBlockIsACompanionMatrix() {
    UnobservedComponents model =
        UnobservedComponents.of(
            UnobservedComponentsSpec.builder(TrendSpecification.NONE).autoregressive(3).build());
    StateSpace s = system(model, ReferenceSeries.unemp(), new double[] {0.2, 0.5, -0.2, 0.1});
    assertArrayEquals(new double[] {0.5, -0.2, 0.1, 1, 0, 0, 0, 1, 0}, s.F(0).data, EXACT);
    assertArrayEquals(new double[] {1, 0, 0}, s.H(0).data, EXACT);
    assertEquals(0, s.diffuseRank());
  }

  @Test
  void regressionStatesCarryTheRegressorsInTheObservationRow() {
    ModelData data = ReferenceSeries.lnKsi("petrol", "law");
    UnobservedComponents model =
        UnobservedComponents.named(
            "local-level", OptionalInt.empty(), null, List.of("petrol", "law"));
    StateSpace s = system(model, data, new double[] {0.002, 0.01});
    for (int t : new int[] {0, 169, 191}) {
      assertArrayEquals(
          new double[] {1, data.exog().get(t, 0), data.exog().get(t, 1)},
          s.H(t).data,
          EXACT,
          "step " + t);
    }
    assertEquals(3, s.diffuseRank());
  }

  @Test
  void irregularAloneKeepsOneUnusedState() {
    UnobservedComponents model =
        UnobservedComponents.of(
            UnobservedComponentsSpec.builder(TrendSpecification.IRREGULAR).build());
    StateSpace s = system(model, ReferenceSeries.unemp(), new double[] {2});
    assertEquals(1, s.nx());
    assertEquals(0, s.diffuseRank());
    assertArrayEquals(new double[] {0}, s.H(0).data, EXACT);
  }

  @Test
  void commandLineNames() {
    assertEquals(
        List.of("sigma2.irregular", "sigma2.level"),
        UnobservedComponents.localLevel().parameterNames());
    assertEquals(
        List.of("sigma2.irregular", "sigma2.level", "sigma2.trend"),
        UnobservedComponents.localLinearTrend().parameterNames());
    assertEquals(
        List.of("sigma2.irregular", "sigma2.trend"),
        UnobservedComponents.smoothTrend().parameterNames());
    UnobservedComponents bsm =
        UnobservedComponents.named("BSM", OptionalInt.of(12), "trig", List.of());
    assertEquals("bsm", bsm.name());
    assertEquals(
        List.of("sigma2.irregular", "sigma2.level", "sigma2.trend", "sigma2.freq_seasonal_12(6)"),
        bsm.parameterNames());
    UnobservedComponents ck42 =
        UnobservedComponents.named("local-level", OptionalInt.of(12), null, List.of("law"));
    assertEquals(
        List.of("sigma2.irregular", "sigma2.level", "sigma2.seasonal"), ck42.parameterNames());
    assertEquals(1 + 11 + 1, ck42.diffuseStates(ReferenceSeries.lnKsi("law")));
    for (String name : UnobservedComponents.NAMES) {
      assertEquals(
          UnobservedComponents.trendNamed(name).irregular(),
          UnobservedComponents.named(name, OptionalInt.of(4), "dummy", List.of())
              .parameterNames()
              .contains("sigma2.irregular"),
          name);
    }
    for (String name : List.of("local-level", "local-linear-trend", "smooth-trend", "bsm")) {
      assertTrue(UnobservedComponents.trendNamed(name).irregular(), name);
    }
  }
}
