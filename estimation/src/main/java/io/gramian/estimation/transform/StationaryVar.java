package io.gramian.estimation.transform;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.tape.StationaryFactor;
import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import java.util.List;
import java.util.Locale;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The coefficient matrices A₁ … A_p (k × k) of a stationary VAR(p) from unconstrained θ (Ansley and
 * Kohn 1986; statsmodels' {@code constrain_stationary_multivariate} with an identity error
 * variance), or those of an invertible vector MA(q) polynomial:
 *
 * <pre>
 *   P_s = B_s⁻¹ U_s,   B_s = tria([I, U_s]),  C_s = tria([I, U_sᵀ])     (singular values &lt; 1)
 *   L₀ = L*₀ = I,   for s = 0 … p−1 (partial autocorrelations to coefficients):
 *     φ = L_s P_s L*_s⁻¹,   ψ = L*_s P_sᵀ L_s⁻¹
 *     φ_i ← φ_i − φ ψ_{s+1−i},   ψ_i ← ψ_i − ψ φ_{s+1−i}   (i ≤ s),   φ_{s+1} = φ,  ψ_{s+1} = ψ
 *     L_{s+1} = tria(L_s B_s⁻¹),   L*_{s+1} = tria(L*_s C_s⁻ᵀ)
 *   AR:  A_i = L_p⁻¹ φ_i L_p                      y_t = A₁ y_{t−1} + … + A_p y_{t−p} + ε_t
 *   MA:  M_i = −L_p⁻¹ φ_i L_p                     I + M₁ z + … + M_q z^q = I − A₁ z − … − A_q z^q
 * </pre>
 *
 * L_s and L*_s are the Cholesky factors of the forward and backward prediction-error variances of
 * the process with unit lag-0 covariance: statsmodels' downdates {@code Σ_{s+1} = Σ_s − φ Σ*_s φᵀ}
 * and {@code Σ*_{s+1} = Σ*_s − ψ Σ_s ψᵀ} are {@code L_s (I − P_s P_sᵀ) L_sᵀ} and {@code L*_s (I −
 * P_sᵀ P_s) L*_sᵀ}, and {@code I − P Pᵀ = B⁻¹ B⁻ᵀ}, {@code I − Pᵀ P = C⁻ᵀ C⁻¹}, so here every
 * factor is a {@code tria} of a product and nothing is downdated. θ holds U₁ … U_p row by row as
 * one k × kp matrix [U₁ … U_p] (entry (i, j) of U_l at {@code i·kp + (l−1)k + j}); the natural
 * values [A₁ … A_p] likewise, statsmodels' order ({@code L1.B.A}: equation A, lag, series B).
 *
 * <p>With an identity error variance, the AR map is statsmodels' for its dynamic factor model's
 * factors (to rounding); statsmodels' VARMAX feeds its error variance Σ into the same map, which
 * changes which θ gives which A but not the set of A reached (every stationary A is the image of
 * exactly one θ either way), so the fitted coefficients and ℓ are the same. The MA map has the sign
 * of the true invertibility constraint: statsmodels applies the AR map to +M, which for q ≥ 2
 * constrains I − M₁ z − …, not the MA polynomial.
 *
 * <p>The map and its pull-back run on an {@link io.gramian.autodiff.tape.Tape} (tria and triangular
 * solves, each differentiated exactly); the inverse solves the VAR's autocovariances from its
 * companion form and runs Whittle's recursion on them.
 */
public final class StationaryVar implements ParameterTransform {

  /**
   * Largest accepted spectral radius of the companion matrix, below 1 by a margin that keeps the
   * autocovariances' doubling recursion and the recursion's Cholesky factors well conditioned (1 −
   * ρ ≥ 1e-10 bounds the lag-0 variance by about 1e10 times the innovation's).
   */
  static final double MAX_SPECTRAL_RADIUS = 1 - 1e-10;

  private final int k;
  private final int p;
  private final double sign;
  private final List<String> names;
  private final String property;

  private StationaryVar(int k, int p, double sign, List<String> names, String property) {
    if (k < 1 || p < 1) {
      throw new IllegalArgumentException(
          "a VAR needs k ≥ 1 series and p ≥ 1 lags, got " + k + ", " + p);
    }
    this.k = k;
    this.p = p;
    this.sign = sign;
    this.names = List.copyOf(names);
    this.property = property;
    if (this.names.size() != k * k * p) {
      throw new IllegalArgumentException(
          k * k * p
              + " names expected for "
              + p
              + " lags of "
              + k
              + " series, got "
              + names.size());
    }
  }

  /**
   * The coefficients [A₁ … A_p] of a stationary VAR(p) in k series.
   *
   * @param names k²p names, row by row of [A₁ … A_p]
   */
  public static StationaryVar autoregressive(int k, int p, List<String> names) {
    return new StationaryVar(k, p, 1, names, "stationary");
  }

  /**
   * The coefficients [M₁ … M_q] of an invertible vector MA polynomial I + M₁ z + … + M_q z^q.
   *
   * @param names k²q names, row by row of [M₁ … M_q]
   */
  public static StationaryVar movingAverage(int k, int q, List<String> names) {
    return new StationaryVar(k, q, -1, names, "invertible");
  }

  @Override
  public int size() {
    return names.size();
  }

  @Override
  public double[] toNatural(double[] theta) {
    Lengths.require(theta, size(), "theta");
    Tape tape = new Tape();
    Var[] A = coefficients(tape, parameters(tape, theta));
    return flatten(A);
  }

  @Override
  public double[] pullBack(double[] theta, double[] naturalBar) {
    Lengths.require(theta, size(), "theta");
    Lengths.require(naturalBar, size(), "naturalBar");
    Tape tape = new Tape();
    Var[] A = coefficients(tape, parameters(tape, theta));
    for (int l = 0; l < p; l++) {
      DMatrixRMaj bar = new DMatrixRMaj(k, k);
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          bar.unsafe_set(i, j, naturalBar[index(l, i, j)]);
        }
      }
      tape.seed(A[l], bar);
    }
    return tape.gradient(size());
  }

  /**
   * The θ whose image is these coefficients.
   *
   * @throws IllegalArgumentException naming the coefficients when one is not finite or the VAR (MA
   *     polynomial) is not stationary (invertible): the companion matrix's spectral radius is not
   *     below {@link #MAX_SPECTRAL_RADIUS}
   */
  @Override
  public double[] toUnconstrained(double[] natural) {
    Lengths.requireFinite(natural, names);
    DMatrixRMaj[] A = new DMatrixRMaj[p];
    for (int l = 0; l < p; l++) {
      A[l] = new DMatrixRMaj(k, k);
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          A[l].unsafe_set(i, j, sign * natural[index(l, i, j)]);
        }
      }
    }
    DMatrixRMaj companion = companion(A);
    double radius = spectralRadius(companion);
    if (!(radius <= MAX_SPECTRAL_RADIUS)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s are not %s: the companion matrix of %s has spectral radius %.6g, and it must be"
                  + " below 1",
              describe(),
              property,
              sign > 0 ? "the VAR" : "the MA polynomial (as the VAR I − (−M₁) z − …)",
              radius));
    }
    DMatrixRMaj[] gamma = autocovariances(A, companion);
    DMatrixRMaj[] P = partialAutocorrelations(gamma);
    double[] theta = new double[size()];
    for (int l = 0; l < p; l++) {
      // U = chol(I − P Pᵀ)⁻¹ P, the inverse of P = chol(I + U Uᵀ)⁻¹ U.
      DMatrixRMaj G = CommonOps_DDRM.identity(k);
      CommonOps_DDRM.multAddTransB(-1, P[l], P[l], G);
      DMatrixRMaj U = P[l].copy();
      io.gramian.autodiff.TriangularSolve.lower(cholesky(G, l), U, null);
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          theta[index(l, i, j)] = U.unsafe_get(i, j);
        }
      }
    }
    return theta;
  }

  /**
   * An MA polynomial: any finite coefficients (the likelihood exists whether or not it is
   * invertible). A VAR: stationary, since its stationary initial covariance exists only then.
   */
  @Override
  public void requireLikelihoodExists(double[] natural) {
    if (sign < 0) {
      Lengths.requireFinite(natural, names);
      return;
    }
    toUnconstrained(natural);
  }

  // ---------------------------------------------------------------- the map, on the tape

  private Var[] parameters(Tape tape, double[] theta) {
    Var[] U = new Var[p];
    for (int l = 0; l < p; l++) {
      Var[] entries = new Var[k * k];
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          int at = index(l, i, j);
          entries[i * k + j] = tape.parameter(at, theta[at]);
        }
      }
      U[l] = tape.fromEntries(k, k, entries);
    }
    return U;
  }

  /** [A₁ … A_p] (or [M₁ … M_q]) from U₁ … U_p, recorded on U's tape. */
  private Var[] coefficients(Tape tape, Var[] U) {
    final TriaRule rule = TriaRule.MASKED;
    Var identity = tape.identity(k);
    Var L = identity;
    Var Ls = identity;
    Var[] phi = new Var[0];
    Var[] psi = new Var[0];
    for (int s = 0; s < p; s++) {
      Var B = tape.block(new Var[][] {{identity, U[s]}}).tria(rule);
      Var C = tape.block(new Var[][] {{identity, U[s].transpose()}}).tria(rule);
      Var P = B.solveLower(U[s]);
      // φ = L P L*⁻¹ = L (L*⁻ᵀ Pᵀ)ᵀ,   ψ = L* Pᵀ L⁻¹ = L* (L⁻ᵀ P)ᵀ
      Var phiNew = L.times(Ls.solveLowerTransposed(P.transpose()).transpose());
      Var psiNew = Ls.times(L.solveLowerTransposed(P).transpose());
      Var[] nextPhi = new Var[s + 1];
      Var[] nextPsi = new Var[s + 1];
      for (int i = 0; i < s; i++) {
        nextPhi[i] = phi[i].sub(phiNew.times(psi[s - 1 - i]));
        nextPsi[i] = psi[i].sub(psiNew.times(phi[s - 1 - i]));
      }
      nextPhi[s] = phiNew;
      nextPsi[s] = psiNew;
      phi = nextPhi;
      psi = nextPsi;
      // L_{s+1} = tria(L B⁻¹) = tria((B⁻ᵀ Lᵀ)ᵀ),   L*_{s+1} = tria(L* C⁻ᵀ) = tria((C⁻¹ L*ᵀ)ᵀ)
      L = B.solveLowerTransposed(L.transpose()).transpose().tria(rule);
      Ls = C.solveLower(Ls.transpose()).transpose().tria(rule);
    }
    Var[] A = new Var[p];
    for (int l = 0; l < p; l++) {
      Var a = L.solveLower(phi[l].times(L));
      A[l] = sign > 0 ? a : a.neg();
    }
    return A;
  }

  private double[] flatten(Var[] A) {
    double[] out = new double[size()];
    for (int l = 0; l < p; l++) {
      DMatrixRMaj a = A[l].value();
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          out[index(l, i, j)] = a.unsafe_get(i, j);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- the inverse, in plain doubles

  /** The kp × kp companion matrix: first block row [A₁ … A_p], identities below. */
  private DMatrixRMaj companion(DMatrixRMaj[] A) {
    DMatrixRMaj F = new DMatrixRMaj(k * p, k * p);
    for (int l = 0; l < p; l++) {
      CommonOps_DDRM.insert(A[l], F, 0, l * k);
    }
    for (int i = k; i < k * p; i++) {
      F.unsafe_set(i, i - k, 1);
    }
    return F;
  }

  private static double spectralRadius(DMatrixRMaj F) {
    EigenDecomposition_F64<DMatrixRMaj> eig =
        DecompositionFactory_DDRM.eig(F.numRows, false, false);
    if (!eig.decompose(F.copy())) {
      return Double.NaN;
    }
    double radius = 0;
    for (int i = 0; i < F.numRows; i++) {
      Complex_F64 lambda = eig.getEigenvalue(i);
      radius = Math.max(radius, lambda.getMagnitude());
    }
    return radius;
  }

  /**
   * Γ₀ … Γ_p, {@code Γ_j = E(y_t y_{t−j}ᵀ)} of the VAR with unit innovation variance: Γ₀ … Γ_{p−1}
   * from the first block row of the companion form's stationary covariance, {@code Γ_p = Σ_i A_i
   * Γ_{p−i}}.
   */
  private DMatrixRMaj[] autocovariances(DMatrixRMaj[] A, DMatrixRMaj companion) {
    final int n = k * p;
    DMatrixRMaj cholQ = new DMatrixRMaj(n, k);
    for (int i = 0; i < k; i++) {
      cholQ.unsafe_set(i, i, 1);
    }
    Tape tape = new Tape();
    DMatrixRMaj S = StationaryFactor.of(tape.constant(companion), tape.constant(cholQ)).value();
    DMatrixRMaj stacked = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransB(S, S, stacked);
    DMatrixRMaj[] gamma = new DMatrixRMaj[p + 1];
    for (int j = 0; j < p; j++) {
      gamma[j] = CommonOps_DDRM.extract(stacked, 0, k, j * k, (j + 1) * k);
    }
    gamma[p] = new DMatrixRMaj(k, k);
    for (int i = 1; i <= p; i++) {
      CommonOps_DDRM.multAdd(A[i - 1], gamma[p - i], gamma[p]);
    }
    return gamma;
  }

  /**
   * Whittle's recursion: the normalised partial autocorrelations {@code P_s = L_s⁻¹ Δ_s L*_s⁻ᵀ}
   * from the autocovariances, with {@code Δ_s = Γ_{s+1} − Σ_{i ≤ s} φ_i Γ_{s+1−i}} and L_s, L*_s
   * the Cholesky factors of the forward and backward prediction-error variances.
   */
  private DMatrixRMaj[] partialAutocorrelations(DMatrixRMaj[] gamma) {
    DMatrixRMaj[] P = new DMatrixRMaj[p];
    DMatrixRMaj sigma = gamma[0].copy();
    DMatrixRMaj sigmaStar = gamma[0].copy();
    DMatrixRMaj[] phi = new DMatrixRMaj[0];
    DMatrixRMaj[] psi = new DMatrixRMaj[0];
    for (int s = 0; s < p; s++) {
      DMatrixRMaj delta = gamma[s + 1].copy();
      for (int i = 1; i <= s; i++) {
        CommonOps_DDRM.multAdd(-1, phi[i - 1], gamma[s + 1 - i], delta);
      }
      DMatrixRMaj L = cholesky(sigma, s);
      DMatrixRMaj Ls = cholesky(sigmaStar, s);
      // P = L⁻¹ Δ L*⁻ᵀ = L⁻¹ (L*⁻¹ Δᵀ)ᵀ
      DMatrixRMaj deltaT = CommonOps_DDRM.transpose(delta, null);
      io.gramian.autodiff.TriangularSolve.lower(Ls, deltaT, null);
      P[s] = CommonOps_DDRM.transpose(deltaT, null);
      io.gramian.autodiff.TriangularSolve.lower(L, P[s], null);
      // φ = Δ Σ*⁻¹,  ψ = Δᵀ Σ⁻¹ (solves with the Cholesky factors)
      DMatrixRMaj phiNew = rightSolve(delta, Ls);
      DMatrixRMaj psiNew = rightSolve(CommonOps_DDRM.transpose(delta, null), L);
      DMatrixRMaj[] nextPhi = new DMatrixRMaj[s + 1];
      DMatrixRMaj[] nextPsi = new DMatrixRMaj[s + 1];
      for (int i = 0; i < s; i++) {
        nextPhi[i] = phi[i].copy();
        CommonOps_DDRM.multAdd(-1, phiNew, psi[s - 1 - i], nextPhi[i]);
        nextPsi[i] = psi[i].copy();
        CommonOps_DDRM.multAdd(-1, psiNew, phi[s - 1 - i], nextPsi[i]);
      }
      nextPhi[s] = phiNew;
      nextPsi[s] = psiNew;
      // Σ ← Σ − φ Δᵀ,   Σ* ← Σ* − ψ Δ
      CommonOps_DDRM.multAddTransB(-1, phiNew, delta, sigma);
      CommonOps_DDRM.multAdd(-1, psiNew, delta, sigmaStar);
      phi = nextPhi;
      psi = nextPsi;
    }
    return P;
  }

  /** X Σ⁻¹ for Σ = L Lᵀ: X L⁻ᵀ L⁻¹. */
  private static DMatrixRMaj rightSolve(DMatrixRMaj X, DMatrixRMaj L) {
    DMatrixRMaj Y = X.copy();
    io.gramian.autodiff.TriangularSolve.rightLowerTransposed(L, Y, null);
    io.gramian.autodiff.TriangularSolve.rightLower(L, Y, null);
    return Y;
  }

  /** The lower Cholesky factor of a symmetric positive definite k × k matrix. */
  private DMatrixRMaj cholesky(DMatrixRMaj G, int lag) {
    DMatrixRMaj symmetric = G.copy();
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(k, true);
    if (!chol.decompose(symmetric)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s are too close to the boundary of the %s region to be represented: the"
                  + " prediction-error variance at lag %d is not positive definite",
              describe(),
              property,
              lag + 1));
    }
    DMatrixRMaj L = chol.getT(null);
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        L.unsafe_set(i, j, 0);
      }
    }
    return L;
  }

  private String describe() {
    return names.size() <= 4
        ? String.join(", ", names)
        : names.get(0) + " … " + names.get(names.size() - 1);
  }

  private int index(int lag, int i, int j) {
    return i * k * p + lag * k + j;
  }
}
