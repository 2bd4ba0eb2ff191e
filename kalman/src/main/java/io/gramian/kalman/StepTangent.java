package io.gramian.kalman;

import io.gramian.autodiff.TriaAdjoint;
import io.gramian.autodiff.TriaFactors;
import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.TriangularSolve;
import org.ejml.data.DMatrixRMaj;

/**
 * The tangent of one update and one predict of the square-root filter along one direction of the
 * system matrices, written once for the batch tangent sweep ({@link TangentSweep}, factors read
 * back from a tape) and the online filter's sensitivities ({@link OnlineSensitivityFilter}, factors
 * of the step just taken):
 *
 * <pre>
 * update:   dM_u = [[dH S⁻ + H dS⁻, dcholR], [dS⁻, 0]],  [[dA, ·], [dC, dD]] = tria_jvp(dM_u)
 *           dE = [−dd, 0] − dH X⁻ − H dX⁻,  dW = A⁻¹ (dE − tril(dA) W)
 *           dℓ_t = −z·dz − Σ_i dA_ii / A_ii
 *           dX⁺ = dX⁻ + dC W + C dW,  dS⁺ = dD
 * predict:  dS⁻ = tria_jvp([dF S⁺ + F dS⁺, dcholQ]),  dX⁻ = dF X⁺ + F dX⁺ + [dc, 0]
 * </pre>
 *
 * (X nx × w the mean and its diffuse sensitivities, S nx × s, W p × w, A p × p, C nx × p.) Every
 * method works in this object's workspace and allocates nothing. Not thread-safe.
 */
final class StepTangent {

  private final int nx;
  private final TriaAdjoint adjoint;
  private final DMatrixRMaj dM;
  private final DMatrixRMaj dL;
  private final DMatrixRMaj dXNext;
  private final double[] dW;

  /**
   * F and dF by their nonzeros, for the mean's tangent; listed at every call unless a sweep says.
   */
  private final TransitionNonzeros fNonzeros;

  private final TransitionNonzeros dFNonzeros;

  StepTangent(Dimensions dims) {
    nx = dims.nx();
    adjoint = new TriaAdjoint(dims.triaRows(), dims.triaCols());
    dM = new DMatrixRMaj(dims.triaRows(), dims.triaCols());
    dL = new DMatrixRMaj(dims.triaRows(), dims.triaRows());
    dXNext = new DMatrixRMaj(nx, dims.meanCols());
    dW = new double[dims.ny() * dims.meanCols()];
    fNonzeros = new TransitionNonzeros(nx);
    dFNonzeros = new TransitionNonzeros(nx);
  }

  /**
   * Starts a sweep along one direction: F and dF are then listed at their first {@link #predict}
   * and kept when time-invariant. Without it (a caller that alternates directions step by step)
   * they are listed at every call.
   */
  void startSweep(StateSpace system, StateSpace direction) {
    fNonzeros.startSweep(system.isTimeInvariant());
    dFNonzeros.startSweep(direction.isTimeInvariant());
  }

  /**
   * The update's tangent on the observed rows {@code index[io .. io + p)}, p ≥ 1.
   *
   * @param factors the update's triangularisation of {@code [[H S⁻, cholR], [S⁻, 0]]}
   * @param S S⁻, nx × s. Not modified.
   * @param X X⁻, nx × w. Not modified.
   * @param W the update's whitened innovation A⁻¹ E, p × w row-major from {@code wo}. Not modified.
   * @param quadratic whether dℓ_t includes −z·dz (false when a diffuse collapse owns that term)
   * @param dX on entry dX⁻, on exit dX⁺ (nx × w). Modified.
   * @param dS on entry dS⁻ (nx × s), on exit dS⁺ (nx × nx). Modified.
   * @return dℓ_t (without a diffuse collapse's share)
   */
  double update(
      TriaFactors factors,
      TriaRule rule,
      DMatrixRMaj H,
      DMatrixRMaj dH,
      DMatrixRMaj dd,
      DMatrixRMaj dcholR,
      int[] index,
      int io,
      int p,
      DMatrixRMaj S,
      DMatrixRMaj X,
      double[] W,
      int wo,
      boolean quadratic,
      DMatrixRMaj dX,
      DMatrixRMaj dS) {
    UpdateBlock.tangent(H, dH, dcholR, index, io, p, S, dS, dM);
    factors.jvp(adjoint, rule, dM, dL);
    whitenedInnovation(factors, H, dH, dd, index, io, p, X, dX, W, wo);
    double dll = logLikelihood(factors, p, W, wo, X.numCols, quadratic);
    filtered(factors, p, W, wo, dX, dS);
    return dll;
  }

  /** dW of the last {@link #update}, p × w row-major: the whitened innovation's tangent. */
  double[] dW() {
    return dW;
  }

  /** dW = A⁻¹ (dE − tril(dA) W), dE = [−dd, 0] − dH X⁻ − H dX⁻. */
  private void whitenedInnovation(
      TriaFactors factors,
      DMatrixRMaj H,
      DMatrixRMaj dH,
      DMatrixRMaj dd,
      int[] index,
      int io,
      int p,
      DMatrixRMaj X,
      DMatrixRMaj dX,
      double[] W,
      int wo) {
    final int w = X.numCols;
    final int n = p + nx;
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
          v -= dl[i * n + j] * W[wo + j * w + c];
        }
        dW[i * w + c] = v;
      }
    }
    TriangularSolve.lower(factors.L(), p, dW, 0, w, w, null);
  }

  /** dℓ_t = −Σ_i dA_ii / A_ii, and −z·dz when {@code quadratic}. */
  private double logLikelihood(
      TriaFactors factors, int p, double[] W, int wo, int w, boolean quadratic) {
    final int n = p + nx;
    final double[] l = factors.L().data;
    final double[] dl = dL.data;
    double dll = 0;
    for (int i = 0; i < p; i++) {
      dll -= dl[i * n + i] / l[i * n + i];
      if (quadratic) {
        dll -= W[wo + i * w] * dW[i * w];
      }
    }
    return dll;
  }

  /** dX⁺ = dX⁻ + dC W + C dW, dS⁺ = dD. */
  private void filtered(
      TriaFactors factors, int p, double[] W, int wo, DMatrixRMaj dX, DMatrixRMaj dS) {
    final int n = p + nx;
    final int w = dX.numCols;
    final double[] l = factors.L().data;
    final double[] dl = dL.data;
    for (int i = 0; i < nx; i++) {
      for (int c = 0; c < w; c++) {
        double v = dX.data[i * w + c];
        for (int j = 0; j < p; j++) {
          v += dl[(p + i) * n + j] * W[wo + j * w + c] + l[(p + i) * n + j] * dW[j * w + c];
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
   * The predict's tangent: {@code dS⁻ = tria_jvp([dF S⁺ + F dS⁺, dcholQ])}, {@code dX⁻ = dF X⁺ + F
   * dX⁺ + [dc, 0]} ({@link PredictStep}).
   *
   * @param factors the predict's triangularisation of {@code [F S⁺, cholQ]}
   * @param S S⁺, nx × s. Not modified.
   * @param X X⁺, nx × w. Not modified.
   * @param dX on entry dX⁺, on exit dX⁻. Modified.
   * @param dS on entry dS⁺, on exit dS⁻ (nx × nx). Modified.
   */
  void predict(
      TriaFactors factors,
      TriaRule rule,
      DMatrixRMaj F,
      DMatrixRMaj dF,
      DMatrixRMaj dc,
      DMatrixRMaj dcholQ,
      DMatrixRMaj S,
      DMatrixRMaj X,
      DMatrixRMaj dX,
      DMatrixRMaj dS) {
    PredictStep.blockTangent(F, dF, S, dS, dcholQ, dM);
    factors.jvp(adjoint, rule, dM, dL);
    fNonzeros.index(F);
    dFNonzeros.index(dF);
    PredictStep.meanTangent(fNonzeros, dFNonzeros, dc, X, dX, dXNext);
    dX.setTo(dXNext);
    dS.setTo(dL);
  }
}
