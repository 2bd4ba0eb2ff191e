package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * F's nonzeros listed row by row (compressed rows: row i's are {@code column[e], value[e]} for
 * {@code rowStart[i] ≤ e < rowStart[i + 1]}, in increasing column), and whether F is mostly nonzero
 * (more than half of its nx² entries). A structural model's F is shifts, ones and a few parameters,
 * an ARIMA's a companion form: the forward sweep's {@code F S⁺} ({@link #timesInto}) and the
 * reverse sweep's {@code G F} and {@code Fᵀ (G F)} visit such an F at its nonzeros only. For a
 * time-invariant system F is listed once per sweep, otherwise at every step. Allocates nothing per
 * step. Not thread-safe.
 */
final class TransitionNonzeros {

  private final int nx;
  final int[] rowStart;
  final int[] column;
  final double[] value;

  /** Per row k of the right-hand factor B: one past its last nonzero ({@link #timesInto}). */
  private final int[] bEnd;

  private boolean dense;

  /** max_k (last nonzero column of row k − k): 0 for a lower-triangular F, 1 for a shift up. */
  private int upperBandwidth;

  private boolean perSweep;
  private boolean indexed;

  TransitionNonzeros(int nx) {
    this.nx = nx;
    rowStart = new int[nx + 1];
    column = new int[nx * nx];
    value = new double[nx * nx];
    bEnd = new int[nx];
  }

  /**
   * Starts a sweep: a time-invariant system's F is listed at the first {@link #index} and kept, any
   * other's at every call.
   */
  void startSweep(boolean timeInvariant) {
    perSweep = timeInvariant;
    indexed = false;
  }

  /** Lists F's nonzeros (nx × nx), unless this sweep's F is time-invariant and listed already. */
  void index(DMatrixRMaj F) {
    if (indexed && perSweep) {
      return;
    }
    final double[] f = F.data;
    int count = 0;
    int bandwidth = 0;
    for (int k = 0; k < nx; k++) {
      rowStart[k] = count;
      for (int j = 0; j < nx; j++) {
        double fkj = f[k * nx + j];
        if (fkj != 0.0) {
          column[count] = j;
          value[count] = fkj;
          count++;
        }
      }
      if (count > rowStart[k]) {
        bandwidth = Math.max(bandwidth, column[count - 1] - k);
      }
    }
    rowStart[nx] = count;
    upperBandwidth = bandwidth;
    dense = count * 2 > nx * nx;
    indexed = true;
  }

  /**
   * The listed F's upper bandwidth: how far right of its diagonal a row of F reaches (0 for a
   * lower-triangular F, 1 for a companion form's shift up). F S, S lower triangular, reaches as
   * far.
   */
  int upperBandwidth() {
    return upperBandwidth;
  }

  /** Whether more than half of the listed F's entries are nonzero. */
  boolean dense() {
    return dense;
  }

  /**
   * C = F B from the list:
   *
   * <pre>
   *   C_ij = Σ_{k: F_ik ≠ 0, B_kj in row k's nonzero prefix} F_ik B_kj      B: nx × cols, C: nx × cols
   * </pre>
   *
   * in increasing k, skipping the trailing zeros of B's rows (a triangular S⁺): the terms and order
   * of {@link io.gramian.autodiff.BlockProduct#multAdd} on a zeroed C, so the same result to the
   * bit, without scanning F's nx² entries for its zeros at every call.
   *
   * @param b B's storage, row k at {@code k · bStride}. Not modified.
   * @param c C's storage, row i at {@code cOffset + i · cStride}; its first {@code cols} columns
   *     are overwritten. Modified.
   */
  void timesInto(double[] b, int bStride, int cols, double[] c, int cOffset, int cStride) {
    for (int i = 0; i < nx; i++) {
      final int rowC = cOffset + i * cStride;
      java.util.Arrays.fill(c, rowC, rowC + cols, 0.0);
    }
    multAdd(1.0, b, bStride, cols, c, cOffset, cStride);
  }

  /**
   * C += α F B from the list:
   *
   * <pre>
   *   C_ij += Σ_{k: F_ik ≠ 0, B_kj in row k's nonzero prefix} (α F_ik) B_kj    B: nx × cols, C: nx × cols
   * </pre>
   *
   * in increasing k: the terms and order of {@link io.gramian.autodiff.BlockProduct#multAdd}, so
   * the same result to the bit, in O(nnz(F) · cols) instead of a scan of F's nx² entries.
   *
   * @param b B's storage, row k at {@code k · bStride}. Not modified.
   * @param c C's storage, row i at {@code cOffset + i · cStride}. Modified.
   */
  void multAdd(
      double alpha, double[] b, int bStride, int cols, double[] c, int cOffset, int cStride) {
    if (rowStart[nx] == 0) {
      return; // F = 0: a direction that leaves F alone
    }
    for (int k = 0; k < nx; k++) {
      final int rowB = k * bStride;
      int end = cols;
      while (end > 0 && b[rowB + end - 1] == 0.0) {
        end--;
      }
      bEnd[k] = end;
    }
    for (int i = 0; i < nx; i++) {
      final int rowC = cOffset + i * cStride;
      for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
        final int k = column[e];
        final double fik = value[e] * alpha;
        final int rowB = k * bStride;
        final int end = bEnd[k];
        for (int j = 0; j < end; j++) {
          c[rowC + j] += fik * b[rowB + j];
        }
      }
    }
  }

  /**
   * {@code start + Σ_k F_ik b_k} over row i's nonzeros in increasing k, skipping the k where b_k is
   * zero, added one term at a time to {@code start}: the sum {@link
   * io.gramian.autodiff.BlockProduct#multAdd} forms for one column of B (b_k at {@code k · stride +
   * column}).
   */
  double rowTimes(int i, double[] b, int stride, int column, double start) {
    double v = start;
    for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
      final double bk = b[this.column[e] * stride + column];
      if (bk != 0.0) {
        v += value[e] * bk;
      }
    }
    return v;
  }
}
