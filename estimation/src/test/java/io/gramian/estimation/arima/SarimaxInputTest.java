package io.gramian.estimation.arima;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Bad input is an {@link IllegalArgumentException} whose message names the problem. */
class SarimaxInputTest {

  private static final Sarimax AR2 = Sarimax.of(SarimaxOrder.of(2, 0, 0)).withMean(true);
  private static final Sarimax AIRLINE = Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12));

  @Test
  void nonStationaryFixedArValuesNameTheParameter() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LogLikelihood(
                    AR2, ArimaSeries.nile(), Map.of("ar.L1", 0.6, "ar.L2", 0.5), TriaRule.MASKED));
    assertMentions(e, "ar.L1", "not stationary");
  }

  @Test
  void nonStationarySeasonalArNamesTheParameter() {
    Sarimax model = Sarimax.of(SarimaxOrder.of(0, 0, 0, 1, 0, 0, 4));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MaximumLikelihood.fit(
                    model,
                    ArimaSeries.presidents(),
                    FitOptions.defaults().withFixed(Map.of("ar.S.L4", 1.0))));
    assertMentions(e, "ar.S.L4", "not stationary");
  }

  @Test
  void nonInvertibleFixedMaNamesTheParameter() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LogLikelihood(
                    AIRLINE, ArimaSeries.logAir(), Map.of("ma.L1", -1.5), TriaRule.MASKED));
    assertMentions(e, "ma.L1", "not invertible");
  }

  @Test
  void partOfAnArBlockCannotBeFixedAlone() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LogLikelihood(AR2, ArimaSeries.nile(), Map.of("ar.L1", 0.3), TriaRule.MASKED));
    assertMentions(e, "ar.L1", "ar.L2");
  }

  @Test
  void unknownParameterIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LogLikelihood(AR2, ArimaSeries.nile(), Map.of("ma.L1", 0.3), TriaRule.MASKED));
    assertMentions(e, "ma.L1", "ar.L1, ar.L2, sigma2, mean");
  }

  @Test
  void tooFewObservationsForTheDifferencing() {
    ModelData thirteen = ModelData.of(Arrays.copyOf(ArimaSeries.logAir().y().data, 13));
    for (Integration integration : Integration.values()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  MaximumLikelihood.fit(
                      AIRLINE.withIntegration(integration), thirteen, FitOptions.defaults()));
      // The size rule (ModelSizeRule) refuses it before the differencing's own check: δ 13,
      // a lag of 13 and 3 parameters need 30 observations.
      assertMentions(e, "needs at least 30 observations", "the data has 13");
    }
  }

  @Test
  void tooFewObservationsForTheParameters() {
    ModelData three = ModelData.of(1.0, 2.5, 1.7);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MaximumLikelihood.fit(AR2, three, FitOptions.defaults()));
    // The size rule: a lag of 2 and 4 parameters need 7 observations.
    assertMentions(e, "needs at least 7 observations", "the data has 3");
  }

  @Test
  void noDifferenceObservedWithSimpleDifferencing() {
    double[] y = {1, Double.NaN, 2, Double.NaN, 3};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Sarimax.of(SarimaxOrder.of(0, 1, 0))
                    .withIntegration(Integration.SIMPLE_DIFFERENCING)
                    .prepare(ModelData.of(y)));
    assertMentions(e, "too few observations");
  }

  @Test
  void invalidOrdersAreRejected() {
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> SarimaxOrder.of(-1, 0, 0)), "p", "-1");
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> new SarimaxOrder(0, 0, 0, 1, 0, 0, 0)),
        "period");
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> SarimaxOrder.of(0, 0, 0, 0, 1, 0, 1)),
        "period");
  }

  @Test
  void regressorsMustBeTheModels() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LogLikelihood(
                    AR2.withRegressors(List.of("kms")),
                    ArimaSeries.seatbelts(),
                    Map.of(),
                    TriaRule.MASKED));
    assertMentions(e, "[kms]", "PetrolPrice");
  }

  @Test
  void multivariateDataAreRejected() {
    ModelData two = new ModelData(new DMatrixRMaj(10, 2), null, null);
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> AR2.prepare(two)), "univariate");
  }

  private static void assertMentions(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "\"" + e.getMessage() + "\" lacks " + part);
    }
  }
}
