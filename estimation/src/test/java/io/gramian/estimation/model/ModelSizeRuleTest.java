package io.gramian.estimation.model;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.datasets.Datasets;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.models.TrendSpecification;
import io.gramian.estimation.models.UnobservedComponents;
import io.gramian.estimation.models.UnobservedComponentsSpec;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The size rule of {@link ModelSizeRule}: what each model states about itself without being built
 * (exactly, beyond int range), the observations it needs (at the boundary and for the absurd
 * specifications that used to hang or overflow), and the memory refusal with its figure.
 */
class ModelSizeRuleTest {

  private static final ModelData NILE = ModelData.of(Datasets.nile().values());

  /** A heap of 1 GB, for refusals that must not depend on the test JVM's own limit. */
  private static final long ONE_GB = 1_000_000_000L;

  private static Sarimax arima(int p, int d, int q, int P, int D, int Q, int s) {
    return Sarimax.of(SarimaxOrder.of(p, d, q, P, D, Q, s));
  }

  private static ModelSizeException refusedFit(StateSpaceModel model, ModelData data) {
    return assertThrows(
        ModelSizeException.class, () -> MaximumLikelihood.fit(model, data, FitOptions.defaults()));
  }

  @Test
  void sarimaxStatesItsSizeFromItsOrders() {
    ModelSize airline = arima(0, 1, 1, 0, 1, 1, 12).size();
    assertEquals(13 + 14, airline.states()); // d + sD differencing, then max(0, 13 + 1) ARMA
    assertEquals(13, airline.diffuseStates());
    assertEquals(3, airline.parameters());
    assertEquals(13, airline.longestLag());
    assertEquals(12, airline.seasonalPeriod());
    ModelSize withMean =
        Sarimax.of(SarimaxOrder.of(2, 0, 1)).withMean(true).withRegressors(List.of("x")).size();
    assertEquals(2 + 1, withMean.states()); // max(2, 1 + 1) ARMA states and one coefficient
    assertEquals(2 + 1 + 1 + 1 + 1, withMean.parameters());
    assertEquals(0, withMean.seasonalPeriod());
  }

  @Test
  void sizesBeyondIntAreExact() {
    ModelSize huge = arima(2147483647, 0, 0, 0, 0, 0, 0).size();
    assertEquals(2147483647L, huge.states());
    assertEquals(2147483648L, huge.parameters());
    assertEquals(
        Long.MAX_VALUE,
        ModelSizeRule.fitBytes(huge, 100, huge.parameters()),
        "beyond any heap, without overflowing");
    ModelSize seasonal = arima(0, 0, 0, 0, 0, 1, 1_000_000).size();
    assertEquals(1_000_001L, seasonal.states()); // int arithmetic gave a negative array size
    ModelSize bsm =
        UnobservedComponents.named("bsm", OptionalInt.of(2147483647), "dummy", List.of()).size();
    assertEquals(2L + 2147483646L, bsm.states());
    assertEquals(2L + 2147483646L, bsm.diffuseStates());
  }

  @Test
  void structuralModelsStateTheirSize() {
    ModelSize bsm = UnobservedComponents.bsm(12, "dummy").size();
    assertEquals(13, bsm.states());
    assertEquals(13, bsm.diffuseStates());
    assertEquals(4, bsm.parameters());
    assertEquals(12, bsm.seasonalPeriod());
    ModelSize ar =
        UnobservedComponents.of(
                UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LEVEL)
                    .autoregressive(3)
                    .build())
            .size();
    assertEquals(1 + 3, ar.states());
    assertEquals(3, ar.longestLag());
  }

  @Test
  void theFiveAbsurdSpecificationsAreRefusedWithWhatTheDataSupports() {
    ModelSizeException sma5000 = refusedFit(arima(0, 0, 0, 0, 0, 1, 5000), NILE);
    assertEquals(
        "SARIMAX(0, 0, 0)x(0, 0, 1, 5000) needs at least 10000 observations (two full"
            + " seasons of period 5000); the data has 100",
        sma5000.getMessage());
    assertTrue(
        refusedFit(arima(0, 0, 0, 1, 0, 0, 90), NILE)
            .getMessage()
            .contains("needs at least 180 observations (two full seasons of period 90)"));
    assertTrue(
        refusedFit(arima(0, 0, 0, 0, 0, 1, 1_000_000), NILE)
            .getMessage()
            .contains("needs at least 2000000 observations"));
    assertTrue(
        refusedFit(arima(2147483647, 0, 0, 0, 0, 0, 0), NILE)
            .getMessage()
            .contains(
                "needs at least 4294967296 observations (2147483648 estimated parameters, a lag"
                    + " of 2147483647 and one degree of freedom); the data has 100"));
    assertTrue(
        refusedFit(
                UnobservedComponents.named("bsm", OptionalInt.of(2147483647), "dummy", List.of()),
                NILE)
            .getMessage()
            .contains(
                "needs at least 4294967294 observations (two full seasons of period"
                    + " 2147483647)"));
  }

  @Test
  void theRuleIsSharpAtItsBoundary() {
    // AR(2) with a mean: delta 0, L = 2, k = 4, so N = 7.
    Sarimax ar2 = Sarimax.of(SarimaxOrder.of(2, 0, 0)).withMean(true);
    assertEquals(7, ModelSizeRule.requiredObservations(ar2.size(), 4));
    double[] y = {1.0, 2.5, 1.7, 3.1, 2.2, 2.9, 1.4};
    ModelData seven = ModelData.of(y);
    ModelData six = ModelData.of(java.util.Arrays.copyOf(y, 6));
    assertEquals(
        "SARIMAX(2, 0, 0)x(0, 0, 0, 0) with mean needs at least 7 observations (4"
            + " estimated parameters, a lag of 2 and one degree of freedom); the data has 6",
        refusedFit(ar2, six).getMessage());
    assertDoesNotThrow(() -> ModelSizeRule.requireFit(ar2, seven, 0));
    // Holding parameters fixed frees observations.
    assertDoesNotThrow(() -> ModelSizeRule.requireFit(ar2, six, 1));
  }

  @Test
  void missingValuesDoNotCount() {
    double[] y = new double[40];
    for (int t = 0; t < y.length; t++) {
      y[t] = t % 2 == 0 ? Double.NaN : Math.sin(t);
    }
    // bsm(12): two seasons = 24 > delta 13 + k 4 + 1 = 18; 20 observed of 40.
    ModelSizeException e = refusedFit(UnobservedComponents.bsm(12, "dummy"), ModelData.of(y));
    assertTrue(e.getMessage().endsWith("the data has 20"), e.getMessage());
  }

  @Test
  void aFitThatCannotFitInTheHeapIsRefusedWithTheFigure() {
    // A seasonal MA of period 2000 on 5000 steps: the data would support it, the heap not.
    ModelSize size = arima(0, 0, 0, 0, 0, 1, 2000).size();
    long bytes = ModelSizeRule.fitBytes(size, 5000, 2);
    assertTrue(bytes > 32L * 2001 * 2001 * 5000, "at least 32 nx² bytes a step: " + bytes);
    ModelSizeException e =
        assertThrows(
            ModelSizeException.class, () -> ModelSizeRule.requireFit(size, 5000, 5000, 0, ONE_GB));
    assertTrue(
        e.getMessage().startsWith("SARIMAX(0, 0, 0)x(0, 0, 1, 2000) needs at least "),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .contains("needs at least 641 GB of memory to fit 5000 steps with 2001 states"),
        e.getMessage());
    assertTrue(e.getMessage().contains("Java's heap limit is 1.0 GB"), e.getMessage());
    assertDoesNotThrow(() -> ModelSizeRule.requireFit(size, 5000, 5000, 0, Long.MAX_VALUE));
  }

  @Test
  void theNileLocalLevelNeedsLittle() {
    ModelSize size = UnobservedComponents.localLevel().size();
    assertTrue(ModelSizeRule.fitBytes(size, 100, 2) < 1_000_000, "a few bytes a step");
    assertDoesNotThrow(() -> ModelSizeRule.requireFit(size, 100, 100, 0, ONE_GB));
  }

  @Test
  void aStateTooLargeForAJavaArrayIsRefusedForEvaluationToo() {
    ModelSize size = arima(0, 0, 0, 0, 0, 1, 1_000_000).size();
    ModelSizeException e =
        assertThrows(
            ModelSizeException.class,
            () ->
                new LogLikelihood(
                    arima(0, 0, 0, 0, 0, 1, 1_000_000),
                    NILE,
                    Map.of(),
                    io.gramian.autodiff.TriaRule.MASKED));
    assertEquals(
        size.label()
            + " has 1000001 states, more than the 46340 an nx × nx matrix can"
            + " hold in one Java array",
        e.getMessage());
  }

  @Test
  void theCommandLineMayNameTheModelItsOwnWay() {
    ModelSizeException e = refusedFit(arima(0, 0, 0, 0, 0, 1, 5000), NILE);
    ModelSizeException restated = e.withSubject("--seasonal-order 0,0,1,5000");
    assertEquals(
        "--seasonal-order 0,0,1,5000 needs at least 10000 observations (two full"
            + " seasons of period 5000); the data has 100",
        restated.getMessage());
    assertSame(e, restated.getCause());
  }

  @Test
  void bytesReadAsPeopleWriteThem() {
    assertEquals("512 bytes", ModelSizeRule.bytes(512));
    assertEquals("1.5 KB", ModelSizeRule.bytes(1500));
    assertEquals("812 MB", ModelSizeRule.bytes(812_000_000));
    assertEquals("9.2 EB", ModelSizeRule.bytes(Long.MAX_VALUE));
  }
}
