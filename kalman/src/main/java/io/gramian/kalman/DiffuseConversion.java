package io.gramian.kalman;

import io.gramian.autodiff.BlockProduct;
import io.gramian.autodiff.SparseHouseholderTria;
import io.gramian.autodiff.TriaAdjoint;
import io.gramian.autodiff.TriaFactors;
import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.TriangularSolve;
import org.ejml.data.DMatrixRMaj;

/**
 * The exact diffuse filter turned into the ordinary one once the data identify every diffuse
 * direction (de Jong's collapse). After step t₀'s update, with the mean matrix {@code X⁺ = [m, Ā]}
 * (nx × w, w = 1 + d), the filtered factor S⁺ (nx × nx) and the collapse factor {@code L_c =
 * [[L_ZZ, 0], [l_zZ, l_zz]]} of {@link DiffuseCollapse}:
 *
 * <pre>
 *   δ̂ = −L_ZZ⁻ᵀ l_zZᵀ,   B = Ā L_ZZ⁻ᵀ                      (d, nx × d)
 *   m' = m + Ā δ̂,        S' = tria([S⁺, B])               (nx × 1, nx × nx)
 * </pre>
 *
 * m' and {@code S' S'ᵀ = P⁺ + Ā (L_ZZ L_ZZᵀ)⁻¹ Āᵀ} are the mean and covariance of the state given
 * y_1..y_t₀ with δ integrated out under its flat prior ({@link Collapsed} reports the same
 * moments). From t₀ + 1 on the filter carries m' alone and takes the ordinary quadratic terms −½
 * ‖z_t‖²: each later ℓ_t is then the density of y_t given the data before it, which is what the
 * augmented filter's ℓ_t (with its increment of Φ) is as well, so ℓ and every ℓ_t are unchanged
 * while the d sensitivity columns of the mean and the collapse's triangularisation drop out of
 * every later step.
 *
 * <p>The derivatives: the adjoint (from m̄' and S̄', or S̄' in the Gramian form {@code G S'}) and
 * the tangent of these three formulas, with the solves by L_ZZ and {@code tria}'s own rules for S'.
 * The conversion waits until every direction is identified well enough ({@link #ready}, {@link
 * #RELATIVE_PIVOT}); until then the filter stays augmented, which is exact at any conditioning.
 *
 * <p>One workspace per filter, holding the last conversion for the reverse and tangent sweeps.
 * Allocates nothing once built.
 */
final class DiffuseConversion {

  /**
   * Smallest relative pivot ({@link #smallestRelativePivot}) at which the filter converts. B = Ā
   * L_ZZ⁻ᵀ carries L_ZZ's conditioning into S', and the converted filter's ℓ and gradient then
   * disagree in their last digits by that factor: on a daily series with a weekly dummy and a
   * two-harmonic yearly seasonal, converting at the first identified step (relative pivot 2e-5)
   * made the fit's line search fail, and at 1e-3 the fit took 39 evaluations instead of 26; at 1e-2
   * and above it runs as the augmented filter's. A monthly BSM's is about 0.4 to 0.65 at step 13; a
   * trend with a period-2 seasonal and a noisy stable part (DiffuseFilterTest) levels off at 0.078.
   */
  static final double RELATIVE_PIVOT = 0.05;

  private final int nx;
  private final int d;
  private final int w;
  private final SparseHouseholderTria tria;
  private final TriaAdjoint adjoint;

  /** The block [S⁺, B] and S', with Q when the derivatives need it. */
  private final TriaFactors factors;

  /** L_c, X⁺ = [m, Ā] before the conversion, δ̂ and B of the last conversion. */
  private final DMatrixRMaj Lc;

  private final DMatrixRMaj XBefore;
  private final double[] delta;
  private final DMatrixRMaj B;

  /** Columns s of S⁺ at the last conversion. */
  private int s;

  /** Workspaces: M̄ of the block, B̄ (nx × d), the tangent's dM, dL and dδ̂. */
  private final DMatrixRMaj MBar;

  private final DMatrixRMaj BBar;
  private final DMatrixRMaj dM;
  private final DMatrixRMaj dL;
  private final double[] work;

  DiffuseConversion(Dimensions dims) {
    nx = dims.nx();
    d = dims.diffuseRank();
    w = dims.meanCols();
    tria = new SparseHouseholderTria(nx, nx + d);
    adjoint = new TriaAdjoint(nx, nx + d);
    factors = new TriaFactors(nx, nx + d);
    Lc = new DMatrixRMaj(w, w);
    XBefore = new DMatrixRMaj(nx, w);
    delta = new double[d];
    B = new DMatrixRMaj(nx, d);
    MBar = new DMatrixRMaj(nx, nx + d);
    BBar = new DMatrixRMaj(nx, d);
    dM = new DMatrixRMaj(nx, nx + d);
    dL = new DMatrixRMaj(nx, nx);
    work = new double[Math.max(d, 1)];
  }

  /**
   * Whether the filter may convert with this collapse factor: every diffuse pivot identified
   * ({@link DiffuseCollapse#identified}) and no relative pivot below {@link #RELATIVE_PIVOT}.
   */
  static boolean ready(DMatrixRMaj Lc) {
    final int d = Lc.numRows - 1;
    if (d == 0 || DiffuseCollapse.identified(Lc) < d) {
      return false;
    }
    return smallestRelativePivot(Lc) >= RELATIVE_PIVOT;
  }

  /**
   * min_j (L_ZZ)_jj / ‖(L_ZZ)_j,:‖: the sine of the angle between diffuse direction j's row and the
   * span of the rows before it, which no rescaling of the directions changes.
   */
  static double smallestRelativePivot(DMatrixRMaj Lc) {
    final int d = Lc.numRows - 1;
    final int w = Lc.numCols;
    double smallest = Double.POSITIVE_INFINITY;
    for (int j = 0; j < d; j++) {
      double norm = 0;
      for (int k = 0; k <= j; k++) {
        norm = Math.hypot(norm, Lc.data[j * w + k]);
      }
      smallest = Math.min(smallest, Math.abs(Lc.data[j * w + j]) / norm);
    }
    return smallest;
  }

  /**
   * Converts: X ← m' (nx × 1), S ← S' (nx × nx). Keeps what the derivatives need.
   *
   * @param Lc the collapse factor after step t₀ (w × w). Not modified.
   * @param X on entry X⁺ = [m, Ā] (nx × w), on exit m'. Modified.
   * @param S on entry S⁺ (nx × nx), on exit S'. Modified.
   * @param forDerivatives whether the triangularisation keeps Q where its derivatives need it
   */
  void convert(DMatrixRMaj Lc, DMatrixRMaj X, DMatrixRMaj S, boolean forDerivatives) {
    this.Lc.setTo(Lc);
    XBefore.setTo(X);
    Collapsed.gls(Lc, delta, null); // every direction is identified here
    B.reshape(nx, d, false);
    for (int i = 0; i < nx; i++) {
      System.arraycopy(X.data, i * w + 1, B.data, i * d, d);
    }
    TriangularSolve.rightLowerTransposed(Lc, d, B.data, 0, d, nx, null);
    s = S.numCols;
    final int cols = s + d;
    DMatrixRMaj M = factors.input();
    M.reshape(nx, cols, false);
    for (int i = 0; i < nx; i++) {
      System.arraycopy(S.data, i * s, M.data, i * cols, s);
      System.arraycopy(B.data, i * d, M.data, i * cols + s, d);
    }
    tria.decompose(factors, forDerivatives);
    X.reshape(nx, 1, false);
    for (int i = 0; i < nx; i++) {
      double v = XBefore.data[i * w];
      for (int j = 0; j < d; j++) {
        v += XBefore.data[i * w + 1 + j] * delta[j];
      }
      X.data[i] = v;
    }
    S.setTo(factors.L());
  }

  /** S' of the last conversion, nx × nx. Not to be modified. */
  DMatrixRMaj factor() {
    return factors.L();
  }

  /**
   * The adjoint of the last conversion:
   *
   * <pre>
   *   [S̄⁺, B̄] = tria_vjp([S⁺, B], S̄')      (or G [S⁺, B] in the Gramian form S̄' = G S')
   *   δ̂̄ = Āᵀ m̄',   v = L_ZZ⁻¹ δ̂̄
   *   m̄ = m̄',   Ā̄ = m̄' δ̂ᵀ + B̄ L_ZZ⁻¹
   *   l̄_zZ += −vᵀ,   L̄_ZZ += −tril(δ̂ vᵀ + L_ZZ⁻ᵀ B̄ᵀ B)
   * </pre>
   *
   * In the Gramian form S̄⁺ = G S⁺ too (P' = P⁺ + B Bᵀ), so the caller keeps G as P⁺'s adjoint and
   * S̄⁺ is not formed.
   *
   * @param mBar m̄' (nx × 1). Not modified.
   * @param G the Gramian form's G (nx × nx), or null: S̄' is then in {@code SBar}
   * @param SBar without G: on entry S̄' (nx × nx), on exit S̄⁺. Modified.
   * @param XBar output X̄⁺ = [m̄, Ā̄], reshaped to nx × w. Modified.
   * @param LcBar L̄_c (w × w), added to. Modified.
   */
  void adjoint(
      TriaRule rule,
      DMatrixRMaj mBar,
      DMatrixRMaj G,
      DMatrixRMaj SBar,
      DMatrixRMaj XBar,
      DMatrixRMaj LcBar) {
    BBar.reshape(nx, d, false);
    BBar.zero();
    if (G != null) {
      BlockProduct.multAdd(1.0, nx, nx, d, G.data, 0, nx, B.data, 0, d, BBar.data, 0, d);
    } else {
      MBar.reshape(nx, s + d, false);
      MBar.zero();
      factors.vjpAddGramian(adjoint, rule, SBar, MBar);
      SBar.reshape(nx, s, false);
      for (int i = 0; i < nx; i++) {
        System.arraycopy(MBar.data, i * (s + d), SBar.data, i * s, s);
        System.arraycopy(MBar.data, i * (s + d) + s, BBar.data, i * d, d);
      }
    }
    // v = L_ZZ⁻¹ Āᵀ m̄'
    for (int j = 0; j < d; j++) {
      double v = 0;
      for (int i = 0; i < nx; i++) {
        v += XBefore.data[i * w + 1 + j] * mBar.data[i];
      }
      work[j] = v;
    }
    TriangularSolve.lower(Lc, d, work, 0, 1, 1, null);
    // L̄_ZZ += −tril((B̄ L_ZZ⁻¹)ᵀ B): first B̄ ← B̄ L_ZZ⁻¹, which is also Ā̄'s share
    TriangularSolve.rightLower(Lc, d, BBar.data, 0, d, nx, null);
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        double v = delta[a] * work[b];
        for (int i = 0; i < nx; i++) {
          v += BBar.data[i * d + a] * B.data[i * d + b];
        }
        LcBar.data[a * w + b] -= v;
      }
      LcBar.data[d * w + a] -= work[a];
    }
    XBar.reshape(nx, w, false);
    for (int i = 0; i < nx; i++) {
      double m = mBar.data[i];
      XBar.data[i * w] = m;
      for (int j = 0; j < d; j++) {
        XBar.data[i * w + 1 + j] = m * delta[j] + BBar.data[i * d + j];
      }
    }
  }

  /**
   * The tangent of the last conversion:
   *
   * <pre>
   *   dδ̂ = −L_ZZ⁻ᵀ (dl_zZᵀ + dL_ZZᵀ δ̂)
   *   dm' = dm + dĀ δ̂ + Ā dδ̂,   dB = (dĀ − B dL_ZZᵀ) L_ZZ⁻ᵀ
   *   dS' = tria_jvp([S⁺, B]; [dS⁺, dB])
   * </pre>
   *
   * @param dX on entry dX⁺ = [dm, dĀ] (nx × w), on exit dm' (nx × 1). Modified.
   * @param dS on entry dS⁺ (nx × s), on exit dS' (nx × nx). Modified.
   * @param dLc dL_c (w × w). Not modified.
   */
  void tangent(TriaRule rule, DMatrixRMaj dX, DMatrixRMaj dS, DMatrixRMaj dLc) {
    final int cols = s + d;
    // dδ̂ = −L_ZZ⁻ᵀ (dl_zZᵀ + dL_ZZᵀ δ̂)
    for (int j = 0; j < d; j++) {
      double v = dLc.data[d * w + j];
      for (int a = j; a < d; a++) {
        v += dLc.data[a * w + j] * delta[a];
      }
      work[j] = -v;
    }
    TriangularSolve.lowerTransposed(Lc, d, work, 0, 1, 1, null);
    // dB = (dĀ − B dL_ZZᵀ) L_ZZ⁻ᵀ, written into dM's last d columns beside dS⁺
    dM.reshape(nx, cols, false);
    for (int i = 0; i < nx; i++) {
      System.arraycopy(dS.data, i * s, dM.data, i * cols, s);
      for (int j = 0; j < d; j++) {
        double v = dX.data[i * w + 1 + j];
        for (int a = 0; a <= j; a++) {
          v -= B.data[i * d + a] * dLc.data[j * w + a];
        }
        dM.data[i * cols + s + j] = v;
      }
    }
    TriangularSolve.rightLowerTransposed(Lc, d, dM.data, s, cols, nx, null);
    factors.jvp(adjoint, rule, dM, dL);
    dS.setTo(dL);
    // dm' = dm + dĀ δ̂ + Ā dδ̂, in place into column 0 and then compacted
    for (int i = 0; i < nx; i++) {
      double v = dX.data[i * w];
      for (int j = 0; j < d; j++) {
        v += dX.data[i * w + 1 + j] * delta[j] + XBefore.data[i * w + 1 + j] * work[j];
      }
      dX.data[i] = v;
    }
    dX.reshape(nx, 1, true);
  }
}
