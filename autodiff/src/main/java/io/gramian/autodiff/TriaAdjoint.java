package io.gramian.autodiff;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Forward (JVP) and reverse (VJP) derivatives of {@code L = tria(M)}, for any rank.
 *
 * <p>Given the factors {@code L} (n × n) and {@code Q} (m × n) of {@link Tria}, and a rule's map
 * {@code T: W ↦ K} ({@link TriaRule}):
 *
 * <pre>
 *   JVP:  W = dM Q,  K = T W,  U = strictly_upper(K),  dL = W − L (U − Uᵀ)
 *   VJP:  Y = Lᵀ L̄,  Z = strictly_upper(Yᵀ − Y),  M̄ += (L̄ + Tᵀ Z) Qᵀ
 * </pre>
 *
 * Each rule satisfies the Gramian identity {@code dL Lᵀ + L dLᵀ = dM Mᵀ + M dMᵀ} and the two
 * directions are exact transposes: {@code ⟨L̄, JVP(dM)⟩ = ⟨VJP(L̄), dM⟩}. The derivation is in
 * {@code docs/tria.md}.
 *
 * <p>An instance is a workspace sized for a largest {@code n × m}; after construction the
 * {@link TriaRule#MASKED} and {@link TriaRule#FULL_RANK} rules allocate nothing. Not
 * thread-safe; use one per thread.
 */
public final class TriaAdjoint {

  private final DMatrixRMaj W;
  private final DMatrixRMaj K;
  private final DMatrixRMaj Y;
  private final DMatrixRMaj WBar;
  private final PseudoInverse pinv;

  /** A workspace for inputs up to {@code maxRows × maxCols}. */
  public TriaAdjoint(int maxRows, int maxCols) {
    W = new DMatrixRMaj(maxRows, maxRows);
    K = new DMatrixRMaj(maxRows, maxRows);
    Y = new DMatrixRMaj(maxRows, maxRows);
    WBar = new DMatrixRMaj(maxRows, maxRows);
    pinv = new PseudoInverse(maxRows);
  }

  /**
   * Tangent: {@code dL} for a perturbation {@code dM}.
   *
   * @param rule differentiation rule
   * @param L n × n factor from {@link Tria}. Not modified.
   * @param Q m × n factor from {@link Tria}. Not modified.
   * @param dM n × m tangent of M. Not modified.
   * @param dL output, reshaped to n × n. Modified.
   */
  public void jvp(TriaRule rule, DMatrixRMaj L, DMatrixRMaj Q, DMatrixRMaj dM, DMatrixRMaj dL) {
    final int n = L.numRows;
    checkShapes(L, Q, dM, "dM");
    CommonOps_DDRM.mult(dM, Q, W); // n × n
    applyT(rule, L, W, K); // K = T W
    // dL = W − L (U − Uᵀ), U = strictly_upper(K); store S = U − Uᵀ in K.
    for (int i = 0; i < n; i++) {
      K.unsafe_set(i, i, 0.0);
      for (int j = i + 1; j < n; j++) {
        double u = K.unsafe_get(i, j);
        K.unsafe_set(i, j, u);
        K.unsafe_set(j, i, -u);
      }
    }
    dL.reshape(n, n);
    dL.setTo(W);
    CommonOps_DDRM.multAdd(-1.0, L, K, dL);
  }

  /**
   * Adjoint, accumulated: {@code M̄ += VJP(L̄)}.
   *
   * @param rule differentiation rule
   * @param L n × n factor from {@link Tria}. Not modified.
   * @param Q m × n factor from {@link Tria}. Not modified.
   * @param LBar n × n adjoint of L (all entries are read). Not modified.
   * @param MBar n × m adjoint of M; the result is added to it. Modified.
   */
  public void vjpAdd(
      TriaRule rule, DMatrixRMaj L, DMatrixRMaj Q, DMatrixRMaj LBar, DMatrixRMaj MBar) {
    final int n = L.numRows;
    checkShapes(L, Q, MBar, "MBar");
    if (LBar.numRows != n || LBar.numCols != n) {
      throw new IllegalArgumentException(
          "tria VJP: LBar is " + LBar.numRows + " × " + LBar.numCols + ", expected " + n + " × "
              + n);
    }
    CommonOps_DDRM.multTransA(L, LBar, Y); // Y = Lᵀ L̄
    // Z = strictly_upper(Yᵀ − Y), stored in K.
    K.reshape(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        K.unsafe_set(i, j, 0.0);
      }
      for (int j = i + 1; j < n; j++) {
        K.unsafe_set(i, j, Y.unsafe_get(j, i) - Y.unsafe_get(i, j));
      }
    }
    applyTTransposed(rule, L, K, WBar); // W̄ = Tᵀ Z
    CommonOps_DDRM.addEquals(WBar, LBar); // W̄ = L̄ + Tᵀ Z
    CommonOps_DDRM.multAddTransB(WBar, Q, MBar); // M̄ += W̄ Qᵀ
  }

  /** K = T W for the rule. */
  private void applyT(TriaRule rule, DMatrixRMaj L, DMatrixRMaj W, DMatrixRMaj K) {
    switch (rule) {
      case FULL_RANK:
        PivotSolve.forward(L, W, K, -1.0);
        break;
      case MASKED:
        PivotSolve.forward(L, W, K, maskThreshold(L));
        break;
      case PSEUDOINVERSE:
        pinv.compute(L);
        CommonOps_DDRM.mult(pinv.result(), W, K);
        break;
      default:
        throw new AssertionError(rule);
    }
  }

  /** X = Tᵀ Z for the rule. */
  private void applyTTransposed(TriaRule rule, DMatrixRMaj L, DMatrixRMaj Z, DMatrixRMaj X) {
    switch (rule) {
      case FULL_RANK:
        PivotSolve.backwardTransposed(L, Z, X, -1.0);
        break;
      case MASKED:
        PivotSolve.backwardTransposed(L, Z, X, maskThreshold(L));
        break;
      case PSEUDOINVERSE:
        pinv.compute(L);
        CommonOps_DDRM.multTransA(pinv.result(), Z, X);
        break;
      default:
        throw new AssertionError(rule);
    }
  }

  /** τ of {@link RankThreshold} for the pivots of L. */
  static double maskThreshold(DMatrixRMaj L) {
    final int n = L.numRows;
    double largest = 0;
    for (int j = 0; j < n; j++) {
      largest = Math.max(largest, Math.abs(L.unsafe_get(j, j)));
    }
    return RankThreshold.tau(n, n, largest);
  }

  private static void checkShapes(DMatrixRMaj L, DMatrixRMaj Q, DMatrixRMaj X, String name) {
    if (L.numRows != L.numCols || Q.numCols != L.numRows) {
      throw new IllegalArgumentException(
          "tria derivative: L is " + L.numRows + " × " + L.numCols + " and Q is " + Q.numRows
              + " × " + Q.numCols + "; expected L n × n and Q m × n");
    }
    if (X.numRows != L.numRows || X.numCols != Q.numRows) {
      throw new IllegalArgumentException(
          "tria derivative: " + name + " is " + X.numRows + " × " + X.numCols + ", expected "
              + L.numRows + " × " + Q.numRows);
    }
  }

  /**
   * Allocating convenience: {@code dL = JVP(dM)} at {@code M}.
   *
   * @param M n × m. Not modified.
   * @param dM n × m. Not modified.
   */
  public static DMatrixRMaj jvp(TriaRule rule, DMatrixRMaj M, DMatrixRMaj dM) {
    TriaFactors f = Tria.factor(M);
    DMatrixRMaj dL = new DMatrixRMaj(M.numRows, M.numRows);
    new TriaAdjoint(M.numRows, M.numCols).jvp(rule, f.L, f.Q, dM, dL);
    return dL;
  }

  /**
   * Allocating convenience: {@code M̄ = VJP(L̄)} at {@code M}.
   *
   * @param M n × m. Not modified.
   * @param LBar n × n. Not modified.
   */
  public static DMatrixRMaj vjp(TriaRule rule, DMatrixRMaj M, DMatrixRMaj LBar) {
    TriaFactors f = Tria.factor(M);
    DMatrixRMaj MBar = new DMatrixRMaj(M.numRows, M.numCols);
    new TriaAdjoint(M.numRows, M.numCols).vjpAdd(rule, f.L, f.Q, LBar, MBar);
    return MBar;
  }
}
