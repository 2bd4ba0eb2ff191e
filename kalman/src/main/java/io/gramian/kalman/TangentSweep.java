package io.gramian.kalman;

import io.gramian.autodiff.TriaAdjoint;
import io.gramian.autodiff.TriaFactors;
import io.gramian.autodiff.TriaRule;
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
 *           (at a conversion to the ordinary filter, {@link DiffuseConversion#tangent})
 * predict:  dS⁻ = tria_jvp([dF S⁺ + F dS⁺, dcholQ]),  dX⁻ = dF X⁺ + F dX⁺ + [dc, 0]
 * </pre>
 *
 * (each step by {@link StepTangent}). Under the masked rule the ordinary filter's steps (every step
 * of a filter without a diffuse part, and every step after a conversion) carry dP = d(S Sᵀ) instead
 * of dS ({@link CovarianceTangent}): the same dℓ_t, exact for any rank, at a fraction of two
 * triangularisations' tangents. One sweep per direction gives the per-observation scores that OPG
 * standard errors need.
 */
final class TangentSweep {

  private final Dimensions dims;
  private final int w;
  private final StepTangent step;
  private final CovarianceTangent covariance;
  private final DMatrixRMaj Lu;
  private boolean covarianceForm = true;
  private final TriaAdjoint collapseAdjoint;
  private final TriaFactors factors;
  private final DMatrixRMaj dX; // dX⁻ then dX⁺
  private final DMatrixRMaj dS; // dS⁻ then dS⁺
  private final DMatrixRMaj S;
  private final DMatrixRMaj X;
  private final DMatrixRMaj Lc;
  private final DMatrixRMaj Qc;
  private final DMatrixRMaj dLc;
  private final DMatrixRMaj dMc;
  private final DMatrixRMaj dLcNext;

  TangentSweep(Dimensions dims) {
    this.dims = dims;
    w = dims.meanCols();
    int nx = dims.nx();
    int cs = dims.predictedCols();
    step = new StepTangent(dims);
    covariance = new CovarianceTangent(dims);
    Lu = new DMatrixRMaj(dims.updateRows(), dims.updateRows());
    collapseAdjoint = new TriaAdjoint(w, dims.collapseCols());
    factors = new TriaFactors(dims.triaRows(), dims.triaCols());
    dX = new DMatrixRMaj(nx, w);
    dS = new DMatrixRMaj(nx, cs);
    S = new DMatrixRMaj(nx, cs);
    X = new DMatrixRMaj(nx, w);
    Lc = new DMatrixRMaj(w, w);
    Qc = new DMatrixRMaj(dims.collapseCols(), w);
    dLc = new DMatrixRMaj(w, w);
    dMc = new DMatrixRMaj(w, dims.collapseCols());
    dLcNext = new DMatrixRMaj(w, w);
  }

  /**
   * Whether the masked rule's ordinary steps carry dP ({@link CovarianceTangent}, the default) or,
   * as every other rule's, the factor's tangent dS. For tests that compare the two.
   */
  void covarianceForm(boolean on) {
    covarianceForm = on;
  }

  /**
   * Whether this sweep takes the ordinary filter's steps (all of them without a diffuse part, those
   * after the conversion otherwise) in covariance form under {@code rule}, reading only their
   * update factors L: then their forward steps need record no Q.
   */
  boolean inCovarianceForm(TriaRule rule) {
    return covarianceForm && rule == TriaRule.MASKED;
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
    covariance.startSweep(system, direction);
    step.startSweep(system, direction);
    dS.setTo(direction.cholP0());
    dLc.reshape(w, w, false);
    dLc.zero();
    // the first step whose update runs in covariance form (T: none)
    final boolean ordinaryInCovariance = inCovarianceForm(rule);
    int from = T;
    if (ordinaryInCovariance && w == 1) {
      from = 0;
      covariance.begin(system.cholP0(), dS);
    } else if (ordinaryInCovariance && tape.convertedAt() >= 0) {
      from = tape.convertedAt() + 1;
    }
    double dPhi = 0;
    for (int t = 0; t < T; t++) {
      if (t >= from) {
        dLogLik[t] = covarianceStep(tape, system, direction, t);
        continue;
      }
      double dllt = updateTangent(tape, system, direction, t, rule);
      if (tape.collapsing(t) && tape.observedCount(t) > 0) {
        double dPhiNext = collapseTangent(tape, t, rule);
        dllt += dPhiNext - dPhi;
        dPhi = dPhiNext;
      }
      if (t == tape.convertedAt()) {
        tape.conversion.tangent(rule, dX, dS, dLc); // dX⁺ = dm', dS⁺ = dS' from here on
      }
      dLogLik[t] = dllt;
      if (t < T - 1 && t + 1 == from) {
        tape.loadFilteredFactor(t, system.cholP0(), S);
        covariance.begin(S, dS);
        covariance.loadFilteredCovariance(S, direction.F(t), direction.H(t));
        covariancePredict(tape, system, direction, t);
      } else if (t < T - 1) {
        predictTangent(tape, system, direction, t, rule);
      }
    }
  }

  /** Step t's update and the predict after it in covariance form ({@link CovarianceTangent}). */
  private double covarianceStep(FilterTape tape, StateSpace system, StateSpace direction, int t) {
    final int p = tape.observedCount(t);
    double dllt = 0;
    tape.loadFilteredFactor(t, system.cholP0(), S);
    covariance.loadFilteredCovariance(S, direction.F(t), direction.H(t));
    if (p > 0) {
      tape.loadUpdateFactor(t, Lu);
      tape.loadMeans(t, false, X);
      dllt =
          covariance.update(
              Lu,
              tape.W(),
              tape.wOffset(t),
              system.H(t),
              system.cholR(t),
              direction.H(t),
              direction.d(t),
              direction.cholR(t),
              tape.observedIndex(),
              tape.observedOffset(t),
              p,
              X,
              dX);
    }
    if (t < tape.steps() - 1) {
      covariancePredict(tape, system, direction, t);
    }
    return dllt;
  }

  /**
   * The predict from t to t + 1 in covariance form, after P⁺_t's {@code loadFilteredCovariance}.
   */
  private void covariancePredict(FilterTape tape, StateSpace system, StateSpace direction, int t) {
    tape.loadMeans(t, true, X);
    covariance.predict(
        system.F(t), system.cholQ(t), direction.F(t), direction.c(t), direction.cholQ(t), X, dX);
  }

  /**
   * The tangent of step t's update ({@link StepTangent#update}) on the factors the tape recorded.
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
    return step.update(
        factors,
        rule,
        system.H(t),
        direction.H(t),
        direction.d(t),
        direction.cholR(t),
        tape.observedIndex(),
        tape.observedOffset(t),
        p,
        S,
        X,
        tape.W(),
        tape.wOffset(t),
        !tape.collapsing(t),
        dX,
        dS);
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
        dMc.data[i * (w + p) + w + j] = step.dW()[j * w + source];
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

  /** The tangent of the predict from t to t + 1 ({@link StepTangent#predict}). */
  private void predictTangent(
      FilterTape tape, StateSpace system, StateSpace direction, int t, TriaRule rule) {
    final int s = tape.filteredCols(t);
    tape.loadFilteredFactor(t, system.cholP0(), S);
    tape.loadMeans(t, true, X);
    tape.loadPredict(t, s + system.q(), factors);
    step.predict(
        factors,
        rule,
        system.F(t),
        direction.F(t),
        direction.c(t),
        direction.cholQ(t),
        S,
        X,
        dX,
        dS);
  }
}
