package io.gramian.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * One triangularisation {@code L = tria(M)} with what its derivatives need: the input {@code M} (n
 * × m), {@code L} (n × n, lower triangular, {@code diag(L) ≥ 0}) and, when it was formed, {@code Q}
 * (m × n) with {@code M = L Qᵀ}. Q is formed only when L has a small pivot ({@link
 * TriaAdjoint#invertibleEnough}); otherwise the derivatives use {@code Qᵀ = L⁻¹ M} and Q is never
 * built, which saves about half of a recorded step. The record decides which form its derivatives
 * take, so a caller asks for {@link #jvp}, {@link #vjpAdd} or {@link #vjpAddGramian} and never
 * chooses.
 *
 * <p>A mutable workspace: a caller fills {@link #input()}, runs {@link Tria#decompose(TriaFactors,
 * boolean)}, and may {@link #store} the factors it needs later and {@link #restore} them into
 * another record, without allocating. Not thread-safe.
 */
public final class TriaFactors {

  private final DMatrixRMaj M;
  private final DMatrixRMaj L;
  private final DMatrixRMaj Q;
  private boolean qFormed;
  private boolean inputChecked;

  /** A record for inputs up to {@code maxRows × maxCols}. */
  public TriaFactors(int maxRows, int maxCols) {
    M = new DMatrixRMaj(maxRows, maxCols);
    L = new DMatrixRMaj(maxRows, maxRows);
    Q = new DMatrixRMaj(maxCols, maxRows);
  }

  /** The input M (n × m): filled by the caller before a decomposition. */
  public DMatrixRMaj input() {
    return M;
  }

  /** L, n × n lower triangular. */
  public DMatrixRMaj L() {
    return L;
  }

  /** Q, m × n with {@code M = L Qᵀ}; meaningful when {@link #hasQ()}. */
  public DMatrixRMaj Q() {
    return Q;
  }

  /** Whether Q was formed; if not, the derivatives take M in its place. */
  public boolean hasQ() {
    return qFormed;
  }

  /** Rows n of M (and the size of L). */
  public int n() {
    return L.numRows;
  }

  /** Columns m of M. */
  public int m() {
    return qFormed ? Q.numRows : M.numCols;
  }

  /**
   * Records how the decomposition left the factors: with Q, or, when {@code inputChecked}, without
   * Q because L was found to permit the input form (so the derivatives need not check it again).
   */
  void formed(boolean withQ, boolean inputChecked) {
    qFormed = withQ;
    this.inputChecked = !withQ && inputChecked;
  }

  /** The matrix of Q's storage, for {@link Tria} to fill. */
  DMatrixRMaj qStorage() {
    return Q;
  }

  /**
   * Tangent {@code dL} for a perturbation {@code dM} ({@link TriaAdjoint#jvp}).
   *
   * @param adjoint workspace
   * @param dM n × m. Not modified.
   * @param dL output, reshaped to n × n. Modified.
   */
  public void jvp(TriaAdjoint adjoint, TriaRule rule, DMatrixRMaj dM, DMatrixRMaj dL) {
    if (qFormed) {
      adjoint.jvp(rule, L, Q, dM, dL);
    } else {
      adjoint.jvpFromInput(rule, L, M, dM, dL, inputChecked);
    }
  }

  /**
   * Adjoint, accumulated: {@code M̄ += VJP(L̄)} ({@link TriaAdjoint#vjpAdd}).
   *
   * @param adjoint workspace
   * @param LBar n × n. Not modified.
   * @param MBar n × m; the result is added to it. Modified.
   */
  public void vjpAdd(TriaAdjoint adjoint, TriaRule rule, DMatrixRMaj LBar, DMatrixRMaj MBar) {
    if (qFormed) {
      adjoint.vjpAdd(rule, L, Q, LBar, MBar);
    } else {
      adjoint.vjpAddFromInput(rule, L, M, LBar, MBar, inputChecked);
    }
  }

  /**
   * The adjoint's left factor {@code K} with {@code M̄ = K M} ({@link TriaAdjoint#vjpLeftFactor}),
   * when Q was not formed; otherwise nothing, and the caller takes {@link #vjpAdd}.
   *
   * @param K output, reshaped to n × n when formed. Modified.
   * @return whether K was formed
   */
  public boolean vjpLeftFactor(
      TriaAdjoint adjoint, TriaRule rule, DMatrixRMaj LBar, DMatrixRMaj K) {
    if (qFormed) {
      return false;
    }
    adjoint.vjpLeftFactor(rule, L, LBar, K, inputChecked);
    return true;
  }

  /**
   * Adjoint for a loss that reads L only through {@code L Lᵀ}, accumulated: with {@code L̄ = 2 Ḡ L}
   * (Ḡ symmetric) every rule's VJP reduces to {@code M̄ += L̄ L⁻¹ M} ({@link
   * TriaAdjoint#vjpAddGramianFromInput}), taken here when Q was not formed and the rule is {@link
   * TriaRule#MASKED}, exact for any rank; otherwise {@link #vjpAdd}.
   */
  public void vjpAddGramian(
      TriaAdjoint adjoint, TriaRule rule, DMatrixRMaj LBar, DMatrixRMaj MBar) {
    if (!qFormed && rule == TriaRule.MASKED) {
      adjoint.vjpAddGramianFromInput(L, M, LBar, MBar, inputChecked);
    } else {
      vjpAdd(adjoint, rule, LBar, MBar);
    }
  }

  /** Entries {@link #store} writes for the second factor (Q or M): {@code n · m} either way. */
  public int basisSize() {
    return n() * m();
  }

  /**
   * Copies L (n · n entries) and Q or M (n · m entries) into flat storage.
   *
   * @return whether Q was stored (else M); {@link #restore} needs it
   */
  public boolean store(double[] lOut, int lOffset, double[] basisOut, int basisOffset) {
    final int n = n();
    System.arraycopy(L.data, 0, lOut, lOffset, n * n);
    DMatrixRMaj basis = qFormed ? Q : M;
    System.arraycopy(basis.data, 0, basisOut, basisOffset, basis.getNumElements());
    return qFormed;
  }

  /**
   * Refills L alone (n × n) from flat storage, for a record whose second factor was not kept (its
   * factors decomposed without {@code forDerivatives}): M is reshaped to n × m with its entries
   * left as they are, to be written by the caller (into {@link #input()}) before any derivative
   * that reads it; L counts as unchecked, so a derivative in the input form checks it first.
   */
  public void restoreFactor(int n, int m, double[] lIn, int lOffset) {
    L.reshape(n, n, false);
    System.arraycopy(lIn, lOffset, L.data, 0, n * n);
    M.reshape(n, m, false);
    qFormed = false;
    inputChecked = false;
  }

  /**
   * Refills this record from flat storage written by {@link #store}: L n × n, and Q (m × n) when
   * {@code withQ}, else M (n × m). Storage holds factors a pass for derivatives decomposed ({@link
   * Tria#decompose(TriaFactors, boolean)} with {@code forDerivatives}), so without Q their L was
   * checked to permit the input form.
   */
  public void restore(
      int n, int m, boolean withQ, double[] lIn, int lOffset, double[] basisIn, int basisOffset) {
    L.reshape(n, n, false);
    System.arraycopy(lIn, lOffset, L.data, 0, n * n);
    DMatrixRMaj basis = withQ ? Q : M;
    if (withQ) {
      Q.reshape(m, n, false);
    } else {
      M.reshape(n, m, false);
    }
    System.arraycopy(basisIn, basisOffset, basis.data, 0, n * m);
    qFormed = withQ;
    inputChecked = !withQ;
  }
}
