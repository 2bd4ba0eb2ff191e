package io.gramian.kalman;

import io.gramian.autodiff.Tria;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The moments of a filtering run, an immutable value. For each step t (0-based):
 *
 * <pre>
 *   predicted   m⁻_t, S⁻_t   (x_t given y_0 … y_{t−1}),  P⁻_t = S⁻_t S⁻_tᵀ
 *   filtered    m⁺_t, S⁺_t   (x_t given y_0 … y_t),      P⁺_t = S⁺_t S⁺_tᵀ
 *   innovation  e_t = y_t − H m⁻_t − d (NaN where y_t is missing), its factor A_t on the
 *               observed rows, and the whitened innovation z_t = A_t⁻¹ e_t
 * </pre>
 *
 * <p>With diffuse initial directions the moments are collapsed: the mean and factor given the data
 * so far with δ at its generalised least-squares estimate and its uncertainty added ({@link
 * Collapsed}); at a diffuse step ({@link #isDiffuse}) the directions not yet identified are left
 * out.
 */
public final class FilterResult {

  private final int T;
  private final int nx;
  private final int ny;
  private final double logLikelihood;
  private final double[] logLikelihoodTerms;
  private final double[][] predictedMean;
  private final double[][] filteredMean;
  private final DMatrixRMaj[] predictedFactor;
  private final DMatrixRMaj[] filteredFactor;
  private final double[][] innovation;
  private final double[][] whitenedInnovation;
  private final DMatrixRMaj[] innovationFactor;
  private final int[][] observed;
  private final boolean[] diffuse;

  /** With diffuse directions: X⁺_t = [m, Ā] (nx × (1 + d), row-major) and S⁺_t before collapse. */
  private final double[][] augmentedFilteredMean;

  private final DMatrixRMaj[] augmentedFilteredFactor;

  /** With diffuse directions: the collapse factor after the last step. */
  private DMatrixRMaj finalCollapse;

  /**
   * The observations, kept only when the filter turned into the ordinary one: the augmented moments
   * are then not kept, and the diffuse smoother runs the filter again on these.
   */
  private DMatrixRMaj data;

  private FilterResult(int T, int nx, int ny, double logLikelihood) {
    this.T = T;
    this.nx = nx;
    this.ny = ny;
    this.logLikelihood = logLikelihood;
    logLikelihoodTerms = new double[T];
    predictedMean = new double[T][];
    filteredMean = new double[T][];
    predictedFactor = new DMatrixRMaj[T];
    filteredFactor = new DMatrixRMaj[T];
    innovation = new double[T][];
    whitenedInnovation = new double[T][];
    innovationFactor = new DMatrixRMaj[T];
    observed = new int[T][];
    diffuse = new boolean[T];
    augmentedFilteredMean = new double[T][];
    augmentedFilteredFactor = new DMatrixRMaj[T];
  }

  static FilterResult fromTape(FilterTape tape, StateSpace system, DMatrixRMaj Y, double ll) {
    int T = tape.steps();
    int nx = system.nx();
    int ny = system.ny();
    FilterResult res = new FilterResult(T, nx, ny, ll);
    Collapsed collapsed = new Collapsed(Dimensions.of(system));
    // one workspace for every step's innovation factor: a Tria costs a QR to construct
    Tria innovationTria = new Tria(ny, nx + system.r());
    DMatrixRMaj X = new DMatrixRMaj(nx, 1 + system.diffuseRank());
    DMatrixRMaj S = new DMatrixRMaj(nx, nx);
    DMatrixRMaj Lc = new DMatrixRMaj(1, 1);
    // after a conversion to the ordinary filter its moments are the collapsed ones
    final int t0 = tape.convertedAt();
    final boolean converted = t0 >= 0;
    if (converted) {
      res.data = Y.copy();
    }
    for (int t = 0; t < T; t++) {
      res.logLikelihoodTerms[t] = tape.logLik(t);
      int p = tape.observedCount(t);
      res.observed[t] = slice(tape.observedIndex(), tape.observedOffset(t), p);

      tape.loadMeans(t, false, X);
      tape.loadPredictedFactor(t, system.cholP0(), S);
      if (converted && t > t0) {
        res.predictedMean[t] = firstColumn(X);
        res.predictedFactor[t] = S.copy();
      } else {
        if (system.diffuseRank() > 0) {
          tape.loadCollapseFactor(t - 1, Lc);
          res.diffuse[t] = DiffuseCollapse.identified(Lc) < system.diffuseRank();
        }
        res.predictedMean[t] = collapsed.mean(X, Lc);
        res.predictedFactor[t] = collapsed.factor(X, S, Lc);
      }

      tape.loadMeans(t, true, X);
      tape.loadFilteredFactor(t, system.cholP0(), S);
      if (converted && t >= t0) {
        res.filteredMean[t] = firstColumn(X);
        res.filteredFactor[t] = S.copy();
      } else {
        if (system.diffuseRank() > 0) {
          tape.loadCollapseFactor(t, Lc);
          if (!converted) {
            res.augmentedFilteredMean[t] = X.data.clone();
            res.augmentedFilteredFactor[t] = S.copy();
          }
          if (t == T - 1) {
            res.finalCollapse = Lc.copy();
          }
        }
        res.filteredMean[t] = collapsed.mean(X, Lc);
        res.filteredFactor[t] = collapsed.factor(X, S, Lc);
      }

      innovations(res, system, Y, t, innovationTria);
    }
    return res;
  }

  /**
   * e_t = y_t − H m⁻_t − d and its factor tria([H S⁻_t, cholR]) on the observed rows, from the
   * (collapsed) predicted moments; z_t = A_t⁻¹ e_t except at diffuse steps, where it is NaN.
   */
  private static void innovations(
      FilterResult res, StateSpace system, DMatrixRMaj Y, int t, Tria tria) {
    int nx = system.nx();
    int ny = system.ny();
    int[] obs = res.observed[t];
    int p = obs.length;
    DMatrixRMaj H = system.H(t);
    DMatrixRMaj d = system.d(t);
    DMatrixRMaj cholR = system.cholR(t);
    DMatrixRMaj Sp = res.predictedFactor[t];
    int s = Sp.numCols;
    int r = cholR.numCols;
    DMatrixRMaj M = new DMatrixRMaj(p, s + r);
    double[] e = new double[ny];
    java.util.Arrays.fill(e, Double.NaN);
    for (int i = 0; i < p; i++) {
      int row = obs[i];
      double v = Y.unsafe_get(t, row) - d.data[row];
      for (int j = 0; j < nx; j++) {
        v -= H.unsafe_get(row, j) * res.predictedMean[t][j];
      }
      e[row] = v;
    }
    UpdateBlock.observationRows(H, null, cholR, obs, 0, p, Sp, null, M);
    DMatrixRMaj A = new DMatrixRMaj(p, p);
    tria.decompose(M, A);
    double[] z = new double[ny];
    java.util.Arrays.fill(z, Double.NaN);
    if (!res.diffuse[t]) {
      double[] w = new double[p];
      for (int i = 0; i < p; i++) {
        w[i] = e[obs[i]];
      }
      io.gramian.autodiff.TriangularSolve.lower(A, p, w, 0, 1, 1, null); // z = A⁻¹ e
      for (int i = 0; i < p; i++) {
        z[obs[i]] = w[i];
      }
    }
    res.innovation[t] = e;
    res.whitenedInnovation[t] = z;
    res.innovationFactor[t] = A;
  }

  /** The mean of a one-column X (after a conversion). */
  private static double[] firstColumn(DMatrixRMaj X) {
    double[] mean = new double[X.numRows];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = X.data[i * X.numCols];
    }
    return mean;
  }

  private static double[] slice(double[] a, int from, int length) {
    double[] out = new double[length];
    System.arraycopy(a, from, out, 0, length);
    return out;
  }

  private static int[] slice(int[] a, int from, int length) {
    int[] out = new int[length];
    System.arraycopy(a, from, out, 0, length);
    return out;
  }

  /** Number of time steps T. */
  public int steps() {
    return T;
  }

  public int nx() {
    return nx;
  }

  public int ny() {
    return ny;
  }

  /** ℓ = Σ_t ℓ_t. */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** ℓ_t, 0 for a step with no observation. */
  public double logLikelihoodTerm(int t) {
    return logLikelihoodTerms[t];
  }

  /** m⁻_t (a copy). */
  public double[] predictedMean(int t) {
    return predictedMean[t].clone();
  }

  /** m⁺_t (a copy). */
  public double[] filteredMean(int t) {
    return filteredMean[t].clone();
  }

  /** S⁻_t, nx × (k at t = 0, nx afterwards) (a copy). */
  public DMatrixRMaj predictedFactor(int t) {
    return predictedFactor[t].copy();
  }

  /** S⁺_t (a copy). */
  public DMatrixRMaj filteredFactor(int t) {
    return filteredFactor[t].copy();
  }

  /** P⁻_t = S⁻_t S⁻_tᵀ. */
  public DMatrixRMaj predictedCovariance(int t) {
    return CommonOps_DDRM.multTransB(predictedFactor[t], predictedFactor[t], null);
  }

  /** P⁺_t = S⁺_t S⁺_tᵀ. */
  public DMatrixRMaj filteredCovariance(int t) {
    return CommonOps_DDRM.multTransB(filteredFactor[t], filteredFactor[t], null);
  }

  /** e_t, length ny, NaN at missing entries (a copy). */
  public double[] innovation(int t) {
    return innovation[t].clone();
  }

  /** z_t = A_t⁻¹ e_t on the observed entries, NaN elsewhere (a copy). */
  public double[] whitenedInnovation(int t) {
    return whitenedInnovation[t].clone();
  }

  /** A_t, the lower-triangular factor of the innovation covariance on the observed rows. */
  public DMatrixRMaj innovationFactor(int t) {
    return innovationFactor[t].copy();
  }

  /** The innovation covariance A_t A_tᵀ on the observed rows, in the order of {@link #observed}. */
  public DMatrixRMaj innovationCovariance(int t) {
    return CommonOps_DDRM.multTransB(innovationFactor[t], innovationFactor[t], null);
  }

  /**
   * True at a diffuse step: some diffuse initial direction is not yet identified by the
   * observations before step t, so the predicted moments are those of the identified part only and
   * the step's residual is left out of diagnostics (statsmodels' {@code nobs_diffuse}).
   */
  public boolean isDiffuse(int t) {
    return diffuse[t];
  }

  /** Number of diffuse steps (a prefix of the series when observations are regular). */
  public int diffuseSteps() {
    int count = 0;
    for (boolean b : diffuse) {
      if (b) {
        count++;
      }
    }
    return count;
  }

  /**
   * Whether the filter turned into the ordinary one after some step's update ({@link
   * SquareRootFilter#diffuseConversion}); the augmented moments below are then not kept, and the
   * diffuse smoother runs the filter again on {@link #data}.
   */
  boolean converted() {
    return data != null;
  }

  /** The observations, kept when {@link #converted}; null otherwise. Not to be modified. */
  DMatrixRMaj data() {
    return data;
  }

  /** X⁺_t = [m, Ā] before collapse, nx × (1 + d) row-major; null without diffuse directions. */
  double[] augmentedFilteredMean(int t) {
    return augmentedFilteredMean[t];
  }

  /** S⁺_t before collapse; null without diffuse directions. */
  DMatrixRMaj augmentedFilteredFactor(int t) {
    return augmentedFilteredFactor[t];
  }

  /** The collapse factor after the last step; null without diffuse directions. */
  DMatrixRMaj finalCollapse() {
    return finalCollapse;
  }

  /** Indices of the observed entries of y_t (a copy). */
  public int[] observed(int t) {
    return observed[t].clone();
  }
}
