package io.gramian.kalman;

import io.gramian.autodiff.TriaAdjoint;
import io.gramian.autodiff.TriaFactors;
import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.TriangularSolve;
import org.ejml.data.DMatrixRMaj;

/**
 * The forward (tangent) sweep: the directional derivative dℓ_t of every step's log-likelihood term
 * along one direction of the system matrices, reusing the forward sweep's {@link FilterTape}.
 *
 * <pre>
 * update:   dM_u = [[dH S⁻ + H dS⁻, dcholR], [dS⁻, 0]],  [[dA, ·], [dC, dD]] = tria_jvp(dM_u)
 *           dE = [−dd, 0] − dH X⁻ − H dX⁻,  dW = A⁻¹ (dE − tril(dA) W)
 *           dℓ_t = −z·dz − Σ_i dA_ii / A_ii  (or the collapse's dΦ_t − dΦ_{t−1} for −z·dz)
 *           dX⁺ = dX⁻ + dC W + C dW,  dS⁺ = dD
 * predict:  dS⁻ = tria_jvp([dF S⁺ + F dS⁺, dcholQ]),  dX⁻ = dF X⁺ + F dX⁺ + [dc, 0]
 * </pre>
 *
 * One sweep per direction gives the per-observation scores that OPG standard errors need.
 */
final class TangentSweep {

  private final Dimensions dims;
  private final int w;
  private final TriaAdjoint adjoint;
  private final TriaAdjoint collapseAdjoint;
  private final TriaFactors factors;
  private final DMatrixRMaj dX; // dX⁻ then dX⁺
  private final DMatrixRMaj dS; // dS⁻ then dS⁺
  private final DMatrixRMaj dM;
  private final DMatrixRMaj dL;
  private final DMatrixRMaj S;
  private final DMatrixRMaj X;
  private final DMatrixRMaj dXNext;
  private final DMatrixRMaj Lc;
  private final DMatrixRMaj Qc;
  private final DMatrixRMaj dLc;
  private final DMatrixRMaj dMc;
  private final DMatrixRMaj dLcNext;
  private final double[] dW;

  TangentSweep(Dimensions dims) {
    this.dims = dims;
    w = dims.meanCols();
    int nx = dims.nx();
    int ny = dims.ny();
    int cs = dims.predictedCols();
    int rows = dims.triaRows();
    int cols = dims.triaCols();
    adjoint = new TriaAdjoint(rows, cols);
    collapseAdjoint = new TriaAdjoint(w, dims.collapseCols());
    factors = new TriaFactors(rows, cols);
    dX = new DMatrixRMaj(nx, w);
    dS = new DMatrixRMaj(nx, cs);
    dM = new DMatrixRMaj(rows, cols);
    dL = new DMatrixRMaj(rows, rows);
    S = new DMatrixRMaj(nx, cs);
    X = new DMatrixRMaj(nx, w);
    dXNext = new DMatrixRMaj(nx, w);
    Lc = new DMatrixRMaj(w, w);
    Qc = new DMatrixRMaj(dims.collapseCols(), w);
    dLc = new DMatrixRMaj(w, w);
    dMc = new DMatrixRMaj(w, dims.collapseCols());
    dLcNext = new DMatrixRMaj(w, w);
    dW = new double[ny * w];
  }

  void run(
      FilterTape tape,
      StateSpace system,
      StateSpace direction,
      DMatrixRMaj Y,
      TriaRule rule,
      double[] dLogLik) {
    if (!Dimensions.of(direction).equals(dims)) {
      throw new IllegalArgumentException(
          "the tangent direction has " + Dimensions.of(direction) + ", expected " + dims);
    }
    final int T = tape.steps();
    if (dLogLik.length < T) {
      throw new IllegalArgumentException(
          "dLogLik has length " + dLogLik.length + ", expected at least " + T);
    }
    SquareRootFilter.initialMeans(direction, dX);
    dS.setTo(direction.cholP0());
    dLc.reshape(w, w, false);
    dLc.zero();
    double dPhi = 0;
    for (int t = 0; t < T; t++) {
      double dllt = updateTangent(tape, system, direction, t, rule);
      if (dims.diffuseRank() > 0 && tape.observedCount(t) > 0) {
        double dPhiNext = collapseTangent(tape, t, rule);
        dllt += dPhiNext - dPhi;
        dPhi = dPhiNext;
      }
      dLogLik[t] = dllt;
      if (t < T - 1) {
        predictTangent(tape, system, direction, t, rule);
      }
    }
  }

  /**
   * The tangent of step t's update: {@code dL = tria_jvp(dM_u)}, then the whitened innovation's
   * tangent, dℓ_t, and the filtered moments' tangents.
   *
   * @return dℓ_t without the collapse's share
   */
  private double updateTangent(
      FilterTape tape, StateSpace system, StateSpace direction, int t, TriaRule rule) {
    final int p = tape.observedCount(t);
    if (p == 0) {
      return 0.0;
    }
    final int s = dS.numCols;
    tape.loadPredictedFactor(t, system.cholP0(), S);
    tape.loadMeans(t, false, X);
    tape.loadUpdate(t, s + system.r(), factors);
    UpdateBlock.tangent(
        system.H(t),
        direction.H(t),
        direction.cholR(t),
        tape.observedIndex(),
        tape.observedOffset(t),
        p,
        S,
        dS,
        dM);
    factors.jvp(adjoint, rule, dM, dL);
    whitenedInnovationTangent(tape, system, direction, t, p);
    double dll = logLikelihoodTangent(tape, t, p);
    filteredTangent(tape, t, p);
    return dll;
  }

  /** dW = A⁻¹ (dE − tril(dA) W), dE = [−dd, 0] − dH X⁻ − H dX⁻. */
  private void whitenedInnovationTangent(
      FilterTape tape, StateSpace system, StateSpace direction, int t, int p) {
    final int nx = dims.nx();
    final int n = p + nx;
    final DMatrixRMaj H = system.H(t);
    final DMatrixRMaj dH = direction.H(t);
    final DMatrixRMaj dd = direction.d(t);
    final int[] index = tape.observedIndex();
    final int io = tape.observedOffset(t);
    final double[] Wt = tape.W();
    final int wo = tape.wOffset(t);
    final double[] dl = dL.data;
    for (int i = 0; i < p; i++) {
      int row = index[io + i];
      for (int c = 0; c < w; c++) {
        double v = c == 0 ? -dd.data[row] : 0.0;
        for (int k = 0; k < nx; k++) {
          v -=
              dH.data[row * nx + k] * X.data[k * w + c] + H.data[row * nx + k] * dX.data[k * w + c];
        }
        for (int j = 0; j <= i; j++) {
          v -= dl[i * n + j] * Wt[wo + j * w + c];
        }
        dW[i * w + c] = v;
      }
    }
    TriangularSolve.lower(factors.L(), p, dW, 0, w, w, null);
  }

  /** dℓ_t = −Σ_i dA_ii / A_ii, and −z·dz when there is no diffuse direction. */
  private double logLikelihoodTangent(FilterTape tape, int t, int p) {
    final int n = p + dims.nx();
    final double[] l = factors.L().data;
    final double[] dl = dL.data;
    final double[] Wt = tape.W();
    final int wo = tape.wOffset(t);
    double dll = 0;
    for (int i = 0; i < p; i++) {
      dll -= dl[i * n + i] / l[i * n + i];
      if (dims.diffuseRank() == 0) {
        dll -= Wt[wo + i] * dW[i];
      }
    }
    return dll;
  }

  /** dX⁺ = dX⁻ + dC W + C dW, dS⁺ = dD. */
  private void filteredTangent(FilterTape tape, int t, int p) {
    final int nx = dims.nx();
    final int n = p + nx;
    final double[] l = factors.L().data;
    final double[] dl = dL.data;
    final double[] Wt = tape.W();
    final int wo = tape.wOffset(t);
    for (int i = 0; i < nx; i++) {
      for (int c = 0; c < w; c++) {
        double v = dX.data[i * w + c];
        for (int j = 0; j < p; j++) {
          v += dl[(p + i) * n + j] * Wt[wo + j * w + c] + l[(p + i) * n + j] * dW[j * w + c];
        }
        dX.data[i * w + c] = v;
      }
    }
    dS.reshape(nx, nx, false);
    for (int i = 0; i < nx; i++) {
      System.arraycopy(dl, (p + i) * n + p, dS.data, i * nx, nx);
    }
  }

  /**
   * dL_t = tria_jvp([L_{t−1}, V_tᵀ]; [dL_{t−1}, dV_tᵀ]) and dΦ_t = −l_zz dl_zz − Σ dL_jj / L_jj
   * over the pivots identified so far.
   */
  private double collapseTangent(FilterTape tape, int t, TriaRule rule) {
    final int p = tape.observedCount(t);
    final int d = dims.diffuseRank();
    tape.loadCollapse(t, Lc, Qc);
    dMc.reshape(w, w + p, false);
    for (int i = 0; i < w; i++) {
      System.arraycopy(dLc.data, i * w, dMc.data, i * (w + p), w);
      int source = i < w - 1 ? i + 1 : 0;
      for (int j = 0; j < p; j++) {
        dMc.data[i * (w + p) + w + j] = dW[j * w + source];
      }
    }
    collapseAdjoint.jvp(rule, Lc, Qc, dMc, dLcNext, d);
    dLc.setTo(dLcNext);
    double tau = DiffuseCollapse.threshold(Lc);
    double v = -Lc.unsafe_get(d, d) * dLc.unsafe_get(d, d);
    for (int j = 0; j < d; j++) {
      double pivot = Lc.unsafe_get(j, j);
      if (pivot > tau) {
        v -= dLc.unsafe_get(j, j) / pivot;
      }
    }
    return v;
  }

  /**
   * The tangent of the predict from t to t + 1: {@code dS⁻ = tria_jvp([dF S⁺ + F dS⁺, dcholQ])},
   * {@code dX⁻ = dF X⁺ + F dX⁺ + [dc, 0]} ({@link PredictStep}).
   */
  private void predictTangent(
      FilterTape tape, StateSpace system, StateSpace direction, int t, TriaRule rule) {
    final DMatrixRMaj F = system.F(t);
    final DMatrixRMaj dF = direction.F(t);
    final int s = tape.filteredCols(t);
    tape.loadFilteredFactor(t, system.cholP0(), S);
    tape.loadMeans(t, true, X);
    tape.loadPredict(t, s + system.q(), factors);
    PredictStep.blockTangent(F, dF, S, dS, direction.cholQ(t), dM);
    factors.jvp(adjoint, rule, dM, dL);
    PredictStep.meanTangent(F, dF, direction.c(t), X, dX, dXNext);
    dX.setTo(dXNext);
    dS.setTo(dL);
  }
}
