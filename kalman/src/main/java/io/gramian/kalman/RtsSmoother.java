package io.gramian.kalman;

import io.gramian.autodiff.SparseHouseholderTria;
import io.gramian.autodiff.Tria;
import io.gramian.autodiff.TriangularSolve;
import org.ejml.data.DMatrixRMaj;

/**
 * The square-root Rauch–Tung–Striebel smoother: from the filtered moments {@code m⁺_t, S⁺_t} of a
 * {@link FilterResult}, the moments of x_t given all observations, walking back from {@code
 * m^s_{T−1} = m⁺_{T−1}, S^s_{T−1} = S⁺_{T−1}}. Every step is a {@code tria} of a stacked block;
 * nothing is symmetrised, jittered or inverted.
 *
 * <pre>
 *   M_t = [[F_t S⁺_t, cholQ_t], [S⁺_t, 0]]        (2 nx × (s + q)),   s = columns of S⁺_t
 *   tria(M_t) = [[Ψ11, 0], [Ψ21, Ψ22]]
 *   G_t = Ψ21 Ψ11⁻¹                                (triangular solve)
 *   m^s_t = m⁺_t + G_t (m^s_{t+1} − F_t m⁺_t − c_t)
 *   S^s_t = tria([Ψ22, G_t S^s_{t+1}])
 * </pre>
 *
 * <p>Why: {@code M_t M_tᵀ = [[P⁻_{t+1}, F P⁺_t], [P⁺_t Fᵀ, P⁺_t]]} is the covariance of {@code
 * (x_{t+1}, x_t)} given {@code y_0 … y_t}, so {@code Ψ11 Ψ11ᵀ = P⁻_{t+1}}, {@code Ψ21 Ψ11ᵀ = P⁺_t
 * Fᵀ}, hence {@code G_t = P⁺_t Fᵀ (P⁻_{t+1})⁻¹ = Ψ21 Ψ11⁻¹}, and {@code Ψ22 Ψ22ᵀ = P⁺_t − G_t
 * P⁻_{t+1} G_tᵀ = Cov(x_t | x_{t+1}, y_0 … y_t)}. Then {@code P^s_t = Ψ22 Ψ22ᵀ + G_t P^s_{t+1}
 * G_tᵀ}, the RTS recursion (Särkkä, <i>Bayesian Filtering and Smoothing</i>, 2013, §8.2; the
 * square-root form as in cuthbert).
 *
 * <p><b>Singular P⁻_{t+1}</b> (rank-deficient {@code cholQ}, {@code cholP0 = 0}, …). A zero pivot
 * {@code j} of {@code Ψ11} means that row j of {@code M_t} is a combination of rows {@code 0 …
 * j−1}: the component {@code x_{t+1,j}} is an affine function of the components before it. The gain
 * is then {@code G_t = P⁺_t Fᵀ (P⁻_{t+1})⁺} on the range of {@code P⁻_{t+1}}, where {@code
 * m^s_{t+1} − m⁻_{t+1}} and the columns of {@code S^s_{t+1}} lie. Masking the zero pivot in the
 * solve alone is not enough: below a zero pivot, column j of {@code tria(M_t)} is {@code M_t q_j}
 * for a direction {@code q_j} the QR picks from rounding, so {@code Ψ11} (under the pivot) and
 * {@code Ψ21} keep arbitrary entries in that column. The masked solve then gives a gain with {@code
 * G P⁻ ≠ P⁺ Fᵀ} whenever such an entry of {@code Ψ11} is non-zero, and in every case {@code
 * tria([Ψ22, G S^s])} loses {@code Ψ21 (I − Ψ11⁺ Ψ11)}, the part of {@code Ψ21} outside the row
 * space of {@code Ψ11} (with {@code F = 0, cholQ = 0} it would return a zero smoothed covariance
 * instead of {@code P⁺_t}). So the smoother masks rows, not pivots: with {@code J = { j : |Ψ11_jj|
 * > τ_j }} (p = |J| kept components) it drops the rows not in J from the top block and
 * triangularises again,
 *
 * <pre>
 *   tria([[(F_t S⁺_t)[J,:], cholQ_t[J,:]], [S⁺_t, 0]]) = [[Ψ11, 0], [Ψ21, Ψ22]]   (p + nx rows)
 *   G_t = Ψ21 Ψ11⁻¹ E_Jᵀ,   m^s_t = m⁺_t + G_t δ,   S^s_t = tria([Ψ22, G_t S^s_{t+1}])
 * </pre>
 *
 * Conditioning on {@code x_{t+1}[J]} is conditioning on {@code x_{t+1}}, because the dropped
 * components are affine functions of the kept ones; the reduced {@code Ψ11} has the same non-zero
 * pivots as before and is invertible, {@code G_t} agrees with {@code P⁺ Fᵀ (P⁻)⁺} on the range of
 * {@code P⁻_{t+1}}, and the reduced {@code Ψ22 Ψ22ᵀ = P⁺ − P⁺ Fᵀ (P⁻)⁺ F P⁺}. The extra {@code
 * tria} runs only at steps with a zero pivot.
 *
 * <p>Threshold: pivot j is zero when {@code |Ψ11_jj| ≤ τ_j = Tria.rowRankThreshold(M_t, j)}, the
 * {@link Tria#rankThreshold} policy scaled by the norm of row j of the block, as the filter does
 * for the innovation factor: the Householder QR of {@code M_tᵀ} is backward stable column by
 * column, so the pivot of a dependent row is rounding of the size of that row.
 *
 * <p>An instance is a workspace for one set of {@link Dimensions}; the recursion itself allocates
 * nothing per step beyond the result and the copies that {@link FilterResult}'s accessors return.
 * It is not thread-safe; use one per thread.
 */
public final class RtsSmoother {

  private final Dimensions dims;
  private final SparseHouseholderTria tria;
  private final DMatrixRMaj M; // the joint block, then its reduced form
  private final DMatrixRMaj L;
  private final DMatrixRMaj G; // nx × p
  private final DMatrixRMaj Ms; // [Ψ22, G S^s_{t+1}[J,:]]
  private final DMatrixRMaj Ls;
  private final double[] mPred;
  private final double[] delta;
  private final int[] kept;

  /** A smoother workspace for systems of the given dimensions. */
  public RtsSmoother(Dimensions dims) {
    this.dims = dims;
    int nx = dims.nx();
    int blockCols = dims.predictCols();
    tria = new SparseHouseholderTria(2 * nx, Math.max(blockCols, 2 * nx));
    M = new DMatrixRMaj(2 * nx, blockCols);
    L = new DMatrixRMaj(2 * nx, 2 * nx);
    G = new DMatrixRMaj(nx, nx);
    Ms = new DMatrixRMaj(nx, 2 * nx);
    Ls = new DMatrixRMaj(nx, nx);
    mPred = new double[nx];
    delta = new double[nx];
    kept = new int[nx];
  }

  /** A smoother workspace sized for this system. */
  public static RtsSmoother forSystem(StateSpace system) {
    return new RtsSmoother(Dimensions.of(system));
  }

  /**
   * Smooths a filtering run.
   *
   * @param system the system the run was filtered with; {@code F(t), c(t), cholQ(t)} are asked for
   *     {@code t = 0 … T−2}
   * @param filtered the filter's output for that system. Not modified.
   * @return m^s_t and S^s_t (nx × nx lower triangular) for every step
   * @throws IllegalArgumentException if the dimensions of the system, the result and this workspace
   *     differ
   */
  public SmootherResult smooth(StateSpace system, FilterResult filtered) {
    Dimensions d = Dimensions.of(system);
    if (!d.equals(dims)) {
      throw new IllegalArgumentException(
          "this smoother was built for " + dims + " but the system has " + d);
    }
    if (filtered.nx() != dims.nx() || filtered.ny() != dims.ny()) {
      throw new IllegalArgumentException(
          "the filter result has nx = "
              + filtered.nx()
              + ", ny = "
              + filtered.ny()
              + " but the system has nx = "
              + dims.nx()
              + ", ny = "
              + dims.ny());
    }
    final int T = filtered.steps();
    final int nx = dims.nx();
    double[][] mean = new double[T][];
    DMatrixRMaj[] factor = new DMatrixRMaj[T];
    if (T == 0) {
      return new SmootherResult(nx, mean, factor);
    }
    if (system.diffuseRank() > 0) {
      return smoothDiffuse(system, filtered);
    }
    mean[T - 1] = filtered.filteredMean(T - 1);
    DMatrixRMaj last = filtered.filteredFactor(T - 1);
    if (T == 1 && filtered.observed(0).length == 0) {
      // S⁺_0 = cholP0 (nx × k, any shape): brought to nx × nx lower triangular.
      tria.decompose(last, Ls);
      factor[T - 1] = Ls.copy();
    } else {
      factor[T - 1] = last; // the update's D or a predict tria: nx × nx lower triangular
    }
    for (int t = T - 2; t >= 0; t--) {
      mean[t] = new double[nx];
      factor[t] = new DMatrixRMaj(nx, nx);
      step(
          system,
          t,
          1,
          filtered.filteredMean(t),
          filtered.filteredFactor(t),
          mean[t + 1],
          factor[t + 1],
          mean[t],
          factor[t]);
    }
    return new SmootherResult(nx, mean, factor);
  }

  /**
   * With exactly diffuse directions: the recursion runs on the augmented means X = [m, Ā] (the mean
   * for δ = 0 and its sensitivities, whose factors do not depend on δ), and each step is then
   * collapsed with the final collapse factor: δ at its estimate from all the data, its uncertainty
   * added to the factor ({@link Collapsed}).
   */
  private SmootherResult smoothDiffuse(StateSpace system, FilterResult result) {
    // a filter that turned into the ordinary one kept no diffuse moments: run it again augmented
    final FilterResult filtered =
        result.converted()
            ? SquareRootFilter.forSystem(system).filterAugmented(system, result.data())
            : result;
    final int T = filtered.steps();
    final int nx = dims.nx();
    final int w = 1 + dims.diffuseRank();
    double[][] augmented = new double[T][];
    DMatrixRMaj[] factor = new DMatrixRMaj[T];
    augmented[T - 1] = filtered.augmentedFilteredMean(T - 1).clone();
    DMatrixRMaj last = filtered.augmentedFilteredFactor(T - 1);
    if (last.numCols != nx) {
      tria.decompose(last, Ls);
      factor[T - 1] = Ls.copy();
    } else {
      factor[T - 1] = last.copy();
    }
    for (int t = T - 2; t >= 0; t--) {
      augmented[t] = new double[nx * w];
      factor[t] = new DMatrixRMaj(nx, nx);
      step(
          system,
          t,
          w,
          filtered.augmentedFilteredMean(t),
          filtered.augmentedFilteredFactor(t),
          augmented[t + 1],
          factor[t + 1],
          augmented[t],
          factor[t]);
    }
    Collapsed collapsed = new Collapsed(dims);
    DMatrixRMaj Lc = filtered.finalCollapse();
    double[][] mean = new double[T][];
    DMatrixRMaj X = new DMatrixRMaj(nx, w);
    for (int t = 0; t < T; t++) {
      X.setData(augmented[t]);
      mean[t] = collapsed.mean(X, Lc);
      factor[t] = collapsed.factor(X, factor[t], Lc);
    }
    return new SmootherResult(nx, mean, factor);
  }

  /**
   * One backward step from t + 1 to t.
   *
   * @param w columns of the mean: 1, or 1 + d for the augmented means [m, Ā] (row-major)
   * @param m m⁺_t, nx × w. Not modified.
   * @param S S⁺_t, nx × s. Not modified.
   * @param mNext m^s_{t+1}, nx × w. Not modified.
   * @param SNext S^s_{t+1}, nx × nx. Not modified.
   * @param mOut m^s_t, nx × w. Modified.
   * @param SOut S^s_t, nx × nx. Modified.
   */
  private void step(
      StateSpace system,
      int t,
      int w,
      double[] m,
      DMatrixRMaj S,
      double[] mNext,
      DMatrixRMaj SNext,
      double[] mOut,
      DMatrixRMaj SOut) {
    final int nx = dims.nx();
    final DMatrixRMaj F = system.F(t);
    final DMatrixRMaj c = system.c(t);

    // M = [[F S⁺, cholQ], [S⁺, 0]]
    PredictStep.jointBlock(F, S, system.cholQ(t), M);
    final double[] mb = M.data;
    final int cols = M.numCols;
    tria.decompose(M, L);

    final int p = dropDependentRows();
    gain(p);
    smoothedMean(F, c, w, p, m, mNext, mOut);
    smoothedFactor(p, SNext, SOut);
  }

  /**
   * Drops the rows of the joint block's top part whose pivot is zero ({@link
   * Tria#rowRankThreshold}) and triangularises the reduced block again, until every kept pivot is
   * non-zero. One pass suffices in exact arithmetic; the loop guards against a borderline pivot
   * that moves across τ when the block is triangularised again. Each pass removes a row.
   *
   * @return p, the number of kept rows; their indices are {@code kept[0..p)}
   */
  private int dropDependentRows() {
    final int nx = dims.nx();
    final double[] mb = M.data;
    final int cols = M.numCols;
    int p = nx;
    for (int j = 0; j < p; j++) {
      kept[j] = j;
    }
    while (true) {
      int keep = 0;
      for (int j = 0; j < p; j++) {
        if (Math.abs(L.unsafe_get(j, j)) > Tria.rowRankThreshold(M, j)) {
          kept[keep++] = kept[j];
          if (keep - 1 != j) {
            System.arraycopy(mb, j * cols, mb, (keep - 1) * cols, cols); // rows move up only
          }
        }
      }
      if (keep == p) {
        break;
      }
      // Move the nx rows [S⁺, 0] up under the kept rows and triangularise the reduced block.
      System.arraycopy(mb, p * cols, mb, keep * cols, nx * cols);
      p = keep;
      M.reshape(p + nx, cols, true);
      tria.decompose(M, L);
    }
    return p;
  }

  /** G (nx × p) solves G Ψ11 = Ψ21, Ψ11 the kept top-left block of L. */
  private void gain(int p) {
    final int nx = dims.nx();
    final int n = p + nx;
    final double[] l = L.data;
    G.reshape(nx, p, false);
    final double[] g = G.data;
    for (int i = 0; i < nx; i++) {
      System.arraycopy(l, (p + i) * n, g, i * p, p);
    }
    TriangularSolve.rightLower(L, p, g, 0, p, nx, null);
  }

  /** δ = (m^s_{t+1} − F m⁺ − c)[J], m^s_t = m⁺ + G δ, column by column (c in column 0). */
  private void smoothedMean(
      DMatrixRMaj F, DMatrixRMaj c, int w, int p, double[] m, double[] mNext, double[] mOut) {
    final int nx = dims.nx();
    final double[] g = G.data;
    for (int col = 0; col < w; col++) {
      for (int i = 0; i < nx; i++) {
        double v = col == 0 ? c.data[i] : 0.0;
        for (int k = 0; k < nx; k++) {
          v += F.data[i * nx + k] * m[k * w + col];
        }
        mPred[i] = v;
      }
      for (int j = 0; j < p; j++) {
        delta[j] = mNext[kept[j] * w + col] - mPred[kept[j]];
      }
      for (int i = 0; i < nx; i++) {
        double v = m[i * w + col];
        for (int j = 0; j < p; j++) {
          v += g[i * p + j] * delta[j];
        }
        mOut[i * w + col] = v;
      }
    }
  }

  /** S^s_t = tria([Ψ22, G S^s_{t+1}[J,:]]). */
  private void smoothedFactor(int p, DMatrixRMaj SNext, DMatrixRMaj SOut) {
    final int nx = dims.nx();
    final int n = p + nx;
    final double[] l = L.data;
    final double[] g = G.data;
    final int sn = SNext.numCols;
    Ms.reshape(nx, nx + sn, false);
    final double[] ms = Ms.data;
    final int wide = nx + sn;
    for (int i = 0; i < nx; i++) {
      System.arraycopy(l, (p + i) * n + p, ms, i * wide, nx);
      for (int j = 0; j < sn; j++) {
        double v = 0;
        for (int k = 0; k < p; k++) {
          v += g[i * p + k] * SNext.data[kept[k] * sn + j];
        }
        ms[i * wide + nx + j] = v;
      }
    }
    tria.decompose(Ms, Ls);
    SOut.setTo(Ls);
  }
}
