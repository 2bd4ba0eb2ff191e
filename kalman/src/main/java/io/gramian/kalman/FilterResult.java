package io.gramian.kalman;

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
  }

  static FilterResult fromTape(Tape tape, StateSpace system, DMatrixRMaj Y, double ll) {
    int T = tape.steps;
    int nx = system.nx();
    int ny = system.ny();
    FilterResult res = new FilterResult(T, nx, ny, ll);
    for (int t = 0; t < T; t++) {
      res.logLikelihoodTerms[t] = tape.logLik[t];
      res.predictedMean[t] = slice(tape.mPred, t * nx, nx);
      res.filteredMean[t] = slice(tape.mFilt, t * nx, nx);
      res.predictedFactor[t] = new DMatrixRMaj(1, 1);
      tape.loadPredictedFactor(t, system.cholP0(), res.predictedFactor[t]);
      res.filteredFactor[t] = new DMatrixRMaj(1, 1);
      tape.loadFilteredFactor(t, system.cholP0(), res.filteredFactor[t]);
      int p = tape.observedCount[t];
      res.observed[t] = slice(tape.observedIndex, t * ny, p);
      double[] z = slice(tape.z, t * ny, p);
      DMatrixRMaj A = new DMatrixRMaj(p, p);
      int n = p + nx;
      for (int i = 0; i < p; i++) {
        for (int j = 0; j <= i; j++) {
          A.unsafe_set(i, j, tape.Lu[t * (dims(tape)) + i * n + j]);
        }
      }
      double[] e = new double[ny];
      java.util.Arrays.fill(e, Double.NaN);
      double[] zFull = new double[ny];
      java.util.Arrays.fill(zFull, Double.NaN);
      for (int i = 0; i < p; i++) {
        double v = 0;
        for (int j = 0; j <= i; j++) {
          v += A.unsafe_get(i, j) * z[j];
        }
        e[res.observed[t][i]] = v;
        zFull[res.observed[t][i]] = z[i];
      }
      res.innovation[t] = e;
      res.whitenedInnovation[t] = zFull;
      res.innovationFactor[t] = A;
    }
    return res;
  }

  private static int dims(Tape tape) {
    int n = tape.dims.updateRows();
    return n * n;
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

  /** Indices of the observed entries of y_t (a copy). */
  public int[] observed(int t) {
    return observed[t].clone();
  }
}
