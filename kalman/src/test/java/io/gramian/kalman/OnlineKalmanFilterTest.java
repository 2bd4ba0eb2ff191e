package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.kalman.testing.RandomSystems;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class OnlineKalmanFilterTest {

  /** The online and batch filters run the same kernel: they agree to the last bit. */
  private static final double SAME_KERNEL = 0.0;

  @Test
  void agreesWithTheBatchFilterIncludingMissingValues() {
    Random rng = new Random(8);
    StateSpaceSystem s = RandomSystems.system(rng, 3, 2, 3, 2, 2, 1, 3, 3);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 60);
    RandomSystems.dropValues(rng, Y, 0.2, 0.2);
    FilterResult batch = SquareRootFilter.forSystem(s).filter(s, Y);

    OnlineKalmanFilter kf = new OnlineKalmanFilter(Dimensions.of(s), s.m0(), s.cholP0());
    DMatrixRMaj y = new DMatrixRMaj(2, 1);
    for (int t = 0; t < Y.numRows; t++) {
      y.data[0] = Y.get(t, 0);
      y.data[1] = Y.get(t, 1);
      double llt = kf.update(y, s.H(t), s.d(t), s.cholR(t));
      assertEquals(batch.logLikelihoodTerm(t), llt, SAME_KERNEL);
      assertArrayEquals(batch.filteredMean(t), kf.mean().data.clone(), SAME_KERNEL);
      kf.predict(s.F(t), s.c(t), s.cholQ(t));
    }
    assertEquals(
        batch.logLikelihood(), kf.logLikelihood(), 1e-12 * Math.abs(batch.logLikelihood()));
  }

  @Test
  void oneFilterPerThreadGivesTheSameAnswers() throws Exception {
    Random rng = new Random(9);
    StateSpaceSystem s = RandomSystems.system(rng, 4, 2, 4, 4, 2, 2, 4, 4);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 500);
    double expected = SquareRootFilter.forSystem(s).logLikelihood(s, Y);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?>[] futures = new Future<?>[8];
      double[] results = new double[futures.length];
      for (int i = 0; i < futures.length; i++) {
        int slot = i;
        futures[i] =
            pool.submit(
                () -> {
                  OnlineKalmanFilter kf =
                      new OnlineKalmanFilter(Dimensions.of(s), s.m0(), s.cholP0());
                  DMatrixRMaj y = new DMatrixRMaj(2, 1);
                  for (int t = 0; t < Y.numRows; t++) {
                    y.data[0] = Y.get(t, 0);
                    y.data[1] = Y.get(t, 1);
                    kf.update(y, s.H(t), s.d(t), s.cholR(t));
                    kf.predict(s.F(t), s.c(t), s.cholQ(t));
                  }
                  results[slot] = kf.logLikelihood();
                });
      }
      for (Future<?> f : futures) {
        f.get();
      }
      for (double r : results) {
        assertEquals(expected, r, 1e-12 * Math.abs(expected));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void wrongShapesAreReported() {
    Random rng = new Random(10);
    StateSpaceSystem s = RandomSystems.system(rng, 2, 1, 2, 2, 1, 1, 2, 2);
    OnlineKalmanFilter kf = new OnlineKalmanFilter(Dimensions.of(s), s.m0(), s.cholP0());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> kf.update(new DMatrixRMaj(3, 1), s.H(0), s.d(0), s.cholR(0)));
    assertTrue(e.getMessage().contains("y of length 1"), e.getMessage());
  }
}
