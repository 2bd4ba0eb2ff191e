package io.gramian.estimation.online;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.models.Tracking;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Recursive maximum likelihood on a simulated one-axis target (white acceleration q = 0.5, position
 * noise 0.04, Δ = 0.1, 4000 steps): started from a batch fit of the first 200 steps, it ends near
 * the batch fit of all 4000, which it never sees as a whole.
 */
class OnlineMaximumLikelihoodTest {

  private static final int T = 4000;
  private static final int STRETCH = 200;

  /** Steps per parameter update in the block test. */
  private static final int BLOCK = 20;

  /**
   * How far the recursive estimate may end from the full-data batch estimate, in the batch's
   * standard errors. Recursive Gauss–Newton is asymptotically efficient, so the two differ by a
   * fraction of the sampling error (0.17 and 0.14 standard errors on this seed); half a standard
   * error still fails an estimate that stopped adapting (the stretch's is 1.0 away in q).
   */
  private static final double STANDARD_ERRORS = 0.5;

  @Test
  void endsNearTheBatchEstimateOfAllTheData() {
    DMatrixRMaj y = simulate(new Random(7), T, 0.1, 0.5, 0.04);
    Tracking model = Tracking.constantVelocity(1).timeStep(0.1).build();
    FitResult batch =
        MaximumLikelihood.fit(model, new ModelData(y, null, null), FitOptions.defaults());
    ModelData first = firstRows(y, STRETCH);
    FitResult stretch = MaximumLikelihood.fit(model, first, FitOptions.defaults());
    OnlineMaximumLikelihood rml =
        OnlineMaximumLikelihood.afterFit(model, first, FitOptions.defaults());
    assertArrayEquals(stretch.estimates(), rml.estimates(), 0.0);
    for (int t = STRETCH; t < T; t++) {
      rml.observe(y.data[t]);
    }
    assertEquals(T, rml.observations());
    assertEquals(0, rml.skippedSteps());
    double[] se = batch.standardErrors();
    for (int i = 0; i < se.length; i++) {
      String name = model.parameterNames().get(i);
      double online = Math.abs(rml.estimates()[i] - batch.estimates()[i]);
      double started = Math.abs(stretch.estimates()[i] - batch.estimates()[i]);
      assertTrue(online <= STANDARD_ERRORS * se[i], name + ": " + online + " vs se " + se[i]);
      assertTrue(online < started, name + " did not move towards the full-data estimate");
      assertEquals(rml.estimates()[i], rml.estimate(name), 0.0);
    }
  }

  /** Moving θ every 20 steps by their summed steps ends as near (here 0.09 and 0.09 s.e.). */
  @Test
  void blockUpdatesEndNearTheBatchEstimateToo() {
    DMatrixRMaj y = simulate(new Random(7), T, 0.1, 0.5, 0.04);
    Tracking model = Tracking.constantVelocity(1).timeStep(0.1).build();
    FitResult batch =
        MaximumLikelihood.fit(model, new ModelData(y, null, null), FitOptions.defaults());
    OnlineMaximumLikelihood rml =
        OnlineMaximumLikelihood.afterFit(
            model, firstRows(y, STRETCH), FitOptions.defaults(), BLOCK);
    double[] before = rml.estimates();
    for (int t = STRETCH; t < STRETCH + BLOCK - 1; t++) {
      rml.observe(y.data[t]);
    }
    assertArrayEquals(before, rml.estimates(), 0.0); // no step before the block is full
    for (int t = STRETCH + BLOCK - 1; t < T; t++) {
      rml.observe(y.data[t]);
    }
    double[] se = batch.standardErrors();
    for (int i = 0; i < se.length; i++) {
      double online = Math.abs(rml.estimates()[i] - batch.estimates()[i]);
      assertTrue(online <= STANDARD_ERRORS * se[i], online + " vs se " + se[i]);
    }
    assertThrows(
        IllegalArgumentException.class,
        () ->
            OnlineMaximumLikelihood.afterFit(
                model, firstRows(y, STRETCH), FitOptions.defaults(), 0));
  }

  @Test
  void aMissingObservationLeavesTheParametersAlone() {
    DMatrixRMaj y = simulate(new Random(8), 400, 0.1, 0.5, 0.04);
    Tracking model = Tracking.constantVelocity(1).timeStep(0.1).build();
    OnlineMaximumLikelihood rml =
        OnlineMaximumLikelihood.afterFit(model, firstRows(y, STRETCH), FitOptions.defaults());
    rml.observe(y.data[STRETCH]);
    double[] before = rml.estimates();
    assertEquals(0.0, rml.observe(Double.NaN), 0.0);
    assertArrayEquals(before, rml.estimates(), 0.0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> rml.observe(1.0, 2.0));
    assertTrue(e.getMessage().contains("expected 1"), e.getMessage());
  }

  private static ModelData firstRows(DMatrixRMaj y, int n) {
    DMatrixRMaj first = new DMatrixRMaj(n, y.numCols);
    System.arraycopy(y.data, 0, first.data, 0, n * y.numCols);
    return new ModelData(first, null, null);
  }

  /** Positions of a target under white acceleration, sampled exactly (q Q(Δ) by its factor). */
  static DMatrixRMaj simulate(Random rng, int T, double dt, double q, double r) {
    DMatrixRMaj y = new DMatrixRMaj(T, 1);
    double p = 0, v = 1;
    double sq = Math.sqrt(q);
    for (int t = 0; t < T; t++) {
      y.data[t] = p + Math.sqrt(r) * rng.nextGaussian();
      // exact discretisation of white acceleration: (p, v) noise with covariance q Q(dt)
      double z1 = rng.nextGaussian(), z2 = rng.nextGaussian();
      double l11 = Math.sqrt(dt * dt * dt / 3);
      double l21 = (dt * dt / 2) / l11;
      double l22 = Math.sqrt(dt - l21 * l21);
      p += dt * v + sq * l11 * z1;
      v += sq * (l21 * z1 + l22 * z2);
    }
    return y;
  }
}
