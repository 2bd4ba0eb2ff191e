package io.gramian.autodiff;

import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.testing.Allocation;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The workspace variants allocate nothing per call once warm. Measured with the JVM's per-thread
 * allocation counter (HotSpot's {@code com.sun.management.ThreadMXBean}); the JMH benchmark
 * measures the same with its gc profiler.
 */
class AllocationFreeTest {

  /** Calls measured after as many to warm up. */
  private static final int CALLS = 20_000;

  @Test
  void decomposeJvpAndVjpAllocateNothingPerCall() {
    Random rng = new Random(42);
    int n = 8;
    int m = 14;
    DMatrixRMaj M = ofRank(rng, n, m, 5);
    DMatrixRMaj dM = gaussian(rng, n, m);
    DMatrixRMaj LBar = gaussian(rng, n, n);
    Tria tria = new Tria(n, m);
    TriaAdjoint adjoint = new TriaAdjoint(n, m);
    TriaFactors f = new TriaFactors(n, m);
    DMatrixRMaj dL = new DMatrixRMaj(n, n);
    DMatrixRMaj MBar = new DMatrixRMaj(n, m);

    for (TriaRule rule : new TriaRule[] {TriaRule.MASKED, TriaRule.FULL_RANK}) {
      long allocated =
          Allocation.ofWarmLoop(CALLS, () -> step(tria, adjoint, rule, f, M, dM, LBar, dL, MBar));
      assertTrue(
          allocated <= Allocation.WARM_LOOP_ALLOWANCE,
          rule + ": " + allocated + " bytes over " + CALLS + " calls");
    }
  }

  private static void step(
      Tria tria,
      TriaAdjoint adjoint,
      TriaRule rule,
      TriaFactors f,
      DMatrixRMaj M,
      DMatrixRMaj dM,
      DMatrixRMaj LBar,
      DMatrixRMaj dL,
      DMatrixRMaj MBar) {
    tria.decompose(M, f.L(), f.Q());
    adjoint.jvp(rule, f.L(), f.Q(), dM, dL);
    MBar.zero();
    adjoint.vjpAdd(rule, f.L(), f.Q(), LBar, MBar);
  }
}
