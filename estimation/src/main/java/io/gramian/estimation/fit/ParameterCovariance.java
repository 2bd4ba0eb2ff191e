package io.gramian.estimation.fit;

import io.gramian.estimation.diagnostics.CovarianceType;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ParameterLayout;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The covariance of the free parameters' estimates ({@link CovarianceType}), on the natural scale:
 * {@code Σ_natural = J Σ_θ Jᵀ} with {@code J = ∂natural/∂θ}. A variance estimated at exactly zero
 * sits on the boundary of its space, where its score vanishes and no standard error is defined: it
 * is held at zero for the others' covariance and reported as missing, never as 0 or NaN.
 */
final class ParameterCovariance {

  /**
   * Step of the central differences of the analytic gradient, relative to max(u_j, |θ_j|) with u_j
   * the parameter's typical magnitude in the data's units: truncation O(h²) ≈ 1e-10 against
   * rounding O(ε/h) ≈ 1e-11 in ∂ℓ/∂θ.
   */
  static final double HESSIAN_STEP = 1e-5;

  private ParameterCovariance() {}

  /**
   * Standard errors on the natural scale, {@code null} where undefined.
   *
   * @param units a typical magnitude of each θ_j (the fit's {@link ScaledProblem} units), which
   *     sets the Hessian's difference steps
   */
  static Result compute(
      LogLikelihood likelihood, double[] theta, double[] units, CovarianceType type) {
    int k = theta.length;
    ParameterLayout layout = likelihood.layout();
    // A variance at exactly zero (θ_j = 0) is on the boundary: its score vanishes identically,
    // so the information is computed for the other parameters, holding it at zero.
    int[] active = interiorParameters(layout, theta);
    int a = active.length;
    DMatrixRMaj meat = null;
    DMatrixRMaj hessian = null;
    if (type != CovarianceType.OIM) {
      meat = select(outerProductOfScores(likelihood.scores(theta)), active);
    }
    if (type != CovarianceType.OPG) {
      hessian = select(negativeHessian(likelihood, theta, units), active);
    }
    DMatrixRMaj covActive;
    try {
      switch (type) {
        case OPG:
          covActive = inverse(meat);
          break;
        case OIM:
          covActive = inverse(hessian);
          break;
        default:
          DMatrixRMaj hInv = inverse(hessian);
          covActive = CommonOps_DDRM.mult(CommonOps_DDRM.mult(hInv, meat, null), hInv, null);
      }
    } catch (ArithmeticException singular) {
      return new Result(new Double[k], null, null, singular.getMessage());
    }
    DMatrixRMaj covTheta = new DMatrixRMaj(k, k);
    for (int i = 0; i < a; i++) {
      for (int j = 0; j < a; j++) {
        covTheta.set(active[i], active[j], covActive.get(i, j));
      }
    }
    double[][] J = layout.naturalJacobian(theta);
    DMatrixRMaj Jm = new DMatrixRMaj(J);
    DMatrixRMaj covNatural =
        CommonOps_DDRM.multTransB(CommonOps_DDRM.mult(Jm, covTheta, null), Jm, null);
    Double[] se = new Double[k];
    boolean[] isActive = new boolean[k];
    for (int i : active) {
      isActive[i] = true;
    }
    for (int j = 0; j < k; j++) {
      double v = covNatural.get(j, j);
      se[j] = !isActive[j] || !(v > 0) || !Double.isFinite(v) ? null : Math.sqrt(v);
    }
    return new Result(se, covNatural, covTheta, null);
  }

  private static int[] interiorParameters(ParameterLayout layout, double[] theta) {
    int[] active = new int[theta.length];
    int a = 0;
    for (int i = 0; i < layout.names().size(); i++) {
      int j = layout.freeIndex(i);
      if (j < 0) {
        continue;
      }
      if (!(layout.isVariance(i) && theta[j] == 0.0)) {
        active[a++] = j;
      }
    }
    return java.util.Arrays.copyOf(active, a);
  }

  private static DMatrixRMaj select(DMatrixRMaj A, int[] idx) {
    DMatrixRMaj out = new DMatrixRMaj(idx.length, idx.length);
    for (int i = 0; i < idx.length; i++) {
      for (int j = 0; j < idx.length; j++) {
        out.set(i, j, A.get(idx[i], idx[j]));
      }
    }
    return out;
  }

  /**
   * Standard errors (natural scale, null where undefined), their covariance, the covariance of the
   * free unconstrained θ it was mapped from (zero rows and columns for a variance held at its zero
   * boundary), and a note.
   */
  record Result(
      Double[] standardErrors,
      DMatrixRMaj covariance,
      DMatrixRMaj thetaCovariance,
      String problem) {}

  static DMatrixRMaj outerProductOfScores(double[][] scores) {
    int k = scores.length == 0 ? 0 : scores[0].length;
    DMatrixRMaj S = new DMatrixRMaj(k, k);
    for (double[] s : scores) {
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          S.add(i, j, s[i] * s[j]);
        }
      }
    }
    return S;
  }

  /**
   * −∇²ℓ(θ) by central differences of the analytic gradient (never second differences of ℓ),
   * averaged with its transpose. The step along θ_j is {@link #HESSIAN_STEP} · max(u_j, |θ_j|), so
   * it scales with the data's units.
   */
  static DMatrixRMaj negativeHessian(LogLikelihood likelihood, double[] theta, double[] units) {
    int k = theta.length;
    DMatrixRMaj H = new DMatrixRMaj(k, k);
    double[] gPlus = new double[k];
    double[] gMinus = new double[k];
    for (int j = 0; j < k; j++) {
      double h = HESSIAN_STEP * Math.max(units[j], Math.abs(theta[j]));
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[j] += h;
      minus[j] -= h;
      likelihood.valueAndGradient(plus, gPlus);
      likelihood.valueAndGradient(minus, gMinus);
      for (int i = 0; i < k; i++) {
        H.set(i, j, -(gPlus[i] - gMinus[i]) / (2 * h));
      }
    }
    DMatrixRMaj sym = CommonOps_DDRM.transpose(H, null);
    CommonOps_DDRM.addEquals(sym, H);
    CommonOps_DDRM.scale(0.5, sym);
    return sym;
  }

  /**
   * Smallest reciprocal condition number σ_min / σ_max of the information matrix scaled to unit
   * diagonal (a correlation-like matrix, so the test does not depend on the parameters' units) at
   * which it counts as invertible: the inverse's relative error is about ε / rcond, so below 1e-14
   * it would carry at most one correct digit. (A determinant test, used before, refused invertible
   * matrices with strongly correlated parameters: a VAR with intercepts and time trends, whose
   * scaled information has rcond 1e-9, had no standard errors where statsmodels reports them.)
   */
  static final double SINGULAR_RCOND = 1e-14;

  /**
   * A⁻¹ of a small information matrix, by an LU solve of its unit-diagonal scaling D A D (D =
   * diag(A)^(-1/2)) against I, then A⁻¹ = D (D A D)⁻¹ D; singular (rcond below {@link
   * #SINGULAR_RCOND}) is an error.
   */
  private static DMatrixRMaj inverse(DMatrixRMaj A) {
    int k = A.numRows;
    double[] d = new double[k];
    for (int i = 0; i < k; i++) {
      double a = A.get(i, i);
      if (!(a > 0) || !Double.isFinite(a)) {
        throw new ArithmeticException(
            "the information matrix has no positive diagonal entry "
                + (i + 1)
                + ", so the parameters' covariance is undefined");
      }
      d[i] = 1 / Math.sqrt(a);
    }
    DMatrixRMaj scaled = new DMatrixRMaj(k, k);
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        scaled.set(i, j, d[i] * A.get(i, j) * d[j]);
      }
    }
    LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(k);
    if (!(reciprocalCondition(scaled) > SINGULAR_RCOND) || !lu.setA(scaled)) {
      throw new ArithmeticException(
          "the information matrix is singular, so the parameters' covariance is undefined");
    }
    DMatrixRMaj inv = new DMatrixRMaj(k, k);
    lu.solve(CommonOps_DDRM.identity(k), inv);
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        inv.set(i, j, d[i] * inv.get(i, j) * d[j]);
      }
    }
    return inv;
  }

  /** σ_min / σ_max of a small square matrix (0 when its SVD fails or it is not finite). */
  private static double reciprocalCondition(DMatrixRMaj A) {
    for (double v : A.data) {
      if (!Double.isFinite(v)) {
        return 0;
      }
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(A.numRows, A.numCols, false, false, true);
    if (!svd.decompose(A.copy())) {
      return 0;
    }
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double sigma : svd.getSingularValues()) {
      max = Math.max(max, sigma);
      min = Math.min(min, sigma);
    }
    return max > 0 ? min / max : 0;
  }
}
