package io.gramian.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * The triangularisation of a lower-triangular factor with rows appended above it (the filter's
 * update block), by Givens rotations that keep the factor's zeros:
 *
 * <pre>
 *   tria([[B, R], [S, 0]]) = [[A, 0], [C, D]]     B p × n, R p × r, S n × n lower triangular
 * </pre>
 *
 * with the contract of {@link Tria} ({@code L Lᵀ = M Mᵀ}, L lower triangular, {@code diag(L) ≥ 0};
 * at full rank the same L). R is first triangularised alone, {@code R̃ = tria(R)} (p × p): a
 * rotation of R's columns, which the zero block below R does not see. Then each appended row j is
 * rotated into its pivot column, column j of {@code [[R̃, B], [0, S]]}, by one Givens rotation per
 * column k of B and S, from the last to the first:
 *
 * <pre>
 *   r_k² = r_{k+1}² + b_jk²,   c_k = r_{k+1} / r_k,   s_k = b_jk / r_k   (r_n = R̃_jj)
 *   [col_k, col_j] ← [c_k col_k − s_k col_j, s_k col_k + c_k col_j]
 * </pre>
 *
 * Before rotation k the pivot column is nonzero in S's rows below k only, so column k stays lower
 * triangular: nothing fills in. That costs about 3 p n (n + p) flops, against the 4 p n (n + p/2) +
 * 4/3 n³ of a Householder factorisation ({@link SparseHouseholderTria}), whose first reflector
 * fills S's zeros. The rotations of row j depend on row j alone, so they are formed first and then
 * applied column by column, each to the rows below j at once: the block is kept by columns, so that
 * a rotation is a vector loop.
 *
 * <p>No Q is formed: for the derivatives that read L and M alone (the masked rule's Gramian and
 * covariance forms). An instance is a workspace for a largest block and allocates nothing per call.
 * Not thread-safe.
 */
public final class AppendedRowsTria {

  private double[] rTilde;
  private double[] cos;
  private double[] sin;

  /**
   * The block being triangularised, one array per column (a rotation of two columns then runs as a
   * vector loop down both; within one flat array it does not vectorise), its rows in the order of
   * {@link #slot}.
   */
  private double[][] columns;

  /** A workspace for blocks up to p rows appended to an n × n factor, R with up to r columns. */
  public AppendedRowsTria(int maxP, int maxN, int maxR) {
    rTilde = new double[Math.max(maxP, 1) * Math.max(maxR, 1)];
    cos = new double[Math.max(maxN, 1)];
    sin = new double[Math.max(maxN, 1)];
    columns = new double[maxP + maxN][maxP + maxN];
  }

  /**
   * Whether M has the shape this class triangularises for p appended rows: its last {@code n = rows
   * − p} rows are {@code [S, 0]} with S lower triangular n × n (M has at least n columns).
   */
  public static boolean applies(DMatrixRMaj M, int p) {
    return hasShape(M, p, false, true);
  }

  /**
   * {@code L = tria(M)} for {@code M = factors.input()}, with no Q (the derivatives read L and M),
   * if M has the shape {@link #applies} accepts; otherwise nothing is done.
   *
   * @param p the number of appended rows
   * @return whether M had that shape (and L was formed)
   */
  public boolean decompose(TriaFactors factors, int p) {
    return decompose(factors, p, false);
  }

  /**
   * {@link #decompose(TriaFactors, int)} for a caller that may already know M's last n rows to be
   * {@code [S, 0]} with S lower triangular and finite (it wrote them, and checked S as it copied
   * it): then only the first p rows are checked finite, instead of the whole block being scanned.
   *
   * @param lowerRowsKnown whether the caller guarantees the last n rows' shape and finiteness
   */
  public boolean decompose(TriaFactors factors, int p, boolean lowerRowsKnown) {
    final DMatrixRMaj M = factors.input();
    if (!hasShape(M, p, true, !lowerRowsKnown)) {
      return false;
    }
    triangularize(factors.input(), p, factors.L());
    factors.formed(false, false);
    return true;
  }

  /**
   * {@code L = tria(M)}, (p + n) × (p + n), for M of the shape {@link #applies} accepts.
   *
   * @param M the block, (p + n) × (n + r). Not modified.
   * @param L reshaped to (p + n) × (p + n). Modified.
   * @throws ArithmeticException naming an entry of M that is not finite
   * @throws IllegalArgumentException if M does not have that shape
   */
  public void decompose(DMatrixRMaj M, int p, DMatrixRMaj L) {
    if (L == M) {
      throw new IllegalArgumentException("tria: M and L must be distinct matrices");
    }
    if (!finiteWithShape(M, p)) {
      throw new IllegalArgumentException(
          "tria: the last "
              + (M.numRows - p)
              + " rows of M are not [S, 0] with S lower triangular");
    }
    triangularize(M, p, L);
  }

  /**
   * {@link #applies}, and M's entries up to the first that breaks that shape checked finite, in one
   * pass: when it returns true M is finite and has the shape.
   *
   * @throws ArithmeticException naming the first entry of M (row-major) that is not finite, if it
   *     comes before any entry that breaks the shape (as {@link Tria} names it)
   */
  private static boolean finiteWithShape(DMatrixRMaj M, int p) {
    return hasShape(M, p, true, true);
  }

  /**
   * {@link #applies}, checking the entries up to the first that breaks the shape finite if asked;
   * without {@code lowerRows} only the dimensions and the first p rows (a caller that wrote and
   * checked the last n rows itself).
   */
  private static boolean hasShape(DMatrixRMaj M, int p, boolean finite, boolean lowerRows) {
    final int n = M.numRows - p;
    final int cols = M.numCols;
    if (p < 0 || n < 0 || cols < n) {
      return false;
    }
    final double[] m = M.data;
    for (int i = 0; finite && i < p; i++) {
      requireFinite(M, i, 0, cols);
    }
    for (int i = 0; lowerRows && i < n; i++) {
      final int row = p + i;
      if (finite) {
        requireFinite(M, row, 0, i + 1);
      }
      for (int c = i + 1; c < cols; c++) {
        if (m[row * cols + c] != 0.0) {
          return false;
        }
      }
    }
    return true;
  }

  /** Throws, as {@link Tria} does, if an entry of M's row in columns [from, to) is not finite. */
  private static void requireFinite(DMatrixRMaj M, int row, int from, int to) {
    final int offset = row * M.numCols;
    for (int c = from; c < to; c++) {
      if (!Double.isFinite(M.data[offset + c])) {
        SparseHouseholderTria.requireFinite(M); // names the entry
      }
    }
  }

  private void triangularize(DMatrixRMaj M, int p, DMatrixRMaj L) {
    final int n = M.numRows - p;
    final int N = p + n;
    ensureCapacity(n, N);
    load(M, p, n);
    for (int j = 0; j < p; j++) {
      int kLast = rotations(p, j, n);
      if (kLast >= 0) {
        sweep(N, p, j, kLast);
      }
    }
    // D's pivots keep the signs of S's; a negative one flips its column (a rotation of L).
    for (int i = 0; i < n; i++) {
      final int col = p + i;
      final double[] c = columns[col];
      if (c[i] < 0) { // S's rows col .. N − 1 are in slots i .. n − 1
        for (int slot = i; slot < n; slot++) {
          c[slot] = -c[slot];
        }
      }
    }
    store(n, N, L);
  }

  private void ensureCapacity(int n, int N) {
    if (cos.length < n) {
      cos = new double[n];
      sin = new double[n];
    }
    columns = RowArrays.atLeast(columns, N, N);
  }

  /**
   * {@link #columns} = [[R̃, B], [0, S]] by columns (N × N), R̃ = tria(R) from M's top-right p × r
   * block; the entries above R̃'s and S's diagonals are never read, and not written.
   */
  private void load(DMatrixRMaj M, int p, int n) {
    final int N = p + n;
    final int cols = M.numCols;
    final int r = cols - n;
    final double[] m = M.data;
    if (p > 0) {
      triangularizeR(m, cols, n, p, r);
    }
    final int width = Math.min(p, r);
    // the pivot columns: R̃'s column j in the appended rows from its diagonal, zeros in S's rows
    for (int j = 0; j < p; j++) {
      final double[] c = columns[j];
      for (int i = j; i < p; i++) {
        c[slot(i, p, N)] = j < Math.min(width, i + 1) ? rTilde[i * r + j] : 0.0;
      }
      java.util.Arrays.fill(c, 0, n, 0.0);
    }
    // B's and S's columns: column k of B in the appended rows, of S from its diagonal
    for (int i = 0; i < p; i++) {
      final int row = i * cols;
      final int slot = slot(i, p, N);
      for (int k = 0; k < n; k++) {
        columns[p + k][slot] = m[row + k];
      }
    }
    for (int i = 0; i < n; i++) {
      final int row = (p + i) * cols;
      for (int k = 0; k <= i; k++) {
        columns[p + k][i] = m[row + k];
      }
    }
  }

  /**
   * Where row i of the block is kept in {@link #columns}: S's rows p .. N − 1 first, in slots 0 ..
   * n − 1, then the appended rows in reverse, row i in slot N − 1 − i. The rows a rotation of
   * column k with pivot column j visits, the appended rows after j and S's rows from k's diagonal
   * down, are then one range of slots, k .. N − 2 − j.
   */
  private static int slot(int i, int p, int N) {
    return i < p ? N - 1 - i : i - p;
  }

  /** L from {@link #columns}: its lower triangle, and zeros above the diagonal. */
  private void store(int n, int N, DMatrixRMaj L) {
    L.reshape(N, N, false);
    final double[] l = L.data;
    final int p = N - n;
    for (int i = 0; i < N; i++) {
      final int row = i * N;
      final int slot = slot(i, p, N);
      for (int k = 0; k <= i; k++) {
        l[row + k] = columns[k][slot];
      }
      java.util.Arrays.fill(l, row + i + 1, row + N, 0.0);
    }
  }

  /**
   * R̃ = tria(R) into {@link #rTilde} (p × r, lower trapezoidal, diagonal ≥ 0), R = M's top-right p
   * × r block, by rotations of R's columns: row i's entries right of its pivot are rotated into the
   * pivot one by one (nothing for a diagonal or triangular cholR, one rotation per missing
   * observation for the observed rows of a triangular one), and a negative pivot flips its column.
   * The rows above i are zero in both columns of a rotation, so they stay as they are.
   */
  private void triangularizeR(double[] m, int cols, int n, int p, int r) {
    if (rTilde.length < p * r) {
      rTilde = new double[p * r];
    }
    final double[] w = rTilde;
    for (int i = 0; i < p; i++) {
      System.arraycopy(m, i * cols + n, w, i * r, r);
    }
    for (int i = 0; i < Math.min(p, r); i++) {
      final int pivot = i * r + i;
      for (int c = r - 1; c > i; c--) {
        final double b = w[i * r + c];
        if (b == 0.0) {
          continue;
        }
        final double a = w[pivot];
        final double size = Math.max(Math.abs(a), Math.abs(b));
        final double norm =
            size > SparseHouseholderTria.SAFE_MIN && size < SparseHouseholderTria.SAFE_MAX
                ? Math.sqrt(a * a + b * b)
                : Math.hypot(a, b);
        final double cos = a / norm;
        final double sin = b / norm;
        w[pivot] = norm;
        w[i * r + c] = 0.0;
        for (int k = i + 1; k < p; k++) {
          final double x = w[k * r + i];
          final double y = w[k * r + c];
          w[k * r + i] = cos * x + sin * y;
          w[k * r + c] = cos * y - sin * x;
        }
      }
      if (w[pivot] < 0) {
        for (int k = i; k < p; k++) {
          w[k * r + i] = -w[k * r + i];
        }
      }
    }
  }

  /**
   * Forms row j's rotations into {@link #cos} and {@link #sin}, and puts r_0 at row j's pivot; its
   * entries in B's columns, which the rotations zero, are above L's diagonal, where nothing reads
   * them ({@link #store} writes zeros there). Returns the last column k of B with a nonzero in row
   * j (−1 if none: nothing to rotate); rotations beyond it are the identity.
   */
  private int rotations(int p, int j, int n) {
    final double[][] l = columns;
    final int row = n + p - 1 - j; // slot(j, p, N)
    int kLast = n - 1;
    while (kLast >= 0 && l[p + kLast][row] == 0.0) {
      kLast--;
    }
    if (kLast < 0) {
      return -1;
    }
    double pivot = l[j][row];
    double max = Math.abs(pivot);
    for (int k = 0; k <= kLast; k++) {
      final double size = Math.abs(l[p + k][row]);
      if (size > max) { // not Math.max: finite entries, no dependent chain of its NaN rules
        max = size;
      }
    }
    // a power of two: scaling by it is exact
    final double scale =
        max > SparseHouseholderTria.SAFE_MIN && max < SparseHouseholderTria.SAFE_MAX
            ? 1.0
            : Math.scalb(1.0, Math.getExponent(max));
    final double inverse = 1.0 / scale;
    double previous = pivot * inverse;
    double sumSq = previous * previous;
    for (int k = kLast; k >= 0; k--) {
      final double b = l[p + k][row] * inverse;
      sumSq += b * b;
      if (sumSq == 0.0) {
        cos[k] = 1.0;
        sin[k] = 0.0;
        continue;
      }
      final double r = Math.sqrt(sumSq);
      final double rInverse = 1.0 / r;
      cos[k] = previous * rInverse;
      sin[k] = b * rInverse;
      previous = r;
    }
    l[j][row] = previous * scale;
    return kLast;
  }

  /**
   * Applies row j's rotations to rows j + 1 .. N − 1, from column kLast down: rotation k visits the
   * appended rows after j and S's rows from its diagonal down (a row of S ends at its diagonal, so
   * S's row i sees rotations k ≤ min(kLast, i − p) only, and nothing fills in). Each row gets the
   * operations of a sweep along that row alone, in its order: the same bits; the rotation of two
   * columns is a vector loop down the rows (at nx = 50 with missing values, ℓ 14% faster than four
   * rows at a time along the rows, at nx = 20 5%).
   */
  private void sweep(int N, int p, int j, int kLast) {
    final double[] pivot = columns[j];
    for (int k = kLast; k >= 0; k--) {
      rotate(columns[p + k], pivot, k, N - 1 - j, cos[k], sin[k]);
    }
  }

  /** Rows [from, to) of columns x and y: x ← c x − s y, y ← s x + c y. */
  private static void rotate(double[] x, double[] y, int from, int to, double c, double s) {
    for (int i = from; i < to; i++) {
      final double xi = x[i];
      final double yi = y[i];
      x[i] = c * xi - s * yi;
      y[i] = s * xi + c * yi;
    }
  }
}
