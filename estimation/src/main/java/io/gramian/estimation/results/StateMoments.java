package io.gramian.estimation.results;

import io.gramian.kalman.FilterResult;
import io.gramian.kalman.StateSpace;
import org.ejml.data.DMatrixRMaj;

/**
 * Moments of linear functions wᵀx of a Gaussian state x ~ N(m, S Sᵀ): the mean wᵀm and the variance
 * ‖Sᵀw‖² read from the square-root factor S (nx × k), never from S Sᵀ. Shared by the states table
 * ({@link StateEstimates}), the plot data and the forecast.
 */
public final class StateMoments {

  private StateMoments() {}

  /**
   * Where the first observation is read from the state: H_t and d_t of a system, or a fixed H with
   * d = 0.
   */
  public interface ObservationEquation {
    /** H_t, ny × nx. */
    DMatrixRMaj H(int t);

    /** d_t, ny × 1. */
    DMatrixRMaj d(int t);

    /** The observation equation of a system. */
    static ObservationEquation of(StateSpace system) {
      return new ObservationEquation() {
        @Override
        public DMatrixRMaj H(int t) {
          return system.H(t);
        }

        @Override
        public DMatrixRMaj d(int t) {
          return system.d(t);
        }
      };
    }

    /** A fixed H (copied) with d = 0. */
    static ObservationEquation fixed(DMatrixRMaj H) {
      DMatrixRMaj copy = H.copy();
      DMatrixRMaj zero = new DMatrixRMaj(H.numRows, 1);
      return new ObservationEquation() {
        @Override
        public DMatrixRMaj H(int t) {
          return copy;
        }

        @Override
        public DMatrixRMaj d(int t) {
          return zero;
        }
      };
    }
  }

  /** Row {@code row} of H_t as the weights of a linear combination. */
  public static double[] row(DMatrixRMaj H, int row) {
    double[] h = new double[H.numCols];
    for (int j = 0; j < h.length; j++) {
      h[j] = H.unsafe_get(row, j);
    }
    return h;
  }

  /** wᵀm. */
  public static double mean(double[] w, double[] m) {
    if (w.length != m.length) {
      throw new IllegalArgumentException(
          w.length + " weights for a state of dimension " + m.length);
    }
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i] * m[i];
    }
    return s;
  }

  /** ‖Sᵀw‖², the variance of wᵀx when x has factor S (nx × k). */
  public static double variance(double[] w, DMatrixRMaj S) {
    if (w.length != S.numRows) {
      throw new IllegalArgumentException(
          w.length + " weights for a state of dimension " + S.numRows);
    }
    double sq = 0;
    for (int j = 0; j < S.numCols; j++) {
      double v = 0;
      for (int i = 0; i < w.length; i++) {
        v += w[i] * S.unsafe_get(i, j);
      }
      sq += v * v;
    }
    return sq;
  }

  /** The squared norm of row {@code row} of a factor: that entry's variance. */
  public static double rowVariance(DMatrixRMaj factor, int row) {
    double sq = 0;
    for (int j = 0; j < factor.numCols; j++) {
      double v = factor.unsafe_get(row, j);
      sq += v * v;
    }
    return sq;
  }

  /** The standard deviations of the states: the row norms of a factor. */
  public static double[] rowNorms(DMatrixRMaj factor) {
    double[] sd = new double[factor.numRows];
    for (int i = 0; i < sd.length; i++) {
      sd[i] = Math.sqrt(rowVariance(factor, i));
    }
    return sd;
  }

  /**
   * Whether every diffuse initial direction is identified by y_0 … y_t, so the filtered moments at
   * step t are proper. Read off the next step's {@link FilterResult#isDiffuse} flag; the last step
   * counts as identified (the filter does not say otherwise).
   */
  public static boolean filteredIdentified(FilterResult filter, int t) {
    return t + 1 >= filter.steps() || !filter.isDiffuse(t + 1);
  }
}
