package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.kalman.testing.RandomSystems;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The forward sweep, the reverse sweep and the online step allocate nothing per time step once
 * their workspaces exist, measured with HotSpot's per-thread allocation counter. (The JMH benchmark
 * reports the same with its gc profiler.)
 */
class AllocationPerStepTest {

  /**
   * What a measured run may allocate in all, whatever its length: a JIT deoptimisation can allocate
   * a few frames once. A single byte per step over these runs would exceed it.
   */
  private static final long MEASUREMENT_SLACK_BYTES = 4096;

  private static final int T = 5000;

  /** Measured runs of a call whose least allocation is checked ({@link #leastAllocated}). */
  private static final int MEASURED_RUNS = 3;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /**
   * ℓ, its gradient and its tangent sweep, in covariance form ({@link CovarianceTangent}) and in
   * the factor's form, allocate nothing per step on a system without a diffuse part.
   */
  @Test
  void logLikelihoodGradientAndTangentsAllocateNothingPerStep() {
    assertTrue(threads.isThreadAllocatedMemorySupported());
    threads.setThreadAllocatedMemoryEnabled(true);
    Random rng = new Random(21);
    StateSpaceSystem s = RandomSystems.system(rng, 4, 2, 4, 2, 2, 1, 4, 4);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, T);
    RandomSystems.dropValues(rng, Y, 0.1, 0.1);
    SquareRootFilter filter = SquareRootFilter.forSystem(s);
    SystemGradient g = new SystemGradient(Dimensions.of(s));
    for (int i = 0; i < 5; i++) { // warm-up and tape growth
      filter.logLikelihood(s, Y);
      filter.logLikelihoodGradient(s, Y, TriaRule.MASKED, g);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    filter.logLikelihood(s, Y);
    long afterForward = threads.getCurrentThreadAllocatedBytes();
    filter.logLikelihoodGradient(s, Y, TriaRule.MASKED, g);
    long afterGradient = threads.getCurrentThreadAllocatedBytes();
    assertTrue(afterForward - before <= MEASUREMENT_SLACK_BYTES, (afterForward - before) + " B");
    assertTrue(
        afterGradient - afterForward <= MEASUREMENT_SLACK_BYTES,
        (afterGradient - afterForward) + " B");
    double[] terms = new double[T];
    for (boolean covariance : new boolean[] {true, false}) {
      SquareRootFilter tangents = SquareRootFilter.forSystem(s).tangentInCovarianceForm(covariance);
      long allocated =
          leastAllocated(() -> tangents.logLikelihoodTangent(s, s, Y, TriaRule.MASKED, terms));
      assertTrue(
          allocated <= MEASUREMENT_SLACK_BYTES,
          (covariance ? "tangent in covariance form: " : "factor's tangent: ") + allocated + " B");
    }
  }

  /**
   * The same for an exactly diffuse system, whose sweeps convert to the ordinary filter once its
   * directions are identified ({@link DiffuseConversion}): forward, reverse and tangent, the
   * converted steps of ℓ and of the gradient taken as the predictor's array.
   */
  @Test
  void diffuseSweepsWithTheirConversionAllocateNothingPerStep() {
    threads.setThreadAllocatedMemoryEnabled(true);
    Random rng = new Random(27);
    DiffuseFilterTest.Case c = new DiffuseFilterTest.Case("allocation", 3, 2, 3, 3, 0.1);
    StateSpaceSystem s = DiffuseFilterTest.diffuseSystem(rng, c);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, T);
    RandomSystems.dropValues(rng, Y, 0.1, 0.1);
    SquareRootFilter filter = SquareRootFilter.forSystem(s);
    SystemGradient g = new SystemGradient(Dimensions.of(s));
    double[] dLogLik = new double[T];
    for (int i = 0; i < 5; i++) {
      filter.logLikelihood(s, Y);
      filter.logLikelihoodGradient(s, Y, TriaRule.MASKED, g);
      filter.logLikelihoodTangent(s, s, Y, TriaRule.MASKED, dLogLik);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    filter.logLikelihood(s, Y);
    long afterForward = threads.getCurrentThreadAllocatedBytes();
    filter.logLikelihoodGradient(s, Y, TriaRule.MASKED, g);
    long afterGradient = threads.getCurrentThreadAllocatedBytes();
    assertTrue(filter.tape.convertedAt() >= 0, "the filter did not convert");
    int arraySteps = 0;
    for (int t = 0; t < T; t++) {
      arraySteps += filter.tape.arrayStep(t) ? 1 : 0;
    }
    assertTrue(arraySteps > T / 2, "the gradient took " + arraySteps + " steps as the array");
    filter.logLikelihoodTangent(s, s, Y, TriaRule.MASKED, dLogLik);
    long afterTangent = threads.getCurrentThreadAllocatedBytes();
    assertTrue(afterForward - before <= MEASUREMENT_SLACK_BYTES, (afterForward - before) + " B");
    assertTrue(
        afterGradient - afterForward <= MEASUREMENT_SLACK_BYTES,
        (afterGradient - afterForward) + " B");
    assertTrue(
        afterTangent - afterGradient <= MEASUREMENT_SLACK_BYTES,
        (afterTangent - afterGradient) + " B");
  }

  /**
   * The same on the {@link SteadyState} path: a time-invariant system with every entry observed,
   * most of whose steps run frozen, forward and backward.
   */
  @Test
  void steadyStateStepsAllocateNothing() {
    threads.setThreadAllocatedMemoryEnabled(true);
    Random rng = new Random(25);
    StateSpaceSystem s = RandomSystems.system(rng, 4, 2, 4, 4, 2, 2, 4, 4);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, T);
    Y.set(T / 2, 0, Double.NaN); // one exit from the steady state and one re-entry
    SquareRootFilter filter = SquareRootFilter.forSystem(s);
    SystemGradient g = new SystemGradient(Dimensions.of(s));
    for (int i = 0; i < 5; i++) {
      filter.logLikelihood(s, Y);
      filter.logLikelihoodGradient(s, Y, TriaRule.MASKED, g);
    }
    int frozen = 0;
    for (int t = 0; t < T; t++) {
      frozen += filter.tape.frozenFrom(t) >= 0 ? 1 : 0;
    }
    assertTrue(frozen > T / 2, frozen + " frozen steps");
    long before = threads.getCurrentThreadAllocatedBytes();
    filter.logLikelihood(s, Y);
    long afterForward = threads.getCurrentThreadAllocatedBytes();
    filter.logLikelihoodGradient(s, Y, TriaRule.MASKED, g);
    long afterGradient = threads.getCurrentThreadAllocatedBytes();
    assertTrue(afterForward - before <= MEASUREMENT_SLACK_BYTES, (afterForward - before) + " B");
    assertTrue(
        afterGradient - afterForward <= MEASUREMENT_SLACK_BYTES,
        (afterGradient - afterForward) + " B");
  }

  /**
   * The same with a singular proper innovation in the diffuse period (no observation noise, no
   * proper initial variance), where the filter reruns on its inflated view.
   */
  @Test
  void singularProperPartInTheDiffusePeriodAllocatesNothingPerStep() {
    threads.setThreadAllocatedMemoryEnabled(true);
    Random rng = new Random(24);
    StateSpaceSystem s = DiffuseSingularProperPartTest.exactLocalLevel();
    DMatrixRMaj Y = new DMatrixRMaj(T, 1);
    for (int t = 1; t < T; t++) {
      Y.data[t] = Y.data[t - 1] + rng.nextGaussian();
    }
    SquareRootFilter filter = SquareRootFilter.forSystem(s);
    SystemGradient g = new SystemGradient(Dimensions.of(s));
    double[] terms = new double[T];
    for (int i = 0; i < 5; i++) { // warm-up, tape growth, the view's workspace
      filter.logLikelihood(s, Y);
      filter.logLikelihoodGradient(s, Y, TriaRule.MASKED, g);
      filter.logLikelihoodTangent(s, s, Y, TriaRule.MASKED, terms);
    }
    long forward = leastAllocated(() -> filter.logLikelihood(s, Y));
    long gradient = leastAllocated(() -> filter.logLikelihoodGradient(s, Y, TriaRule.MASKED, g));
    long tangent =
        leastAllocated(() -> filter.logLikelihoodTangent(s, s, Y, TriaRule.MASKED, terms));
    assertTrue(forward <= MEASUREMENT_SLACK_BYTES, forward + " B");
    assertTrue(gradient <= MEASUREMENT_SLACK_BYTES, gradient + " B");
    assertTrue(tangent <= MEASUREMENT_SLACK_BYTES, tangent + " B");
  }

  /**
   * The fewest bytes one of {@link #MEASURED_RUNS} runs allocates. This path switches between two
   * filters (the system's and its inflated view), and the JIT may recompile one of them during a
   * run and allocate a few kB once (4 200 B was seen); an allocation per step would show in every
   * run (at T = 5000 steps, at least 5000 B each).
   */
  private long leastAllocated(Runnable run) {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < MEASURED_RUNS; i++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      run.run();
      least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
    }
    return least;
  }

  /**
   * The tape's documented size is what growing it costs: the first gradient over a long series
   * allocates {@code FilterTape.bytesPerStep · T} plus the workspaces and array headers.
   */
  @Test
  void tapeGrowthMatchesTheDocumentedBytesPerStep() {
    threads.setThreadAllocatedMemoryEnabled(true);
    Random rng = new Random(23);
    StateSpaceSystem s = RandomSystems.system(rng, 4, 2, 4, 4, 2, 2, 4, 4);
    int steps = 20_000;
    DMatrixRMaj Y = RandomSystems.sample(rng, s, steps);
    SystemGradient g = new SystemGradient(Dimensions.of(s));
    SquareRootFilter warm = SquareRootFilter.forSystem(s);
    warm.logLikelihoodGradient(
        s, new DMatrixRMaj(Y.numRows > 10 ? 10 : Y.numRows, 2), TriaRule.MASKED, g);
    SquareRootFilter filter = SquareRootFilter.forSystem(s);
    long before = threads.getCurrentThreadAllocatedBytes();
    filter.logLikelihoodGradient(s, Y, TriaRule.MASKED, g);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    long expected = FilterTape.bytesPerStep(Dimensions.of(s)) * steps;
    assertTrue(allocated >= expected, allocated + " B < " + expected + " B");
    assertTrue(
        allocated <= expected + WORKSPACE_BYTES,
        allocated + " B > " + expected + " B + workspaces");
  }

  /** Workspaces of a filter and its reverse sweep at nx = 4: a few hundred small matrices. */
  private static final long WORKSPACE_BYTES = 256 * 1024;

  @Test
  void onlineStepAllocatesNothing() {
    threads.setThreadAllocatedMemoryEnabled(true);
    Random rng = new Random(22);
    StateSpaceSystem s = RandomSystems.system(rng, 4, 2, 4, 4, 2, 2, 4, 4);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, T);
    OnlineKalmanFilter kf = new OnlineKalmanFilter(Dimensions.of(s), s.m0(), s.cholP0());
    DMatrixRMaj y = new DMatrixRMaj(2, 1);
    for (int round = 0; round < 2; round++) {
      kf.reset(s.m0(), s.cholP0());
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int t = 0; t < T; t++) {
        y.data[0] = Y.get(t, 0);
        y.data[1] = Y.get(t, 1);
        kf.update(y, s.H(t), s.d(t), s.cholR(t));
        kf.predict(s.F(t), s.c(t), s.cholQ(t));
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      if (round == 1) { // the first round warms up the JIT
        assertTrue(allocated <= MEASUREMENT_SLACK_BYTES, allocated + " B over " + T + " steps");
      }
    }
  }

  /** The online step with its sensitivities along three directions: nothing per step either. */
  @Test
  void onlineSensitivityStepAllocatesNothing() {
    threads.setThreadAllocatedMemoryEnabled(true);
    Random rng = new Random(26);
    StateSpaceSystem s = RandomSystems.system(rng, 4, 2, 4, 2, 2, 2, 4, 4);
    StateSpaceSystem[] directions = {
      RandomSystems.system(rng, 4, 2, 4, 4, 2, 2, 4, 4),
      RandomSystems.system(rng, 4, 2, 4, 4, 2, 2, 4, 4),
      RandomSystems.system(rng, 4, 2, 4, 4, 2, 2, 4, 4)
    };
    DMatrixRMaj Y = RandomSystems.sample(rng, s, T);
    RandomSystems.dropValues(rng, Y, 0.1, 0.05);
    OnlineSensitivityFilter kf = new OnlineSensitivityFilter(Dimensions.of(s), directions.length);
    DMatrixRMaj y = new DMatrixRMaj(2, 1);
    for (int round = 0; round < 2; round++) {
      kf.reset(s, directions);
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int t = 0; t < T; t++) {
        y.data[0] = Y.get(t, 0);
        y.data[1] = Y.get(t, 1);
        kf.update(y, s, directions);
        kf.predict(s, directions);
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      if (round == 1) { // the first round warms up the JIT
        assertTrue(allocated <= MEASUREMENT_SLACK_BYTES, allocated + " B over " + T + " steps");
      }
    }
  }

  /** Clearing a gradient between evaluations, as an optimiser does per call, allocates nothing. */
  @Test
  void zeroingAGradientAllocatesNothing() {
    threads.setThreadAllocatedMemoryEnabled(true);
    SystemGradient g = new SystemGradient(new Dimensions(4, 2, 4, 2, 4, 1));
    for (int round = 0; round < 2; round++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < T; i++) {
        g.zero();
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      if (round == 1) { // the first round warms up the JIT
        assertTrue(allocated <= MEASUREMENT_SLACK_BYTES, allocated + " B over " + T + " calls");
      }
    }
  }
}
