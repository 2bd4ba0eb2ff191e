package io.gramian.estimation.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ParameterBlock;
import io.gramian.kalman.StateSpace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter names and blocks, state dimensions, diffuse directions and the system's layout. */
class SarimaxStructureTest {

  @Test
  void parameterNamesFollowStatsmodels() {
    Sarimax model =
        Sarimax.of(SarimaxOrder.of(2, 1, 1, 1, 1, 2, 12))
            .withMean(true)
            .withRegressors(List.of("kms", "law"));
    assertEquals(
        List.of(
            "ar.L1",
            "ar.L2",
            "ma.L1",
            "ar.S.L12",
            "ma.S.L12",
            "ma.S.L24",
            "sigma2",
            "mean",
            "beta.kms",
            "beta.law"),
        model.parameterNames());
    List<ParameterBlock> blocks = model.parameterBlocks();
    assertEquals(
        List.of(2, 1, 1, 2, 1, 1, 1, 1), blocks.stream().map(ParameterBlock::size).toList());
    assertTrue(blocks.get(4).variance());
    assertEquals("arima", model.name());
  }

  @Test
  void stateDimensionIsDifferencingPlusHarveyArma() {
    SarimaxOrder airline = SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12);
    assertEquals(14, airline.armaStates()); // max(0, 1 + 12 + 1)
    assertEquals(13, airline.differencingStates());
    assertEquals(3, SarimaxOrder.of(3, 0, 1).armaStates());
    assertEquals(2, SarimaxOrder.of(2, 0, 0).armaStates());
    assertEquals(14, SarimaxOrder.of(2, 0, 0, 1, 0, 0, 12).armaStates()); // p + sP

    StateSpace diffuse = system(Sarimax.of(airline), new double[] {-0.4, -0.6, 0.0013});
    assertEquals(27, diffuse.nx());
    assertEquals(13, diffuse.diffuseRank());
    StateSpace simple =
        system(
            Sarimax.of(airline).withIntegration(Integration.SIMPLE_DIFFERENCING),
            new double[] {-0.4, -0.6, 0.0013});
    assertEquals(14, simple.nx());
    assertEquals(0, simple.diffuseRank());
  }

  @Test
  void diffuseStatesAreCountedForInformationCriteria() {
    Sarimax airline = Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12));
    assertEquals(13, airline.diffuseStates(ArimaSeries.logAir()));
    assertEquals(
        0,
        airline
            .withIntegration(Integration.SIMPLE_DIFFERENCING)
            .diffuseStates(
                airline
                    .withIntegration(Integration.SIMPLE_DIFFERENCING)
                    .prepare(ArimaSeries.logAir())));
  }

  /**
   * The mean enters the observation and, with differencing, the states that w_t feeds: ARIMA(0,1,0)
   * with mean μ predicts y_{t+1} = y_t + μ.
   */
  @Test
  void meanIsADriftOfTheDifferencedSeries() {
    Sarimax model = Sarimax.of(SarimaxOrder.of(0, 1, 0)).withMean(true);
    StateSpace s = system(model, new double[] {2.0, 5.0});
    // state (δ, a): δ_{t+1} = δ_t + a_t + μ, y_t = δ_t + a_t + μ, a white noise
    assertEquals(1.0, s.F(0).get(0, 0), 0.0);
    assertEquals(1.0, s.F(0).get(0, 1), 0.0);
    assertEquals(5.0, s.c(0).get(0, 0), 0.0);
    assertEquals(5.0, s.d(0).get(0, 0), 0.0);
    assertEquals(Math.sqrt(2.0), s.cholQ(0).get(1, 0), 1e-15);
  }

  @Test
  void regressorsAreReadByTheObservationRowAtEachStep() {
    Sarimax model =
        Sarimax.of(SarimaxOrder.of(1, 0, 0)).withRegressors(ArimaSeries.SEATBELT_REGRESSORS);
    StateSpace s = system(model, new double[] {0.5, 0.01, 0.1, -1.0, -0.1});
    assertEquals(4, s.nx());
    double[] x = ArimaSeries.seatbelts().exog().data;
    for (int t : new int[] {0, 100, 191}) {
      for (int j = 0; j < 3; j++) {
        assertEquals(x[t * 3 + j], s.H(t).get(0, 1 + j), 0.0);
      }
    }
    assertEquals(-1.0, s.m0().get(2, 0), 0.0);
  }

  @Test
  void startValuesAreFeasibleForEveryReferenceCase() {
    for (ArimaCase row : ArimaCases.all()) {
      LogLikelihood ll = new LogLikelihood(row.model(), row.data(), Map.of(), TriaRule.MASKED);
      double[] start = row.model().startParameters(ll.data());
      double value = ll.value(ll.layout().unconstrained(start)); // throws when infeasible
      assertTrue(Double.isFinite(value), row.id());
    }
  }

  private static StateSpace system(Sarimax model, double[] natural) {
    io.gramian.estimation.model.ModelData data =
        model.regressors().isEmpty() ? ArimaSeries.logAir() : ArimaSeries.seatbelts();
    return new LogLikelihood(model, data, Map.of(), TriaRule.MASKED).system(natural);
  }
}
