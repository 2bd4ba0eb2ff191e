package io.gramian.estimation.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeriesFrame;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ExactChannels;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ObservationIdentity;
import io.gramian.estimation.model.SeveralSeriesModel;
import io.gramian.kalman.StateSpaceSystem;
import io.gramian.kalman.SystemMatrix;
import io.gramian.kalman.testing.CovarianceFilter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Exact channels and identities for any model of several series ({@link ExactChannels}): ℓ against
 * statsmodels (SUTSE with rear exact), against the covariance-form oracle with the exact rows of R
 * zeroed by hand (a dynamic factor model), against the same model on transformed data (an identity
 * with a part missing), and gradients against central differences on every case.
 */
class ExactChannelsTest {

  private static final List<String> FRONT_REAR = List.of("front", "rear");

  /** The two filters' rounding over 192 steps: about 1e-13 relative. */
  private static final double LOGLIK_RELATIVE = 1e-10;

  /** Central differences at h = 1e-5 (θ of order 1–10): O(h²) truncation plus rounding, ~1e-7. */
  private static final double GRADIENT_TOLERANCE = 1e-5;

  private static final double STEP = 1e-5;

  private static final ObservationIdentity TOTAL = ObservationIdentity.parse("total=front+rear");

  @Test
  void identitiesParse() {
    ObservationIdentity net = ObservationIdentity.parse(" net = exports - imports ");
    assertEquals("net", net.total());
    assertEquals(List.of("exports", "imports"), net.parts());
    assertEquals(List.of(1, -1), net.signs());
    assertEquals("net=exports-imports", net.toString());
    assertEquals(List.of(-1, 1), ObservationIdentity.parse("x=-a+b").signs());
    for (String bad : List.of("total", "total=a++b", "total=a+", "=a+b", "a=a+b", "t=a+a", "t=")) {
      assertThrows(IllegalArgumentException.class, () -> ObservationIdentity.parse(bad), bad);
    }
  }

  /**
   * The wrapper's exact rear on the full SUTSE equals Sutse's own exact rear, whose ℓ is
   * statsmodels' ({@code rear_exact}); the rear irregular's entries are silenced.
   */
  @Test
  void anExactSutseSeriesMatchesStatsmodels() throws IOException {
    ModelData data = SutseComponentsTest.logFrontRear();
    ExactChannels model =
        new ExactChannels(Sutse.localLevel(FRONT_REAR), List.of("rear"), List.of());
    assertEquals(
        Map.of("sqrt.cov.irregular.rear.front", 0.0, "sqrt.cov.irregular.rear.rear", 0.0),
        model.silencedParameters(data));
    LogLikelihood ll = new LogLikelihood(model, data, Map.of(), TriaRule.MASKED);
    double[] natural = {0.09, -0.03, 0.07, 0.02, 0.015, 0.012};
    double expected = ReferenceChecks.statsmodelsSutse().get("rear_exact");
    assertEquals(
        expected,
        ll.value(ll.layout().unconstrained(natural)),
        LOGLIK_RELATIVE * Math.abs(expected));
    assertGradient(ll, natural, "sutse rear exact");
  }

  /**
   * A dynamic factor model of four macro growth rates with realcons exact: ℓ equals the covariance
   * filter's on the inner model's system with realcons' row of cholR set to zero by hand, the
   * gradient the differences', sigma2.realcons is silenced, and the fit converges.
   */
  @Test
  void anExactDynamicFactorSeriesMatchesTheOracleAndFits() {
    List<String> macro = List.of("realgdp", "realcons", "realinv", "cpi");
    ModelData data = DynamicFactorReferenceTest.growth(Datasets.usMacroQuarterly(), macro);
    DynamicFactor inner = new DynamicFactor(macro, 1, 1);
    ExactChannels model = new ExactChannels(inner, List.of("realcons"), List.of());
    assertEquals(Map.of("sigma2.realcons", 0.0), model.silencedParameters(data));
    double[] natural = inner.startParameters(data);
    LogLikelihood ll = new LogLikelihood(model, data, Map.of(), TriaRule.MASKED);
    double actual = ll.value(ll.layout().unconstrained(natural));
    StateSpaceSystem system = innerSystem(inner, natural, data);
    DMatrixRMaj cholR = system.cholR(0).copy();
    int row = macro.indexOf("realcons");
    for (int c = 0; c < cholR.numCols; c++) {
      cholR.set(row, c, 0);
    }
    StateSpaceSystem exact =
        new StateSpaceSystem(system.matrices().map((m, v) -> m == SystemMatrix.cholR ? cholR : v));
    double expected = CovarianceFilter.of(exact, data.y()).logLikelihood;
    assertEquals(expected, actual, LOGLIK_RELATIVE * Math.abs(expected));
    assertGradient(ll, natural, "dfm realcons exact");
    FitResult fit =
        MaximumLikelihood.fit(
            model, data, FitOptions.defaults().withFixed(model.silencedParameters(data)));
    assertTrue(fit.converged(), fit.optimizerMessage());
  }

  /**
   * A VAR has no observation noise (its innovations are states): an exact column is refused, not
   * silently left as it is.
   */
  @Test
  void anExactVarSeriesIsRefused() {
    List<String> cols = List.of("infl", "unemp");
    TimeSeriesFrame frame = Datasets.usMacroQuarterly();
    ModelData data =
        new ModelData(new DMatrixRMaj(frame.length(), 2, true, frame.rowMajor(cols)), null, null);
    VectorAutoregression var =
        new VectorAutoregression(cols, 1, VectorAutoregression.Trend.parse("c"));
    ExactChannels model = new ExactChannels(var, List.of("unemp"), List.of());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LogLikelihood(model, data, Map.of(), TriaRule.MASKED));
    assertTrue(
        e.getMessage().contains("unemp has no observation noise of its own"), e.getMessage());
  }

  /**
   * total = front + rear on the casualty counts, with front missing at some rows: there the total
   * and rear observed are an invertible linear map (determinant 1) of front and rear, so ℓ equals
   * the parts' model's on the data with front filled in as total − rear; where all three are
   * observed the total adds nothing. Gradient against differences; a total that is not the sum is
   * an error naming the row.
   */
  @Test
  void anIdentityInformsAMissingPart() {
    TimeSeriesFrame frame = Datasets.seatbelts();
    double[] fr = frame.rowMajor(FRONT_REAR);
    int steps = frame.length();
    DMatrixRMaj withTotal = new DMatrixRMaj(steps, 3);
    DMatrixRMaj filled = new DMatrixRMaj(steps, 2);
    for (int t = 0; t < steps; t++) {
      double front = fr[2 * t];
      double rear = fr[2 * t + 1];
      boolean missing = t % 7 == 3;
      withTotal.set(t, 0, missing ? Double.NaN : front);
      withTotal.set(t, 1, rear);
      withTotal.set(t, 2, front + rear);
      filled.set(t, 0, front);
      filled.set(t, 1, rear);
    }
    Sutse inner = Sutse.localLevel(FRONT_REAR);
    ExactChannels model = new ExactChannels(inner, List.of(), List.of(TOTAL));
    assertEquals(List.of("front", "rear", "total"), model.series());
    double[] natural = {90, -30, 70, 20, 15, 12};
    ModelData data = new ModelData(withTotal, null, null);
    LogLikelihood ll = new LogLikelihood(model, data, Map.of(), TriaRule.MASKED);
    LogLikelihood parts =
        new LogLikelihood(inner, new ModelData(filled, null, null), Map.of(), TriaRule.MASKED);
    double expected = parts.value(parts.layout().unconstrained(natural));
    assertEquals(
        expected,
        ll.value(ll.layout().unconstrained(natural)),
        LOGLIK_RELATIVE * Math.abs(expected));
    assertGradient(ll, natural, "identity with missing front");

    // with rear exact too: the total's noise is then front's alone
    ExactChannels both = new ExactChannels(inner, List.of("rear"), List.of(TOTAL));
    LogLikelihood bothLl = new LogLikelihood(both, data, Map.of(), TriaRule.MASKED);
    ExactChannels rearExact = new ExactChannels(inner, List.of("rear"), List.of());
    LogLikelihood rearLl =
        new LogLikelihood(rearExact, new ModelData(filled, null, null), Map.of(), TriaRule.MASKED);
    double rearExpected = rearLl.value(rearLl.layout().unconstrained(natural));
    assertEquals(
        rearExpected,
        bothLl.value(bothLl.layout().unconstrained(natural)),
        LOGLIK_RELATIVE * Math.abs(rearExpected));
    assertGradient(bothLl, natural, "identity with rear exact");

    withTotal.set(11, 2, withTotal.get(11, 2) + 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LogLikelihood(
                    model, new ModelData(withTotal, null, null), Map.of(), TriaRule.MASKED));
    assertTrue(e.getMessage().contains("total=front+rear does not hold at row 12"), e.getMessage());
  }

  @Test
  void badChannelsAreRefused() {
    Sutse inner = Sutse.localLevel(FRONT_REAR);
    assertThrows(
        IllegalArgumentException.class, () -> new ExactChannels(inner, List.of("back"), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ExactChannels(inner, List.of("total"), List.of(TOTAL)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ExactChannels(inner, List.of(), List.of(ObservationIdentity.parse("front=rear"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ExactChannels(
                inner, List.of(), List.of(ObservationIdentity.parse("t=front+back"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ExactChannels(inner, List.of(), List.of(TOTAL, TOTAL)));
  }

  private static StateSpaceSystem innerSystem(
      SeveralSeriesModel inner, double[] natural, ModelData data) {
    Tape tape = new Tape();
    Var[] values = new Var[natural.length];
    for (int i = 0; i < natural.length; i++) {
      values[i] = tape.constant(inner.isVariance(i) ? Math.sqrt(natural[i]) : natural[i]);
    }
    return inner.build(values, data).system();
  }

  private static void assertGradient(LogLikelihood ll, double[] natural, String what) {
    ReferenceChecks.assertGradientMatchesCentralDifferences(
        ll, ll.layout().unconstrained(natural), STEP, GRADIENT_TOLERANCE, what);
  }
}
