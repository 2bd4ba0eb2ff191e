package io.gramian.autodiff;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The triangularisation {@code L = tria(M)}: for {@code M} (n × m), the lower-triangular {@code L}
 * (n × n) with
 *
 * <pre>
 *   L Lᵀ = M Mᵀ,   diag(L) ≥ 0,   M = L Qᵀ,   L = M Q
 * </pre>
 *
 * computed from a Householder QR of {@code Mᵀ = Q Rq}, {@code L = Rqᵀ}. {@code Q} is returned as an
 * {@code m × n} matrix with orthonormal columns where {@code m ≥ n}; where {@code m < n} its last
 * {@code n − m} columns and those of {@code L} are zero. Every shape and every rank is a normal
 * input: an exactly rank-deficient {@code M} gives zero pivots, not an error.
 *
 * <p>An instance is a workspace: it allocates its buffers for a largest {@code n × m} once and then
 * decomposes without allocating. It is not thread-safe; use one per thread. The QR comes from
 * EJML's {@link DecompositionFactory_DDRM#qr(int, int)}, so it is swapped in one line.
 *
 * <p>Sign: each column of {@code L} is flipped together with the same column of {@code Q} so that
 * {@code L_jj ≥ 0}. Where M has full row rank this makes tria a continuous function of M (L is then
 * the Cholesky factor of M Mᵀ). At a rank-deficient M it is not a function of M Mᵀ alone (M = [[0],
 * [1]] and [[0, 0], [0, 1]] give the same Gramian and different L), and an entry below a zero pivot
 * can change sign as M moves through that point: the derivative rules make only the Gramian's
 * differential exact there ({@code docs/tria.md}).
 */
public final class Tria {

  /**
   * Largest accepted difference of squared row norms between L and M, relative to the largest
   * squared row norm of M, checked only when the QR reports a zero Householder column. A
   * backward-stable QR keeps them to a few {@code max(n, m) · ε}; this allows the same margin as
   * {@link RankThreshold}.
   */
  static final double RECONSTRUCTION_SAFETY = RankThreshold.SAFETY_FACTOR;

  private final QRDecomposition<DMatrixRMaj> qr;
  private final InputForm inputForm;
  private final DMatrixRMaj Mt;
  private final DMatrixRMaj Qc;
  private final DMatrixRMaj Rc;
  private int lastRows;
  private int lastCols;
  private boolean lastQFormed;

  /**
   * A workspace for matrices up to {@code maxRows × maxCols} (larger inputs still work but allocate
   * once when first seen).
   */
  public Tria(int maxRows, int maxCols) {
    int k = Math.min(maxRows, maxCols);
    qr = DecompositionFactory_DDRM.qr(maxCols, maxRows);
    inputForm = new InputForm(maxRows);
    Mt = new DMatrixRMaj(maxCols, maxRows);
    Qc = new DMatrixRMaj(maxCols, k);
    Rc = new DMatrixRMaj(k, maxRows);
    // Size the QR's internal storage for the largest input now: EJML's decompositions grow
    // their buffers on demand, and alternating shapes would otherwise reallocate every call.
    qr.decompose(Mt);
  }

  /**
   * Computes {@code L = tria(M)} and {@code Q} with {@code M = L Qᵀ}.
   *
   * @param M input, n × m. Not modified.
   * @param L output, reshaped to n × n, lower triangular with non-negative diagonal. Modified.
   * @param Q output, reshaped to m × n. Modified.
   * @throws ArithmeticException if {@code M} has a non-finite entry, or the QR fails to reconstruct
   *     {@code M}
   */
  public void decompose(DMatrixRMaj M, DMatrixRMaj L, DMatrixRMaj Q) {
    if (Q == null || L == M || Q == M || L == Q) {
      throw new IllegalArgumentException("tria: M, L and Q must be distinct, non-null matrices");
    }
    triangularize(M, L, Q);
  }

  /**
   * Computes {@code L = tria(M)} only, skipping the cost of forming {@code Q} (about as much again
   * as the QR itself). For a primal pass that needs no derivative.
   *
   * @param M input, n × m. Not modified.
   * @param L output, reshaped to n × n. Modified.
   * @throws ArithmeticException as {@link #decompose(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)}
   */
  public void decompose(DMatrixRMaj M, DMatrixRMaj L) {
    if (L == M) {
      throw new IllegalArgumentException("tria: M and L must be distinct matrices");
    }
    triangularize(M, L, null);
  }

  /**
   * Computes {@code L = tria(M)} for {@code M = factors.input()}, and, when {@code forDerivatives},
   * what the derivatives need: nothing more when L has no small pivot ({@link
   * TriaAdjoint#invertibleEnough}: they take M in place of Q), else Q. Without {@code
   * forDerivatives} only L is computed, for a pass that needs no derivative.
   *
   * @param factors input filled by the caller; L (and Q) on exit. Modified.
   * @throws ArithmeticException as {@link #decompose(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)}
   */
  public void decompose(TriaFactors factors, boolean forDerivatives) {
    triangularize(factors.input(), factors.L(), null);
    boolean withQ = forDerivatives && !inputForm.permits(factors.L());
    if (withQ) {
      lastQ(factors.qStorage());
    }
    factors.formed(withQ, forDerivatives);
  }

  /**
   * Forms {@code Q} (m × n, with {@code M = L Qᵀ}) of the last decomposition, after the fact: a
   * caller that ran {@link #decompose(DMatrixRMaj, DMatrixRMaj)} and then finds it needs Q pays for
   * it only then.
   *
   * @param Q output, reshaped to m × n. Modified.
   */
  public void lastQ(DMatrixRMaj Q) {
    final int n = lastRows;
    final int m = lastCols;
    final int k = Math.min(n, m);
    Q.reshape(m, n);
    Q.zero();
    if (k == 0) {
      return;
    }
    if (!lastQFormed) {
      qr.getQ(Qc, true);
      for (int j = 0; j < k; j++) {
        if (Rc.unsafe_get(j, j) < 0) {
          for (int i = 0; i < m; i++) {
            Qc.unsafe_set(i, j, -Qc.unsafe_get(i, j));
          }
        }
      }
      lastQFormed = true;
    }
    CommonOps_DDRM.insert(Qc, Q, 0, 0);
  }

  private void triangularize(DMatrixRMaj M, DMatrixRMaj L, DMatrixRMaj Q) {
    final int n = M.numRows;
    final int m = M.numCols;
    final int k = Math.min(n, m);
    requireFinite(M);
    lastRows = n;
    lastCols = m;
    lastQFormed = false;
    L.reshape(n, n);
    if (Q != null) {
      Q.reshape(m, n);
      Q.zero();
    }
    L.zero();
    if (k == 0) {
      return;
    }
    CommonOps_DDRM.transpose(M, Mt);
    boolean clean = qr.decompose(Mt);
    qr.getR(Rc, true); // k × n
    boolean formQ = Q != null;
    if (formQ) {
      qr.getQ(Qc, true); // m × k
    }
    for (int j = 0; j < k; j++) {
      double sign = Rc.unsafe_get(j, j) < 0 ? -1.0 : 1.0;
      for (int i = j; i < n; i++) {
        L.unsafe_set(i, j, sign * Rc.unsafe_get(j, i));
      }
      if (formQ) {
        for (int i = 0; i < m; i++) {
          Qc.unsafe_set(i, j, sign * Qc.unsafe_get(i, j));
        }
      }
    }
    lastQFormed = formQ;
    if (Q != null) {
      CommonOps_DDRM.insert(Qc, Q, 0, 0);
    }
    if (!clean) {
      verifyRowNorms(M, L);
    }
  }

  /**
   * Checks, after a QR that met an exactly zero Householder column, that L keeps the row norms of
   * M: L = M Q with Q's columns orthonormal preserves every row's norm exactly when M's rows lie in
   * the span of Q, which a QR that failed would not honour. O(n m), and needs no Q, so an L-only
   * decomposition stays L-only (forming Q and M Q here cost 13% of a SARIMA fit with diffuse
   * differencing states, whose blocks meet zero columns at every step).
   */
  static void verifyRowNorms(DMatrixRMaj M, DMatrixRMaj L) {
    final int n = M.numRows;
    final int m = M.numCols;
    double scale = 0;
    double err = 0;
    for (int i = 0; i < n; i++) {
      double mm = 0;
      for (int j = 0; j < m; j++) {
        double v = M.unsafe_get(i, j);
        mm += v * v;
      }
      double ll = 0;
      for (int j = 0; j <= i; j++) {
        double v = L.unsafe_get(i, j);
        ll += v * v;
      }
      scale = Math.max(scale, mm);
      err = Math.max(err, Math.abs(mm - ll));
    }
    int size = Math.max(n, m);
    if (err > RECONSTRUCTION_SAFETY * size * Math.ulp(1.0) * scale) {
      throw new ArithmeticException(
          "tria: the QR of Mᵀ ("
              + m
              + " × "
              + n
              + ") failed: the rows of L do not keep the"
              + " norms of the rows of M (largest difference "
              + err
              + " of squared norms up to "
              + scale
              + ")");
    }
  }

  private static void requireFinite(DMatrixRMaj M) {
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

  /**
   * The rank threshold of tria's derivatives, {@code τ = 10³ · max(n, k) · ε · s}: a pivot (or
   * singular value) of an {@code n × n} factor obtained from {@code k} Householder steps counts as
   * non-zero when it exceeds τ (docs/tria.md §6 derives it).
   *
   * @param n rows (and columns) of L
   * @param k min(n, m), the number of Householder steps
   * @param scale the scale s of the block (a row norm or the largest singular value), ≥ 0
   */
  public static double rankThreshold(int n, int k, double scale) {
    return RankThreshold.tau(n, k, scale);
  }

  /**
   * The rank threshold for pivot {@code j} of {@code tria(M)} judged against row j of M alone:
   * {@code rankThreshold(n, min(n, m), ‖M[j,:]‖)} for M n × m. For blocks whose rows carry
   * different units (observations beside states), where a row of an exactly zero variance is
   * exactly zero.
   *
   * @param M the block that was triangularised, n × m. Not modified.
   * @param j row (and pivot) index
   */
  public static double rowRankThreshold(DMatrixRMaj M, int j) {
    return RankThreshold.forRow(M, j);
  }

  /**
   * Allocating convenience: {@code L = tria(M)}, without forming Q (the L of {@link
   * #decompose(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)}, bit for bit).
   *
   * @param M n × m. Not modified.
   * @return L, n × n lower triangular with {@code L Lᵀ = M Mᵀ}, {@code diag(L) ≥ 0}
   */
  public static DMatrixRMaj tria(DMatrixRMaj M) {
    DMatrixRMaj L = new DMatrixRMaj(M.numRows, M.numRows);
    new Tria(M.numRows, M.numCols).decompose(M, L);
    return L;
  }

  /**
   * Allocating convenience: {@code M}, {@code L} and {@code Q} of {@code tria(M)}.
   *
   * @param M n × m. Not modified.
   */
  public static TriaFactors factor(DMatrixRMaj M) {
    TriaFactors f = new TriaFactors(M.numRows, M.numCols);
    f.input().setTo(M);
    new Tria(M.numRows, M.numCols).decompose(M, f.L(), f.qStorage());
    f.formed(true, false);
    return f;
  }
}
