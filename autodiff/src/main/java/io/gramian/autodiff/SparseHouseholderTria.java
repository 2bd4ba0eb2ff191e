package io.gramian.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * The triangularisation {@code L = tria(M)} of {@link Tria} (n × m input, {@code L Lᵀ = M Mᵀ},
 * {@code diag(L) ≥ 0}, {@code M = L Qᵀ}), computed by a Householder LQ factorisation on a copy of
 * M, one array per row, that skips exact zeros:
 *
 * <pre>
 *   M H₀ H₁ ⋯ H_{k−1} = [L, 0],   H_j = I − τ_j v_j v_jᵀ,   Q = H₀ ⋯ H_{k−1} [I; 0]   (k = min(n, m))
 * </pre>
 *
 * Reflector j is built from row j's entries in columns ≥ j and touches only the columns where that
 * row is nonzero, so the filter's blocks cost what their nonzeros cost: a triangular S⁺ or S⁻ stays
 * triangular through the reflectors, the update block's zero block {@code [S⁻, 0]} and a diagonal
 * or thin cholR or cholQ add only their nonzero columns, and a shift-like F keeps F S⁺
 * near-triangular. A dense M costs what a dense QR costs, without EJML's copies (transpose, R and Q
 * extraction).
 *
 * <p>Same sign convention as {@link Tria}: the reflector sends row j's tail to {@code −sign(x_j)
 * ‖x‖} as EJML's Householder QR does, and column j of L and of Q is then flipped where {@code L_jj
 * < 0}. A row whose tail is exactly zero gets the identity reflector (as EJML's), so exactly
 * rank-deficient inputs give the same L as {@link Tria}; near a rank deficiency the entries below a
 * pivot of rounding size are decided by rounding in both.
 *
 * <p>An instance is a workspace for a largest n × m and allocates nothing per call. Not
 * thread-safe.
 */
public final class SparseHouseholderTria {

  /**
   * Squares of entries between these bounds neither overflow nor lose digits to underflow, so a row
   * whose largest entry lies within them is reflected unscaled; other rows are scaled by a power of
   * two first (exact). Shared with {@link AppendedRowsTria}.
   */
  static final double SAFE_MAX = 0x1p+500;

  static final double SAFE_MIN = 0x1p-500;

  /** Rows whose dot products with a reflector run together (four independent sums). */
  private static final int BLOCK_ROWS = 4;

  private final InputForm inputForm;

  /**
   * The working copy of M, one array per row: a row update {@code x[c] −= s v[c]} then indexes the
   * row and the reflector (stored by column) alike, which the JIT compiles to vector instructions;
   * with both in one flat array at different offsets it does not.
   */
  private double[][] rows;

  private double[] tau;
  private int[] support;
  private int[] supportStart;
  private int[] supportSize;
  private double[] qWork;
  private double[] reflector;
  private int lastRows;
  private int lastCols;

  /** A workspace for inputs up to {@code maxRows × maxCols} (larger ones grow it once). */
  public SparseHouseholderTria(int maxRows, int maxCols) {
    inputForm = new InputForm(maxRows);
    ensureCapacity(maxRows, maxCols);
  }

  private void ensureCapacity(int n, int m) {
    int k = Math.min(n, m);
    rows = RowArrays.atLeast(rows, n, m);
    if (tau == null || tau.length < k) {
      tau = new double[Math.max(k, 1)];
      supportStart = new int[Math.max(k, 1)];
      supportSize = new int[Math.max(k, 1)];
    }
    // The supports of all reflectors: at most Σ_j (m − j) ≤ k m indices.
    if (support == null || support.length < k * m) {
      support = new int[Math.max(k * m, 1)];
    }
    if (qWork == null || qWork.length < m * n) {
      qWork = new double[Math.max(m * n, 1)];
    }
    if (reflector == null || reflector.length < m) {
      reflector = new double[Math.max(m, 1)];
    }
  }

  /**
   * {@code L = tria(M)} and Q (m × n), as {@link Tria#decompose(DMatrixRMaj, DMatrixRMaj,
   * DMatrixRMaj)}.
   */
  public void decompose(DMatrixRMaj M, DMatrixRMaj L, DMatrixRMaj Q) {
    if (Q == null || L == M || Q == M || L == Q) {
      throw new IllegalArgumentException("tria: M, L and Q must be distinct, non-null matrices");
    }
    triangularize(M, L);
    lastQ(Q);
  }

  /** {@code L = tria(M)} only, as {@link Tria#decompose(DMatrixRMaj, DMatrixRMaj)}. */
  public void decompose(DMatrixRMaj M, DMatrixRMaj L) {
    if (L == M) {
      throw new IllegalArgumentException("tria: M and L must be distinct matrices");
    }
    triangularize(M, L);
  }

  /**
   * {@code L = tria(M)} for {@code M = factors.input()} and, when {@code forDerivatives}, Q where
   * the derivatives need it, as {@link Tria#decompose(TriaFactors, boolean)}.
   */
  public void decompose(TriaFactors factors, boolean forDerivatives) {
    triangularize(factors.input(), factors.L());
    boolean withQ = forDerivatives && !inputForm.permits(factors.L());
    if (withQ) {
      lastQ(factors.qStorage());
    }
    factors.formed(withQ, forDerivatives);
  }

  /** Q (m × n, {@code M = L Qᵀ}) of the last decomposition, as {@link Tria#lastQ}. */
  public void lastQ(DMatrixRMaj Q) {
    final int n = lastRows;
    final int m = lastCols;
    final int k = Math.min(n, m);
    Q.reshape(m, n, false);
    final double[] q = Q.data;
    java.util.Arrays.fill(q, 0, m * n, 0.0);
    for (int j = 0; j < k; j++) {
      q[j * n + j] = 1.0;
    }
    final double[][] a = rows;
    final double[] w = qWork;
    // Q = H₀ ⋯ H_{k−1} [I; 0]: apply H_{k−1} first. H_j only mixes rows j and its support of Q,
    // and before H_j is applied, Q's rows in the support hold nonzeros only in columns > j... so
    // the product vᵀ Q runs over columns j..k.
    for (int j = k - 1; j >= 0; j--) {
      final double t = tau[j];
      if (t == 0.0) {
        continue;
      }
      final int start = supportStart[j];
      final int size = supportSize[j];
      final double[] rowJ = a[j];
      // w = vᵀ Q (v_j = 1, v_c = a[j, c] for c in the support)
      for (int c = j; c < k; c++) {
        w[c] = q[j * n + c];
      }
      for (int s = 0; s < size; s++) {
        int col = support[start + s];
        double vc = rowJ[col];
        int row = col * n;
        for (int c = j; c < k; c++) {
          w[c] += vc * q[row + c];
        }
      }
      for (int c = j; c < k; c++) {
        w[c] *= t;
        q[j * n + c] -= w[c];
      }
      for (int s = 0; s < size; s++) {
        int col = support[start + s];
        double vc = rowJ[col];
        int row = col * n;
        for (int c = j; c < k; c++) {
          q[row + c] -= vc * w[c];
        }
      }
    }
    for (int j = 0; j < k; j++) {
      if (a[j][j] < 0) {
        for (int i = 0; i < m; i++) {
          q[i * n + j] = -q[i * n + j];
        }
      }
    }
  }

  private void triangularize(DMatrixRMaj M, DMatrixRMaj L) {
    final int n = M.numRows;
    final int m = M.numCols;
    final int k = Math.min(n, m);
    ensureCapacity(n, m);
    lastRows = n;
    lastCols = m;
    final double[][] a = rows;
    copyFinite(M, a);
    int used = 0;
    for (int j = 0; j < k; j++) {
      final double[] rowJ = a[j];
      // Support of row j's tail beyond column j, and its largest entry (comparisons, not
      // Math.max: the entries are finite, and Math.max's NaN and −0 rules cost a dependent chain).
      supportStart[j] = used;
      double max = Math.abs(rowJ[j]);
      for (int c = j + 1; c < m; c++) {
        double v = rowJ[c];
        if (v != 0.0) {
          support[used++] = c;
          double size = Math.abs(v);
          if (size > max) {
            max = size;
          }
        }
      }
      final int size = used - supportStart[j];
      supportSize[j] = size;
      if (size == 0 || max == 0.0) {
        // Nothing to annihilate: the identity reflector (EJML's choice for a zero column too).
        tau[j] = 0.0;
        used = supportStart[j];
        supportSize[j] = 0;
        // A lone x_j stays; the sign fix below makes L_jj = |x_j|.
        continue;
      }
      final int start = supportStart[j];
      // The row scaled by a power of two (exact) only when its largest entry's square could
      // overflow or lose digits to underflow; otherwise as it is. Multiplications, not divisions.
      final double scale =
          max > SAFE_MIN && max < SAFE_MAX ? 1.0 : Math.scalb(1.0, Math.getExponent(max));
      final double inverse = 1.0 / scale;
      double x0 = rowJ[j] * inverse;
      double sum = x0 * x0;
      for (int s = 0; s < size; s++) {
        double v = rowJ[support[start + s]] * inverse;
        sum += v * v;
      }
      double norm = Math.sqrt(sum);
      if (x0 < 0) {
        norm = -norm;
      }
      double u0 = x0 + norm;
      // v = [1, x_tail / (scale u0)], τ = u0 / norm; row j becomes [L_j,<j, −norm·scale, v_tail].
      // Two factors, not 1 / (scale u0): that overflows for a subnormal row (scale 2^−1023).
      final double reciprocal = 1.0 / u0;
      for (int s = 0; s < size; s++) {
        int c = support[start + s];
        rowJ[c] = rowJ[c] * inverse * reciprocal;
      }
      final double t = u0 / norm;
      tau[j] = t;
      rowJ[j] = -norm * scale;
      // Apply H_j to rows i > j: row_i −= τ (row_i · v) vᵀ.
      final int first = support[start];
      final int last = support[start + size - 1];
      if (n - j - 1 < BLOCK_ROWS) {
        applyToFewRows(a, n, j, start, size, t);
      } else if (last - first + 1 == size) {
        applyContiguous(a, n, j, first, last, t);
      } else {
        applyScattered(a, n, j, start, size, t);
      }
    }
    // L: the first k columns of the reduced rows, each column's sign fixed so that L_jj ≥ 0.
    L.reshape(n, n, false);
    final double[] l = L.data;
    java.util.Arrays.fill(l, 0, n * n, 0.0);
    for (int j = 0; j < k; j++) {
      double sign = a[j][j] < 0 ? -1.0 : 1.0;
      for (int i = j; i < n; i++) {
        l[i * n + j] = sign * a[i][j];
      }
    }
  }

  /**
   * Applies reflector j to the fewer than {@link #BLOCK_ROWS} rows below j, one row at a time, v
   * read in place: for small blocks, where copying v would cost more than it saves.
   */
  private void applyToFewRows(double[][] a, int n, int j, int start, int size, double t) {
    final double[] rowJ = a[j];
    final int[] cols = support;
    for (int i = j + 1; i < n; i++) {
      final double[] rowI = a[i];
      double dot = rowI[j];
      for (int s = 0; s < size; s++) {
        int c = cols[start + s];
        dot += rowI[c] * rowJ[c];
      }
      if (dot == 0.0) {
        continue;
      }
      dot *= t;
      rowI[j] -= dot;
      for (int s = 0; s < size; s++) {
        int c = cols[start + s];
        rowI[c] -= dot * rowJ[c];
      }
    }
  }

  /**
   * Applies reflector j, whose support right of column j is the contiguous range {@code [first,
   * last]}, to the rows below j: {@code row_i −= τ (row_i · v) vᵀ}. The dots of four rows run
   * together (four independent sums, each in the same order as one row alone, so the result is the
   * one-row loop's to the bit), and so do their updates ({@link #updateFour}), reading v from a
   * copy indexed by column as the rows are.
   */
  private void applyContiguous(double[][] a, int n, int j, int first, int last, double t) {
    final double[] v = reflector;
    System.arraycopy(a[j], first, v, first, last - first + 1);
    final int end = last + 1;
    int i = j + 1;
    for (; i + 3 < n; i += 4) {
      final double[] x0 = a[i];
      final double[] x1 = a[i + 1];
      final double[] x2 = a[i + 2];
      final double[] x3 = a[i + 3];
      double d0 = x0[j];
      double d1 = x1[j];
      double d2 = x2[j];
      double d3 = x3[j];
      for (int c = first; c < end; c++) {
        final double vc = v[c];
        d0 += x0[c] * vc;
        d1 += x1[c] * vc;
        d2 += x2[c] * vc;
        d3 += x3[c] * vc;
      }
      updateFour(x0, x1, x2, x3, j, first, end, d0 * t, d1 * t, d2 * t, d3 * t, v);
    }
    for (; i < n; i++) {
      final double[] x = a[i];
      double dot = x[j];
      for (int c = first; c < end; c++) {
        dot += x[c] * v[c];
      }
      update(x, j, first, end, dot * t, v);
    }
  }

  /**
   * Applies reflector j, whose support right of column j is {@code support[start … start + size)}
   * (not contiguous), to the rows below j, as {@link #applyContiguous} does: four rows' dots
   * together, each in the one-row order, v gathered once.
   */
  private void applyScattered(double[][] a, int n, int j, int start, int size, double t) {
    final double[] rowJ = a[j];
    final double[] v = reflector;
    final int[] cols = support;
    for (int s = 0; s < size; s++) {
      v[s] = rowJ[cols[start + s]];
    }
    int i = j + 1;
    for (; i + 3 < n; i += 4) {
      final double[] x0 = a[i];
      final double[] x1 = a[i + 1];
      final double[] x2 = a[i + 2];
      final double[] x3 = a[i + 3];
      double d0 = x0[j];
      double d1 = x1[j];
      double d2 = x2[j];
      double d3 = x3[j];
      for (int s = 0; s < size; s++) {
        final int c = cols[start + s];
        final double vc = v[s];
        d0 += x0[c] * vc;
        d1 += x1[c] * vc;
        d2 += x2[c] * vc;
        d3 += x3[c] * vc;
      }
      scatterUpdate(x0, j, start, size, d0 * t, v);
      scatterUpdate(x1, j, start, size, d1 * t, v);
      scatterUpdate(x2, j, start, size, d2 * t, v);
      scatterUpdate(x3, j, start, size, d3 * t, v);
    }
    for (; i < n; i++) {
      final double[] x = a[i];
      double dot = x[j];
      for (int s = 0; s < size; s++) {
        dot += x[cols[start + s]] * v[s];
      }
      scatterUpdate(x, j, start, size, dot * t, v);
    }
  }

  /**
   * {@code x −= scale · [1, v]} on column j and the support's columns (v by support index); nothing
   * for scale 0.
   */
  private void scatterUpdate(double[] x, int j, int start, int size, double scale, double[] v) {
    if (scale == 0.0) {
      return;
    }
    x[j] -= scale;
    final int[] cols = support;
    for (int s = 0; s < size; s++) {
      x[cols[start + s]] -= scale * v[s];
    }
  }

  /**
   * {@link #update} of four rows in one pass over v, nothing when all four scales are 0: each entry
   * the same operation (a row whose scale alone is 0 loses ±0, which leaves its entries as they
   * are), v read once for the four instead of once per row. Row and v indexed alike, so the loop
   * runs on vector instructions.
   */
  private static void updateFour(
      double[] x0,
      double[] x1,
      double[] x2,
      double[] x3,
      int j,
      int first,
      int end,
      double s0,
      double s1,
      double s2,
      double s3,
      double[] v) {
    if (s0 == 0.0 && s1 == 0.0 && s2 == 0.0 && s3 == 0.0) {
      return;
    }
    x0[j] -= s0;
    x1[j] -= s1;
    x2[j] -= s2;
    x3[j] -= s3;
    for (int c = first; c < end; c++) {
      final double vc = v[c];
      x0[c] -= s0 * vc;
      x1[c] -= s1 * vc;
      x2[c] -= s2 * vc;
      x3[c] -= s3 * vc;
    }
  }

  /** {@code x −= scale · [1, v]} on column j and columns [first, end); nothing when scale is 0. */
  private static void update(double[] x, int j, int first, int end, double scale, double[] v) {
    if (scale == 0.0) {
      return;
    }
    x[j] -= scale;
    for (int c = first; c < end; c++) {
      x[c] -= scale * v[c];
    }
  }

  /**
   * Copies M (n × m) into the rows of {@code a}, checking every entry finite in the same pass.
   *
   * @throws ArithmeticException naming the first entry of M that is not finite
   */
  private static void copyFinite(DMatrixRMaj M, double[][] a) {
    final double[] in = M.data;
    final int n = M.numRows;
    final int m = M.numCols;
    boolean finite = true;
    for (int i = 0; i < n; i++) {
      final double[] x = a[i];
      final int from = i * m;
      for (int c = 0; c < m; c++) {
        final double v = in[from + c];
        x[c] = v;
        finite &= Math.abs(v) <= Double.MAX_VALUE; // false for ±∞ and NaN
      }
    }
    if (!finite) {
      requireFinite(M);
    }
  }

  static void requireFinite(DMatrixRMaj M) {
    int len = M.getNumElements();
    for (int i = 0; i < len; i++) {
      if (!Double.isFinite(M.data[i])) {
        throw new ArithmeticException(
            "tria: M("
                + (i / M.numCols)
                + ", "
                + (i % M.numCols)
                + ") = "
                + M.data[i]
                + " is not finite");
      }
    }
  }
}
