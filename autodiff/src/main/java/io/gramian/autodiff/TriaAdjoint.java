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
 * <p>An instance is a workspace sized for a largest {@code n × m}; after construction the {@link
 * TriaRule#MASKED} and {@link TriaRule#FULL_RANK} rules allocate nothing. Not thread-safe; use one
 * per thread.
 */
public final class TriaAdjoint {

  private final DMatrixRMaj W;
  private final DMatrixRMaj K;
  private final DMatrixRMaj Y;
  private final DMatrixRMaj WBar;
  private final PseudoInverse pinv;
  private double[] rowTau;
  private final InputForm inputForm;

  /**
   * Rows {@code [0, maskSplit)} and {@code [maskSplit, n)} of L are separate unit blocks for the
   * masked rule's threshold; 0 while no call asked for blocks (one block).
   */
  private int maskSplit;

  /** A workspace for inputs up to {@code maxRows × maxCols}. */
  public TriaAdjoint(int maxRows, int maxCols) {
    W = new DMatrixRMaj(maxRows, maxRows);
    K = new DMatrixRMaj(maxRows, maxRows);
    Y = new DMatrixRMaj(maxRows, maxRows);
    WBar = new DMatrixRMaj(maxRows, maxRows);
    pinv = new PseudoInverse(maxRows);
    rowTau = new double[maxRows];
    inputForm = new InputForm(maxRows);
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
    checkShapes(L, Q, dM, "dM");
    final int n = L.numRows;
    final int m = Q.numRows;
    W.reshape(n, n, false);
    java.util.Arrays.fill(W.data, 0, n * n, 0.0);
    BlockProduct.multAdd(1.0, n, m, n, dM.data, 0, m, Q.data, 0, n, W.data, 0, n); // W = dM Q
    jvpFromW(rule, L, dL);
  }

  /**
   * {@link #jvp} for an L whose rows fall in two blocks of different units — rows {@code [0,
   * split)} and {@code [split, n)} — so that the masked rule judges each block's pivots against the
   * largest row norm of that block alone ({@link #maskThresholds}). The other rules ignore {@code
   * split}.
   *
   * @param split first row of the second block, 0 ≤ split ≤ n (0 or n: one block)
   */
  public void jvp(
      TriaRule rule, DMatrixRMaj L, DMatrixRMaj Q, DMatrixRMaj dM, DMatrixRMaj dL, int split) {
    maskSplit = checkSplit(L, split);
    try {
      jvp(rule, L, Q, dM, dL);
    } finally {
      maskSplit = 0;
    }
  }

  /**
   * Tangent from the input instead of Q, for an L with no small pivot ({@link #invertibleEnough}):
   * {@code W = dM Q = dM Mᵀ L⁻ᵀ}, since {@code Q = Mᵀ L⁻ᵀ}. Lets a forward pass skip forming Q.
   *
   * @param L n × n factor of M, {@link #invertibleEnough}. Not modified.
   * @param M n × m, the input L was computed from. Not modified.
   * @param dM n × m tangent of M. Not modified.
   * @param dL output, reshaped to n × n. Modified.
   */
  public void jvpFromInput(
      TriaRule rule, DMatrixRMaj L, DMatrixRMaj M, DMatrixRMaj dM, DMatrixRMaj dL) {
    jvpFromInput(rule, L, M, dM, dL, false);
  }

  /** {@link #jvpFromInput}, without checking L again when the decomposition already did. */
  void jvpFromInput(
      TriaRule rule,
      DMatrixRMaj L,
      DMatrixRMaj M,
      DMatrixRMaj dM,
      DMatrixRMaj dL,
      boolean inputChecked) {
    if (!inputChecked) {
      requireInvertible(L);
    }
    CommonOps_DDRM.multTransB(dM, M, W); // dM Mᵀ, n × n
    TriangularSolve.rightLowerTransposed(L, W, null); // W = dM Mᵀ L⁻ᵀ
    jvpFromW(rule, L, dL);
  }

  /** dL = W − L (U − Uᵀ), U = strictly_upper(T W), from W in the workspace. */
  private void jvpFromW(TriaRule rule, DMatrixRMaj L, DMatrixRMaj dL) {
    final int n = L.numRows;
    applyTStrictlyUpper(rule, L, W, K); // U = strictly_upper(T W), in K
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
    lowerTimesSubtract(L, K, dL);
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
    checkShapes(L, Q, MBar, "MBar");
    wBar(rule, L, LBar);
    CommonOps_DDRM.multAddTransB(WBar, Q, MBar); // M̄ += W̄ Qᵀ
  }

  /**
   * {@link #vjpAdd} for an L whose rows fall in two blocks of different units, rows {@code [0,
   * split)} and {@code [split, n)}: the masked rule judges each block's pivots against the largest
   * row norm of that block alone ({@link #maskThresholds}). The other rules ignore {@code split}.
   *
   * @param split first row of the second block, 0 ≤ split ≤ n (0 or n: one block)
   */
  public void vjpAdd(
      TriaRule rule, DMatrixRMaj L, DMatrixRMaj Q, DMatrixRMaj LBar, DMatrixRMaj MBar, int split) {
    maskSplit = checkSplit(L, split);
    try {
      vjpAdd(rule, L, Q, LBar, MBar);
    } finally {
      maskSplit = 0;
    }
  }

  private static int checkSplit(DMatrixRMaj L, int split) {
    if (split < 0 || split > L.numRows) {
      throw new IllegalArgumentException(
          "tria derivative: block split " + split + " outside 0…" + L.numRows);
    }
    return split;
  }

  /**
   * Adjoint from the input instead of Q, for an L with no small pivot ({@link #invertibleEnough}),
   * accumulated: {@code M̄ += W̄ Qᵀ = (W̄ L⁻¹) M}, since {@code Qᵀ = L⁻¹ M}. Lets a forward pass
   * skip forming Q; the result equals {@link #vjpAdd} to rounding.
   *
   * @param L n × n factor of M, {@link #invertibleEnough}. Not modified.
   * @param M n × m, the input L was computed from. Not modified.
   * @param LBar n × n adjoint of L. Not modified.
   * @param MBar n × m; the result is added to it. Modified.
   */
  public void vjpAddFromInput(
      TriaRule rule, DMatrixRMaj L, DMatrixRMaj M, DMatrixRMaj LBar, DMatrixRMaj MBar) {
    vjpAddFromInput(rule, L, M, LBar, MBar, false);
  }

  /**
   * {@link #vjpAddFromInput}, without checking L again when the decomposition already did ({@link
   * TriaFactors} knows): the check is a condition estimate, a few triangular solves.
   */
  void vjpAddFromInput(
      TriaRule rule,
      DMatrixRMaj L,
      DMatrixRMaj M,
      DMatrixRMaj LBar,
      DMatrixRMaj MBar,
      boolean inputChecked) {
    if (!inputChecked) {
      requireInvertible(L);
    }
    checkInputShapes(L, M, MBar);
    final int n = L.numRows;
    leftFactor(rule, L, LBar, WBar);
    final int m = M.numCols;
    BlockProduct.multAdd(1.0, n, n, m, WBar.data, 0, n, M.data, 0, m, MBar.data, 0, m);
  }

  /**
   * The left factor of the adjoint from the input, for an L with no small pivot ({@link
   * #invertibleEnough}):
   *
   * <pre>
   *   M̄ = K M,   K = W̄ L⁻¹ = (L̄ + Tᵀ Z) L⁻¹      (n × n)
   * </pre>
   *
   * For a caller that needs only some of M̄'s rows, or M̄ through a product it can reassociate: the
   * Kalman filter's update block {@code [[H S⁻, cholR], [S⁻, 0]]} gives S̄⁻ = ([Hᵀ, I] K [H; I]) S⁻
   * without forming M̄'s lower rows. {@link #vjpAddFromInput} is this factor times M.
   *
   * @param L n × n factor of M, {@link #invertibleEnough}. Not modified.
   * @param LBar n × n adjoint of L. Not modified.
   * @param K output, reshaped to n × n. Modified.
   */
  public void vjpLeftFactor(TriaRule rule, DMatrixRMaj L, DMatrixRMaj LBar, DMatrixRMaj K) {
    vjpLeftFactor(rule, L, LBar, K, false);
  }

  /** {@link #vjpLeftFactor}, without checking L again when the decomposition already did. */
  void vjpLeftFactor(
      TriaRule rule, DMatrixRMaj L, DMatrixRMaj LBar, DMatrixRMaj K, boolean inputChecked) {
    if (!inputChecked) {
      requireInvertible(L);
    }
    leftFactor(rule, L, LBar, K);
  }

  /** K = W̄ L⁻¹ (n × n), through the workspace. */
  private void leftFactor(TriaRule rule, DMatrixRMaj L, DMatrixRMaj LBar, DMatrixRMaj K) {
    wBar(rule, L, LBar);
    TriangularSolve.rightLower(L, WBar, null); // W̄ L⁻¹
    if (K != WBar) {
      K.setTo(WBar);
    }
  }

  private static void checkLBar(DMatrixRMaj L, DMatrixRMaj LBar) {
    final int n = L.numRows;
    if (LBar.numRows != n || LBar.numCols != n) {
      throw new IllegalArgumentException(
          "tria VJP: LBar is "
              + LBar.numRows
              + " × "
              + LBar.numCols
              + ", expected "
              + n
              + " × "
              + n);
    }
  }

  private static void checkInputShapes(DMatrixRMaj L, DMatrixRMaj M, DMatrixRMaj MBar) {
    final int n = L.numRows;
    if (M.numRows != n || MBar.numRows != n || MBar.numCols != M.numCols) {
      throw new IllegalArgumentException(
          "tria VJP: M is "
              + M.numRows
              + " × "
              + M.numCols
              + " and MBar "
              + MBar.numRows
              + " × "
              + MBar.numCols
              + "; expected both n × m with n = "
              + n);
    }
  }

  /**
   * Whether {@code Q} may be replaced by {@code Mᵀ L⁻ᵀ} for this L: when L has no zero pivot and
   * its 1-norm condition number, estimated by Hager's method in O(n²) without forming L⁻¹, is at
   * most 1e6 (the replacement then loses at most about 1e-10 relative). The rule {@link Tria}
   * applies when it computes factors for derivatives; an allocating convenience.
   *
   * @param L n × n lower-triangular factor. Not modified.
   */
  public static boolean invertibleEnough(DMatrixRMaj L) {
    return new InputForm(L.numRows).permits(L);
  }

  private void requireInvertible(DMatrixRMaj L) {
    if (!inputForm.permits(L)) {
      throw new IllegalArgumentException(
          "tria derivative from M needs an L without small pivots; form Q instead");
    }
  }

  /** W̄ = L̄ + Tᵀ Z with Y = Lᵀ L̄, Z = strictly_upper(Yᵀ − Y), into the workspace. */
  private void wBar(TriaRule rule, DMatrixRMaj L, DMatrixRMaj LBar) {
    final int n = L.numRows;
    checkLBar(L, LBar);
    lowerTransposeTimes(L, LBar, Y); // Y = Lᵀ L̄
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
  }

  /**
   * D −= L B for a lower-triangular L (n × n) and any B (n × n): row i of L stops at the diagonal,
   * half the work of a general product. Every entry of L's triangle is used, zero or not, so a NaN
   * or infinity in B (the full-rank rule at a zero pivot) reaches D as a dense product's would.
   */
  private static void lowerTimesSubtract(DMatrixRMaj L, DMatrixRMaj B, DMatrixRMaj D) {
    final int n = L.numRows;
    final double[] l = L.data;
    final double[] b = B.data;
    final double[] d = D.data;
    for (int i = 0; i < n; i++) {
      final int rowI = i * n;
      for (int k = 0; k <= i; k++) {
        final double lik = l[rowI + k];
        final int rowK = k * n;
        for (int j = 0; j < n; j++) {
          d[rowI + j] -= lik * b[rowK + j];
        }
      }
    }
  }

  /**
   * Y = Lᵀ B for a lower-triangular L (n × n) and any B (n × n): row i of Y sums rows k ≥ i of B,
   * half the work of a general product.
   */
  private static void lowerTransposeTimes(DMatrixRMaj L, DMatrixRMaj B, DMatrixRMaj Y) {
    final int n = L.numRows;
    Y.reshape(n, n);
    final double[] l = L.data;
    final double[] b = B.data;
    final double[] y = Y.data;
    java.util.Arrays.fill(y, 0, n * n, 0.0);
    for (int k = 0; k < n; k++) {
      int rowK = k * n;
      for (int i = 0; i <= k; i++) {
        double lki = l[rowK + i];
        if (lki == 0.0) {
          continue;
        }
        int rowI = i * n;
        for (int j = 0; j < n; j++) {
          y[rowI + j] += lki * b[rowK + j];
        }
      }
    }
  }

  /**
   * Adjoint for a loss that depends on M only through its Gramian {@code G = M Mᵀ}, from the input,
   * accumulated: {@code M̄ += L̄ L⁻¹ M}. Then {@code L̄ = 2 Ḡ L} with Ḡ symmetric, so {@code Y = Lᵀ
   * L̄} is symmetric, Z = 0 and every rule's VJP reduces to this; it saves the products that form Y
   * and Z. For a caller that knows what follows reads L only through {@code L Lᵀ} (the Kalman
   * filter's predicted factor) and whose own adjoints are exact.
   *
   * @param L n × n factor of M, {@link #invertibleEnough}. Not modified.
   * @param M n × m input. Not modified.
   * @param LBar n × n, of the form 2 Ḡ L. Not modified.
   * @param MBar n × m; the result is added to it. Modified.
   */
  public void vjpAddGramianFromInput(
      DMatrixRMaj L, DMatrixRMaj M, DMatrixRMaj LBar, DMatrixRMaj MBar) {
    vjpAddGramianFromInput(L, M, LBar, MBar, false);
  }

  /** {@link #vjpAddGramianFromInput}, without checking L again when the decomposition did. */
  void vjpAddGramianFromInput(
      DMatrixRMaj L, DMatrixRMaj M, DMatrixRMaj LBar, DMatrixRMaj MBar, boolean inputChecked) {
    if (!inputChecked) {
      requireInvertible(L);
    }
    checkInputShapes(L, M, MBar);
    checkLBar(L, LBar);
    K.setTo(LBar);
    TriangularSolve.rightLower(L, K, null); // L̄ L⁻¹
    final int n = L.numRows;
    final int m = M.numCols;
    BlockProduct.multAdd(1.0, n, n, m, K.data, 0, n, M.data, 0, m, MBar.data, 0, m);
  }

  /**
   * K = T W for the rule, of which the caller reads only the strictly upper triangle: the two
   * solves compute that triangle alone ({@link TriangularSolve#lowerStrictlyUpperPart}).
   */
  private void applyTStrictlyUpper(TriaRule rule, DMatrixRMaj L, DMatrixRMaj W, DMatrixRMaj K) {
    switch (rule) {
      case FULL_RANK:
        K.setTo(W);
        TriangularSolve.lowerStrictlyUpperPart(L, K, null);
        break;
      case MASKED:
        K.setTo(W);
        TriangularSolve.lowerStrictlyUpperPart(L, K, maskThresholds(L));
        break;
      case PSEUDOINVERSE:
        pinv.compute(L);
        CommonOps_DDRM.mult(pinv.result(), W, K);
        break;
      default:
        throw new AssertionError(rule);
    }
  }

  /** X = Tᵀ Z for the rule; Z is strictly upper triangular, and so is X for the two solves. */
  private void applyTTransposed(TriaRule rule, DMatrixRMaj L, DMatrixRMaj Z, DMatrixRMaj X) {
    switch (rule) {
      case FULL_RANK:
        X.setTo(Z);
        TriangularSolve.lowerTransposedStrictlyUpper(L, X, null);
        break;
      case MASKED:
        X.setTo(Z);
        TriangularSolve.lowerTransposedStrictlyUpper(L, X, maskThresholds(L));
        break;
      case PSEUDOINVERSE:
        pinv.compute(L);
        CommonOps_DDRM.multTransA(pinv.result(), Z, X);
        break;
      default:
        throw new AssertionError(rule);
    }
  }

  /**
   * τ of {@link RankThreshold} for the pivots of L, scaled by the largest row norm of L (which
   * equals the largest row norm of M, as L Lᵀ = M Mᵀ); the same for every pivot of a block. Rows
   * {@code [0, maskSplit)} and {@code [maskSplit, n)} are scaled separately when a caller declared
   * two blocks: rows in different units (the exact diffuse collapse's diffuse rows, in inverse data
   * units, beside its unit-free innovation row) would otherwise judge one block's pivots by the
   * other's size, and a live pivot is masked once the units differ by about 1/(10³ n ε).
   */
  double[] maskThresholds(DMatrixRMaj L) {
    final int n = L.numRows;
    if (rowTau.length < n) {
      rowTau = new double[n];
    }
    if (maskSplit > 0 && maskSplit < n) {
      fillBlockThreshold(L, 0, maskSplit);
      fillBlockThreshold(L, maskSplit, n);
    } else {
      fillBlockThreshold(L, 0, n);
    }
    return rowTau;
  }

  /** rowTau[from, to) = τ(n, n, largest row norm of L among rows [from, to)). */
  private void fillBlockThreshold(DMatrixRMaj L, int from, int to) {
    final int n = L.numRows;
    final double[] l = L.data;
    double largest = 0;
    for (int j = from; j < to; j++) {
      double sq = 0;
      for (int c = 0; c <= j; c++) {
        double v = l[j * n + c];
        sq += v * v;
      }
      largest = Math.max(largest, sq);
    }
    java.util.Arrays.fill(rowTau, from, to, RankThreshold.tau(n, n, Math.sqrt(largest)));
  }

  private static void checkShapes(DMatrixRMaj L, DMatrixRMaj Q, DMatrixRMaj X, String name) {
    if (L.numRows != L.numCols || Q.numCols != L.numRows) {
      throw new IllegalArgumentException(
          "tria derivative: L is "
              + L.numRows
              + " × "
              + L.numCols
              + " and Q is "
              + Q.numRows
              + " × "
              + Q.numCols
              + "; expected L n × n and Q m × n");
    }
    if (X.numRows != L.numRows || X.numCols != Q.numRows) {
      throw new IllegalArgumentException(
          "tria derivative: "
              + name
              + " is "
              + X.numRows
              + " × "
              + X.numCols
              + ", expected "
              + L.numRows
              + " × "
              + Q.numRows);
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
    f.jvp(new TriaAdjoint(M.numRows, M.numCols), rule, dM, dL);
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
    f.vjpAdd(new TriaAdjoint(M.numRows, M.numCols), rule, LBar, MBar);
    return MBar;
  }
}
