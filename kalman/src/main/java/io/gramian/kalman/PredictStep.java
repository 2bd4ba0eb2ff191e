package io.gramian.kalman;

import io.gramian.autodiff.BlockProduct;
import org.ejml.data.DMatrixRMaj;

/**
 * The predict step of {@code docs/filter.md} ("One step"), written once for the filter, the
 * smoother, the forecaster and the two derivative sweeps:
 *
 * <pre>
 *   mean:     X⁻ = F X⁺ + [c, 0]                          X: nx × w
 *   block:    M_p = [F S⁺, cholQ]                          nx × (s + q),  S⁻ = tria(M_p)
 *   tangent:  dM_p = [dF S⁺ + F dS⁺, dcholQ],   dX⁻ = dF X⁺ + F dX⁺ + [dc, 0]
 *   adjoint:  F̄ += X̄⁻ X⁺ᵀ + M̄_p[:, :s] S⁺ᵀ,  c̄ += X̄⁻[:, 0],  cholQ̄ += M̄_p[:, s:]
 *             S̄⁺ = Fᵀ M̄_p[:, :s],  X̄⁺ = Fᵀ X̄⁻
 * </pre>
 *
 * (F nx × nx, c nx × 1, cholQ nx × q, S⁺ nx × s.) The smoother's joint block stacks {@code [S⁺, 0]}
 * under M_p. Every method writes into caller-owned matrices and allocates nothing; outputs must not
 * alias inputs.
 */
final class PredictStep {

  private PredictStep() {}

  /**
   * X⁻ = F X⁺ + [c, 0].
   *
   * @param X X⁺, nx × w. Not modified.
   * @param out X⁻, reshaped to nx × w. Modified.
   */
  static void mean(DMatrixRMaj F, DMatrixRMaj c, DMatrixRMaj X, DMatrixRMaj out) {
    final int nx = F.numRows;
    final int w = X.numCols;
    out.reshape(nx, w, false);
    productInto(F, X, out.data, 0, w);
    for (int i = 0; i < nx; i++) {
      out.data[i * w] += c.data[i];
    }
  }

  /**
   * M_p = [F S, cholQ], in the top nx rows of {@code M}.
   *
   * @param S S⁺, nx × s. Not modified.
   * @param M reshaped to {@code rows × (s + q)} with {@code rows} ≥ nx; rows below nx are left for
   *     the caller. Modified.
   */
  static void block(DMatrixRMaj F, DMatrixRMaj S, DMatrixRMaj cholQ, DMatrixRMaj M, int rows) {
    final int nx = F.numRows;
    final int s = S.numCols;
    final int cols = s + cholQ.numCols;
    M.reshape(rows, cols, false);
    BlockProduct.multInto(nx, nx, s, F.data, null, 0, 0, nx, S.data, 0, s, M.data, 0, cols);
    noiseColumns(cholQ, M, nx, s);
  }

  /**
   * {@link #block(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj, DMatrixRMaj, int)} for a caller that has
   * listed F's nonzeros, so that F S is formed without scanning F again: as dot products for a
   * mostly nonzero F ({@link BlockProduct#denseMultInto}), else at F's nonzeros ({@link
   * TransitionNonzeros#timesInto}).
   */
  static void block(
      DMatrixRMaj F,
      TransitionNonzeros fNonzeros,
      DMatrixRMaj S,
      DMatrixRMaj cholQ,
      DMatrixRMaj M,
      int rows) {
    final int nx = F.numRows;
    final int s = S.numCols;
    final int cols = s + cholQ.numCols;
    M.reshape(rows, cols, false);
    if (fNonzeros.dense()) {
      BlockProduct.denseMultInto(nx, nx, s, F.data, 0, nx, S.data, 0, s, M.data, 0, cols);
    } else {
      fNonzeros.timesInto(S.data, s, s, M.data, 0, cols);
    }
    noiseColumns(cholQ, M, nx, s);
  }

  /** M's columns s .. s + q of its top nx rows = cholQ. */
  private static void noiseColumns(DMatrixRMaj cholQ, DMatrixRMaj M, int nx, int s) {
    final int q = cholQ.numCols;
    final int cols = M.numCols;
    for (int i = 0; i < nx; i++) {
      System.arraycopy(cholQ.data, i * q, M.data, i * cols + s, q);
    }
  }

  /**
   * The smoother's joint block {@code [[F S, cholQ], [S, 0]]}, 2 nx × (s + q): the covariance of
   * {@code (x_{t+1}, x_t)} given the data up to t in square-root form.
   */
  static void jointBlock(DMatrixRMaj F, DMatrixRMaj S, DMatrixRMaj cholQ, DMatrixRMaj M) {
    final int nx = F.numRows;
    final int s = S.numCols;
    final int cols = s + cholQ.numCols;
    block(F, S, cholQ, M, 2 * nx);
    for (int i = 0; i < nx; i++) {
      int lower = (nx + i) * cols;
      System.arraycopy(S.data, i * s, M.data, lower, s);
      java.util.Arrays.fill(M.data, lower + s, lower + cols, 0.0);
    }
  }

  /**
   * dM_p = [dF S + F dS, dcholQ].
   *
   * @param dM reshaped to nx × (s + q). Modified.
   */
  static void blockTangent(
      DMatrixRMaj F,
      DMatrixRMaj dF,
      DMatrixRMaj S,
      DMatrixRMaj dS,
      DMatrixRMaj dcholQ,
      DMatrixRMaj dM) {
    block(dF, S, dcholQ, dM, F.numRows);
    productAddInto(F, dS, dM.data, 0, dM.numCols);
  }

  /**
   * dX⁻ = dF X⁺ + [dc, 0] + F dX⁺ (nx × w), at F's and dF's nonzeros ({@link TransitionNonzeros},
   * listed by the caller): each entry dF's terms from zero in increasing k, then dc, then F's,
   * skipping a zero entry of X⁺ or dX⁺. These are the terms, in their order, of {@link #mean}'s dF
   * X⁺ + [dc, 0] followed by {@link BlockProduct}'s F dX⁺ (a zero term those add changes no bit: no
   * partial sum is −0), without scanning F's and dF's nx² entries.
   *
   * @param out reshaped to nx × w. Modified.
   */
  static void meanTangent(
      TransitionNonzeros F,
      TransitionNonzeros dF,
      DMatrixRMaj dc,
      DMatrixRMaj X,
      DMatrixRMaj dX,
      DMatrixRMaj out) {
    final int nx = X.numRows;
    final int w = X.numCols;
    out.reshape(nx, w, false);
    for (int i = 0; i < nx; i++) {
      for (int c = 0; c < w; c++) {
        double v = dF.rowTimes(i, X.data, w, c, 0.0);
        if (c == 0) {
          v += dc.data[i];
        }
        out.data[i * w + c] = F.rowTimes(i, dX.data, w, c, v);
      }
    }
  }

  /**
   * The adjoint of the block and the mean, accumulated into the system's adjoints (+=): {@code F̄
   * += X̄⁻ X⁺ᵀ + M̄_p[:, :s] S⁺ᵀ}, {@code c̄ += X̄⁻[:, 0]}, {@code cholQ̄ += M̄_p[:, s:]}; and the
   * adjoints of the step's inputs, overwritten: {@code S̄⁺ = Fᵀ M̄_p[:, :s]}, {@code X̄⁺ = Fᵀ X̄⁻}.
   *
   * @param X X⁺, nx × w. Not modified.
   * @param S S⁺, nx × s. Not modified.
   * @param XBarPred X̄⁻, nx × w. Not modified.
   * @param MBar M̄_p, nx × (s + q). Not modified.
   * @param FBar, cBar, cholQBar added to. Modified. FBar may be null: F̄ is then not formed;
   *     cholQBar may be null: cholQ̄ is then not added to, and M̄_p[:, s:] not read.
   * @param FEntries the entries of F̄ to form (row-major indices), or null for all
   * @param XBar X̄⁺, reshaped to nx × w. Modified.
   * @param SBar S̄⁺, reshaped to nx × s. Modified. May be null: S̄⁺ is then not formed (a caller
   *     that hands P⁺'s adjoint on in the Gramian form does not read it).
   */
  static void adjoint(
      DMatrixRMaj F,
      DMatrixRMaj X,
      DMatrixRMaj S,
      DMatrixRMaj XBarPred,
      DMatrixRMaj MBar,
      DMatrixRMaj FBar,
      int[] FEntries,
      DMatrixRMaj cBar,
      DMatrixRMaj cholQBar,
      DMatrixRMaj XBar,
      DMatrixRMaj SBar) {
    final int nx = F.numRows;
    final int w = X.numCols;
    final int s = S.numCols;
    final int cols = MBar.numCols;
    final int q = cols - s;
    final double[] mBar = MBar.data;
    if (FBar != null && FEntries == null) {
      int j = 0;
      for (; j + 3 < nx; j += 4) {
        fBarColumns(j, nx, w, s, cols, X, S, XBarPred, mBar, FBar.data);
      }
      for (; j < nx; j++) {
        fBarColumn(j, rowEnd(S, j), nx, w, s, cols, X, S, XBarPred, mBar, FBar.data);
      }
    } else if (FBar != null) {
      for (int e : FEntries) {
        int i = e / nx;
        int j = e % nx;
        FBar.data[e] += fBarEntry(i, j, rowEnd(S, j), w, s, cols, X, S, XBarPred, mBar);
      }
    }
    for (int i = 0; i < nx; i++) {
      cBar.data[i] += XBarPred.data[i * w];
      for (int j = 0; cholQBar != null && j < q; j++) {
        cholQBar.data[i * q + j] += mBar[i * cols + s + j];
      }
    }
    // S̄⁺ = Fᵀ M̄_p[:, :s],  X̄⁺ = Fᵀ X̄⁻
    if (SBar != null) {
      SBar.reshape(nx, s, false);
      SBar.zero();
    }
    // along the rows of F (S̄⁺ only when asked for; handed on as G⁺ it is not): each entry gets its
    // terms in increasing k, F's zeros skipped (a sum per entry down a column of F would wait on
    // each addition in turn: 5% of the airline fit at nx = 27)
    XBar.reshape(nx, w, false);
    XBar.zero();
    for (int k = 0; k < nx; k++) {
      for (int i = 0; i < nx; i++) {
        double f = F.data[k * nx + i];
        if (f == 0.0) {
          continue;
        }
        if (SBar != null) {
          for (int b = 0; b < s; b++) {
            SBar.data[i * s + b] += f * mBar[k * cols + b];
          }
        }
        for (int c = 0; c < w; c++) {
          XBar.data[i * w + c] += f * XBarPred.data[k * w + c];
        }
      }
    }
  }

  /** Row j of S⁺ up to its last nonzero: half of it for a triangular S⁺. */
  private static int rowEnd(DMatrixRMaj S, int j) {
    final int s = S.numCols;
    int end = s;
    while (end > 0 && S.data[j * s + end - 1] == 0.0) {
      end--;
    }
    return end;
  }

  /**
   * Columns j … j + 3 of F̄ += X̄⁻ X⁺ᵀ + M̄_p[:, :s] S⁺ᵀ, four rows by four columns at a time:
   * sixteen independent sums, eight loads per sixteen products (four rows at a time down one column
   * took five per four: 5.5% of ℓ + ∇ at nx = 20). Each entry gets {@link #fBarEntry}'s terms in
   * its order; the four columns' sums run to the longest of their rows of S⁺, and the terms past a
   * row's end are products with its trailing zeros, which leave the sum's value unchanged.
   */
  private static void fBarColumns(
      int j,
      int nx,
      int w,
      int s,
      int cols,
      DMatrixRMaj X,
      DMatrixRMaj S,
      DMatrixRMaj XBarPred,
      double[] mBar,
      double[] fBar) {
    final double[] x = X.data;
    final double[] xBar = XBarPred.data;
    final double[] sData = S.data;
    final int end =
        Math.max(
            Math.max(rowEnd(S, j), rowEnd(S, j + 1)), Math.max(rowEnd(S, j + 2), rowEnd(S, j + 3)));
    final int s0 = j * s;
    final int s1 = s0 + s;
    final int s2 = s1 + s;
    final int s3 = s2 + s;
    int i = 0;
    for (; i + 3 < nx; i += 4) {
      double v00 = 0;
      double v01 = 0;
      double v02 = 0;
      double v03 = 0;
      double v10 = 0;
      double v11 = 0;
      double v12 = 0;
      double v13 = 0;
      double v20 = 0;
      double v21 = 0;
      double v22 = 0;
      double v23 = 0;
      double v30 = 0;
      double v31 = 0;
      double v32 = 0;
      double v33 = 0;
      for (int c = 0; c < w; c++) {
        final double b0 = x[j * w + c];
        final double b1 = x[(j + 1) * w + c];
        final double b2 = x[(j + 2) * w + c];
        final double b3 = x[(j + 3) * w + c];
        final double a0 = xBar[i * w + c];
        final double a1 = xBar[(i + 1) * w + c];
        final double a2 = xBar[(i + 2) * w + c];
        final double a3 = xBar[(i + 3) * w + c];
        v00 += a0 * b0;
        v01 += a0 * b1;
        v02 += a0 * b2;
        v03 += a0 * b3;
        v10 += a1 * b0;
        v11 += a1 * b1;
        v12 += a1 * b2;
        v13 += a1 * b3;
        v20 += a2 * b0;
        v21 += a2 * b1;
        v22 += a2 * b2;
        v23 += a2 * b3;
        v30 += a3 * b0;
        v31 += a3 * b1;
        v32 += a3 * b2;
        v33 += a3 * b3;
      }
      final int m0 = i * cols;
      final int m1 = m0 + cols;
      final int m2 = m1 + cols;
      final int m3 = m2 + cols;
      for (int b = 0; b < end; b++) {
        final double b0 = sData[s0 + b];
        final double b1 = sData[s1 + b];
        final double b2 = sData[s2 + b];
        final double b3 = sData[s3 + b];
        final double a0 = mBar[m0 + b];
        final double a1 = mBar[m1 + b];
        final double a2 = mBar[m2 + b];
        final double a3 = mBar[m3 + b];
        v00 += a0 * b0;
        v01 += a0 * b1;
        v02 += a0 * b2;
        v03 += a0 * b3;
        v10 += a1 * b0;
        v11 += a1 * b1;
        v12 += a1 * b2;
        v13 += a1 * b3;
        v20 += a2 * b0;
        v21 += a2 * b1;
        v22 += a2 * b2;
        v23 += a2 * b3;
        v30 += a3 * b0;
        v31 += a3 * b1;
        v32 += a3 * b2;
        v33 += a3 * b3;
      }
      final int f0 = i * nx + j;
      final int f1 = f0 + nx;
      final int f2 = f1 + nx;
      final int f3 = f2 + nx;
      fBar[f0] += v00;
      fBar[f0 + 1] += v01;
      fBar[f0 + 2] += v02;
      fBar[f0 + 3] += v03;
      fBar[f1] += v10;
      fBar[f1 + 1] += v11;
      fBar[f1 + 2] += v12;
      fBar[f1 + 3] += v13;
      fBar[f2] += v20;
      fBar[f2 + 1] += v21;
      fBar[f2 + 2] += v22;
      fBar[f2 + 3] += v23;
      fBar[f3] += v30;
      fBar[f3 + 1] += v31;
      fBar[f3 + 2] += v32;
      fBar[f3 + 3] += v33;
    }
    for (; i < nx; i++) {
      for (int jj = j; jj < j + 4; jj++) {
        fBar[i * nx + jj] += fBarEntry(i, jj, rowEnd(S, jj), w, s, cols, X, S, XBarPred, mBar);
      }
    }
  }

  /**
   * Column j of F̄ += X̄⁻ X⁺ᵀ + M̄_p[:, :s] S⁺ᵀ, four rows at a time: four independent sums, each
   * with {@link #fBarEntry}'s terms in its order (the same result to the bit, without one chain of
   * additions per entry).
   */
  private static void fBarColumn(
      int j,
      int end,
      int nx,
      int w,
      int s,
      int cols,
      DMatrixRMaj X,
      DMatrixRMaj S,
      DMatrixRMaj XBarPred,
      double[] mBar,
      double[] fBar) {
    final double[] x = X.data;
    final double[] xBar = XBarPred.data;
    final double[] sData = S.data;
    int i = 0;
    for (; i + 3 < nx; i += 4) {
      double v0 = 0;
      double v1 = 0;
      double v2 = 0;
      double v3 = 0;
      for (int c = 0; c < w; c++) {
        final double xjc = x[j * w + c];
        v0 += xBar[i * w + c] * xjc;
        v1 += xBar[(i + 1) * w + c] * xjc;
        v2 += xBar[(i + 2) * w + c] * xjc;
        v3 += xBar[(i + 3) * w + c] * xjc;
      }
      final int m0 = i * cols;
      for (int b = 0; b < end; b++) {
        final double sjb = sData[j * s + b];
        v0 += mBar[m0 + b] * sjb;
        v1 += mBar[m0 + cols + b] * sjb;
        v2 += mBar[m0 + 2 * cols + b] * sjb;
        v3 += mBar[m0 + 3 * cols + b] * sjb;
      }
      fBar[i * nx + j] += v0;
      fBar[(i + 1) * nx + j] += v1;
      fBar[(i + 2) * nx + j] += v2;
      fBar[(i + 3) * nx + j] += v3;
    }
    for (; i < nx; i++) {
      fBar[i * nx + j] += fBarEntry(i, j, end, w, s, cols, X, S, XBarPred, mBar);
    }
  }

  /** (X̄⁻ X⁺ᵀ + M̄_p[:, :s] S⁺ᵀ)_ij, over row j of S⁺ up to {@code end}. */
  private static double fBarEntry(
      int i,
      int j,
      int end,
      int w,
      int s,
      int cols,
      DMatrixRMaj X,
      DMatrixRMaj S,
      DMatrixRMaj XBarPred,
      double[] mBar) {
    double v = 0;
    for (int c = 0; c < w; c++) {
      v += XBarPred.data[i * w + c] * X.data[j * w + c];
    }
    for (int b = 0; b < end; b++) {
      v += mBar[i * cols + b] * S.data[j * s + b];
    }
    return v;
  }

  /** out[row i, cols 0..B.numCols) = (A B)[i, :], with out's row stride {@code ld}. */
  private static void productInto(DMatrixRMaj A, DMatrixRMaj B, double[] out, int offset, int ld) {
    final int rows = A.numRows;
    final int cols = B.numCols;
    for (int i = 0; i < rows; i++) {
      java.util.Arrays.fill(out, offset + i * ld, offset + i * ld + cols, 0.0);
    }
    productAddInto(A, B, out, offset, ld);
  }

  /**
   * out[row i, cols 0..B.numCols) += (A B)[i, :], with out's row stride {@code ld}; skips A's zeros
   * and the trailing zeros of B's rows (a triangular S, a thin mean) ({@link BlockProduct}).
   */
  private static void productAddInto(
      DMatrixRMaj A, DMatrixRMaj B, double[] out, int offset, int ld) {
    BlockProduct.multAdd(
        1.0, A.numRows, A.numCols, B.numCols, A.data, 0, A.numCols, B.data, 0, B.numCols, out,
        offset, ld);
  }
}
