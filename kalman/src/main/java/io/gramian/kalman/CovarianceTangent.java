package io.gramian.kalman;

import io.gramian.autodiff.BlockProduct;
import io.gramian.autodiff.TriangularSolve;
import org.ejml.data.DMatrixRMaj;

/**
 * The tangent of the ordinary filter's steps carried as dP, the tangent of the covariance P = S Sᵀ,
 * instead of dS (docs/filter.md, "The tangent in covariance form"). With the factors the forward
 * sweep recorded (the update's {@code L = [[A, 0], [C, D]]}: A Aᵀ = F_t, K = C A⁻¹, D Dᵀ = P⁺; z =
 * A⁻¹ v), on the observed rows o (p of them):
 *
 * <pre>
 * update:   dv = −dd_o − dH_o x⁻ − H_o dx⁻,   u = A⁻ᵀ z,   N = dH_o C Aᵀ
 *           M  = H_o dP Hᵀ_o + dcholR_o cholRᵀ_o + cholR_o dcholRᵀ_o,   dF_t = M + N + Nᵀ
 *           dℓ_t = −½ tr(A⁻¹ dF_t A⁻ᵀ) − uᵀ dv + ½ uᵀ dF_t u
 *           dx⁺ = dx⁻ + (H_o dP)ᵀ u + P⁻ dHᵀ_o u + K (dv − dF_t u),   P⁻ = P⁺ + C Cᵀ
 *           Z  = K (H_o dP + dH_o P⁺ − ½ M Kᵀ),   dP⁺ = dP − (Z + Zᵀ)
 * predict:  dx⁻ = dF x⁺ + F dx⁺ + dc
 *           Z  = F (½ dP⁺ Fᵀ + P⁺ dFᵀ) + cholQ dcholQᵀ,   dP⁻ = Z + Zᵀ
 * </pre>
 *
 * (x nx × 1, P nx × nx, H_o p × nx, A p × p, C and K nx × p.) This is the differential of the
 * covariance filter, P⁺ = (I − K H) P⁻ and P⁻ = F P⁺ Fᵀ + Q, so it is exact whatever the rank of S,
 * Q or R, as the reverse sweep's Gramian form is; every product skips the zeros of F, H and the
 * direction, so a step costs O(p nx²) plus F's nonzeros times nx, where the factor's tangent costs
 * two triangularisations' tangents. dP is formed as a sum with its transpose, so it is symmetric to
 * the bit. Works in this object's workspace and allocates nothing per step. Not thread-safe.
 */
final class CovarianceTangent {

  private final int nx;
  private final DMatrixRMaj dP; // dP⁻ then dP⁺
  private final DMatrixRMaj P; // P⁺ of the step
  private final DMatrixRMaj K; // nx × p
  private final DMatrixRMaj Z; // nx × nx
  private final DMatrixRMaj U; // nx × nx
  private final DMatrixRMaj dXNext;
  private final double[] HdP; // p × nx
  private final double[] R1; // p × nx
  private final double[] M; // p × p
  private final double[] dFt; // dF_t, p × p
  private final double[] N; // p × p
  private final double[] pByP; // p × p scratch: dH_o C, then A⁻¹ dF_t A⁻ᵀ
  private final double[] u;
  private final double[] dv;
  private final double[] g; // nx
  private final double[] pVector; // p scratch: dv − dF_t u, then Cᵀ g
  private final TransitionNonzeros fNonzeros;
  private final TransitionNonzeros dFNonzeros;

  /**
   * The rows of P⁺ the direction reads: the columns where dF or dH has a nonzero (dF P⁺, dH_o P⁺,
   * P⁺ dHᵀ_o u); listed once per sweep for a time-invariant direction.
   */
  private final int[] pRows;

  private int pRowCount;
  private boolean pRowsPerSweep;
  private boolean pRowsListed;

  CovarianceTangent(Dimensions dims) {
    nx = dims.nx();
    int ny = dims.ny();
    dP = new DMatrixRMaj(nx, nx);
    P = new DMatrixRMaj(nx, nx);
    K = new DMatrixRMaj(nx, ny);
    Z = new DMatrixRMaj(nx, nx);
    U = new DMatrixRMaj(nx, nx);
    dXNext = new DMatrixRMaj(nx, 1);
    HdP = new double[ny * nx];
    R1 = new double[ny * nx];
    M = new double[ny * ny];
    dFt = new double[ny * ny];
    N = new double[ny * ny];
    pByP = new double[ny * ny];
    u = new double[ny];
    dv = new double[ny];
    g = new double[nx];
    pVector = new double[ny];
    fNonzeros = new TransitionNonzeros(nx);
    dFNonzeros = new TransitionNonzeros(nx);
    pRows = new int[nx];
  }

  /**
   * Starts a sweep along one direction: F and dF are listed at their first {@link #predict} and
   * kept when time-invariant ({@link TransitionNonzeros}), so that the predict's products visit
   * their nonzeros only.
   */
  void startSweep(StateSpace system, StateSpace direction) {
    fNonzeros.startSweep(system.isTimeInvariant());
    dFNonzeros.startSweep(direction.isTimeInvariant());
    pRowsPerSweep = direction.isTimeInvariant();
    pRowsListed = false;
  }

  /** Starts from a factor and its tangent: dP = dS Sᵀ + S dSᵀ (S, dS nx × s). */
  void begin(DMatrixRMaj S, DMatrixRMaj dS) {
    final int s = S.numCols;
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j <= i; j++) {
        double v = 0;
        for (int k = 0; k < s; k++) {
          v += dS.data[i * s + k] * S.data[j * s + k] + S.data[i * s + k] * dS.data[j * s + k];
        }
        dP.data[i * nx + j] = v;
        dP.data[j * nx + i] = v;
      }
    }
  }

  /**
   * Loads the rows of step t's P⁺ = S⁺ S⁺ᵀ that the update and the predict after it read along this
   * direction: those of the columns where dF or dH has a nonzero, and by symmetry the same columns
   * ({@link BlockProduct#gramianRows}: {@code P_ij = Σ_k S_ik S_jk} over k ≤ min(i, j) when S is
   * lower triangular, every S⁺ but a first step's cholP0, the same sums to the bit as the whole
   * {@link BlockProduct#gramian}). A direction that leaves F and H alone (a variance's) reads none;
   * one along an autoregressive coefficient, one row. P⁺ enters the tangent only as dF P⁺, dH_o P⁺
   * and P⁺ dHᵀ_o u, so the other entries (an earlier step's, or zero) enter nothing: where a loop
   * passes over them, it multiplies them by exact zeros.
   *
   * @param S S⁺, nx × s. Not modified.
   * @param dF dF_t, nx × nx. Not modified.
   * @param dH dH_t, ny × nx. Not modified.
   */
  void loadFilteredCovariance(DMatrixRMaj S, DMatrixRMaj dF, DMatrixRMaj dH) {
    if (!(pRowsListed && pRowsPerSweep)) {
      listReadRows(dF, dH);
    }
    if (pRowCount == 0) {
      return;
    }
    final int s = S.numCols;
    BlockProduct.gramianRows(
        nx, s, S.data, BlockProduct.lowerTriangular(nx, s, S.data), pRows, pRowCount, P.data, 0);
  }

  /** The columns k where dF or dH has a nonzero, into {@link #pRows}. */
  private void listReadRows(DMatrixRMaj dF, DMatrixRMaj dH) {
    pRowCount = 0;
    for (int k = 0; k < nx; k++) {
      if (columnHasNonzero(dF, k) || columnHasNonzero(dH, k)) {
        pRows[pRowCount++] = k;
      }
    }
    pRowsListed = true;
  }

  private static boolean columnHasNonzero(DMatrixRMaj A, int k) {
    final int cols = A.numCols;
    for (int i = 0; i < A.numRows; i++) {
      if (A.data[i * cols + k] != 0.0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The update's tangent on the observed rows {@code index[io .. io + p)}, p ≥ 1, after {@link
   * #loadFilteredCovariance} of this step.
   *
   * @param L the update's factor [[A, 0], [C, D]], (p + nx) × (p + nx). Not modified.
   * @param z the whitened innovation A⁻¹ v, p entries from {@code zo}. Not modified.
   * @param x x⁻, nx × 1. Not modified.
   * @param dx on entry dx⁻, on exit dx⁺. Modified.
   * @return dℓ_t
   */
  double update(
      DMatrixRMaj L,
      double[] z,
      int zo,
      DMatrixRMaj H,
      DMatrixRMaj cholR,
      DMatrixRMaj dH,
      DMatrixRMaj dd,
      DMatrixRMaj dcholR,
      int[] index,
      int io,
      int p,
      DMatrixRMaj x,
      DMatrixRMaj dx) {
    final int n = p + nx;
    final double[] l = L.data;
    final int cOffset = p * n;
    // K = C A⁻¹, u = A⁻ᵀ z
    K.reshape(nx, p, false);
    for (int i = 0; i < nx; i++) {
      System.arraycopy(l, cOffset + i * n, K.data, i * p, p);
    }
    TriangularSolve.rightLower(L, p, K.data, 0, p, nx, null);
    System.arraycopy(z, zo, u, 0, p);
    TriangularSolve.lowerTransposed(L, p, u, 0, 1, 1, null);
    // dv = −dd_o − dH_o x⁻ − H_o dx⁻
    for (int i = 0; i < p; i++) {
      int row = index[io + i];
      double v = -dd.data[row];
      for (int k = 0; k < nx; k++) {
        v -= dH.data[row * nx + k] * x.data[k] + H.data[row * nx + k] * dx.data[k];
      }
      dv[i] = v;
    }
    // H_o dP, and N = (dH_o C) Aᵀ
    java.util.Arrays.fill(HdP, 0, p * nx, 0.0);
    BlockProduct.multAdd(1.0, p, nx, nx, H.data, index, io, 0, nx, dP.data, 0, nx, HdP, 0, nx);
    java.util.Arrays.fill(pByP, 0, p * p, 0.0);
    BlockProduct.multAdd(1.0, p, nx, p, dH.data, index, io, 0, nx, l, cOffset, n, pByP, 0, p);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double v = 0;
        for (int k = 0; k <= j; k++) {
          v += pByP[i * p + k] * l[j * n + k];
        }
        N[i * p + j] = v;
      }
    }
    // M = H_o dP Hᵀ_o + dR_oo, dF_t = M + N + Nᵀ (lower triangles, mirrored)
    final int r = cholR.numCols;
    for (int i = 0; i < p; i++) {
      int rowI = index[io + i];
      for (int j = 0; j <= i; j++) {
        int rowJ = index[io + j];
        double v = 0;
        for (int k = 0; k < nx; k++) {
          v += HdP[i * nx + k] * H.data[rowJ * nx + k];
        }
        for (int a = 0; a < r; a++) {
          v +=
              dcholR.data[rowI * r + a] * cholR.data[rowJ * r + a]
                  + cholR.data[rowI * r + a] * dcholR.data[rowJ * r + a];
        }
        M[i * p + j] = v;
        M[j * p + i] = v;
        double f = v + (N[i * p + j] + N[j * p + i]);
        dFt[i * p + j] = f;
        dFt[j * p + i] = f;
      }
    }
    double dll = logLikelihood(L, p);
    filteredMean(L, H, dH, index, io, p, dx);
    filteredCovarianceTangent(dH, index, io, p);
    return dll;
  }

  /** dℓ_t = −½ tr(A⁻¹ dF_t A⁻ᵀ) − uᵀ dv + ½ uᵀ dF_t u. */
  private double logLikelihood(DMatrixRMaj L, int p) {
    System.arraycopy(dFt, 0, pByP, 0, p * p);
    TriangularSolve.lower(L, p, pByP, 0, p, p, null);
    TriangularSolve.rightLowerTransposed(L, p, pByP, 0, p, p, null);
    double dll = 0;
    for (int i = 0; i < p; i++) {
      double fu = 0;
      for (int j = 0; j < p; j++) {
        fu += dFt[i * p + j] * u[j];
      }
      dll += -0.5 * pByP[i * p + i] - u[i] * dv[i] + 0.5 * u[i] * fu;
    }
    return dll;
  }

  /** dx⁺ = dx⁻ + (H_o dP)ᵀ u + P⁻ dHᵀ_o u + K (dv − dF_t u), with P⁻ = P⁺ + C Cᵀ. */
  private void filteredMean(
      DMatrixRMaj L, DMatrixRMaj H, DMatrixRMaj dH, int[] index, int io, int p, DMatrixRMaj dx) {
    final int n = p + nx;
    final double[] l = L.data;
    final int cOffset = p * n;
    for (int i = 0; i < p; i++) {
      double v = dv[i];
      for (int j = 0; j < p; j++) {
        v -= dFt[i * p + j] * u[j];
      }
      pVector[i] = v; // dv − dF_t u
    }
    boolean dHObserved = false;
    for (int k = 0; k < nx; k++) {
      double v = 0;
      for (int i = 0; i < p; i++) {
        v += dH.data[index[io + i] * nx + k] * u[i];
      }
      g[k] = v;
      dHObserved |= v != 0.0;
    }
    for (int k = 0; k < nx; k++) {
      double v = dx.data[k];
      for (int i = 0; i < p; i++) {
        v += HdP[i * nx + k] * u[i] + K.data[k * p + i] * pVector[i];
      }
      dx.data[k] = v;
    }
    if (!dHObserved) {
      return;
    }
    // + P⁺ g + C (Cᵀ g), g = dHᵀ_o u
    for (int i = 0; i < p; i++) {
      double v = 0;
      for (int k = 0; k < nx; k++) {
        v += l[cOffset + k * n + i] * g[k];
      }
      pVector[i] = v;
    }
    for (int k = 0; k < nx; k++) {
      double v = 0;
      for (int j = 0; j < nx; j++) {
        v += P.data[k * nx + j] * g[j];
      }
      for (int i = 0; i < p; i++) {
        v += l[cOffset + k * n + i] * pVector[i];
      }
      dx.data[k] += v;
    }
  }

  /** dP⁺ = dP − (Z + Zᵀ), Z = K (H_o dP + dH_o P⁺ − ½ M Kᵀ). */
  private void filteredCovarianceTangent(DMatrixRMaj dH, int[] index, int io, int p) {
    System.arraycopy(HdP, 0, R1, 0, p * nx);
    BlockProduct.multAdd(1.0, p, nx, nx, dH.data, index, io, 0, nx, P.data, 0, nx, R1, 0, nx);
    for (int i = 0; i < p; i++) {
      for (int k = 0; k < nx; k++) {
        double v = 0;
        for (int j = 0; j < p; j++) {
          v += M[i * p + j] * K.data[k * p + j];
        }
        R1[i * nx + k] -= 0.5 * v;
      }
    }
    Z.zero();
    BlockProduct.multAdd(1.0, nx, p, nx, K.data, 0, p, R1, 0, nx, Z.data, 0, nx);
    addSymmetricSum(-1.0);
  }

  /**
   * The predict's tangent, after {@link #loadFilteredCovariance} of step t.
   *
   * @param x x⁺, nx × 1. Not modified.
   * @param dx on entry dx⁺, on exit dx⁻. Modified.
   */
  void predict(
      DMatrixRMaj F,
      DMatrixRMaj cholQ,
      DMatrixRMaj dF,
      DMatrixRMaj dc,
      DMatrixRMaj dcholQ,
      DMatrixRMaj x,
      DMatrixRMaj dx) {
    fNonzeros.index(F);
    dFNonzeros.index(dF);
    PredictStep.meanTangent(fNonzeros, dFNonzeros, dc, x, dx, dXNext);
    dx.setTo(dXNext);
    // U = ½ dP⁺ Fᵀ + P⁺ dFᵀ = (½ F dP⁺ + dF P⁺)ᵀ, written transposed into Z first
    Z.zero();
    fNonzeros.multAdd(0.5, dP.data, nx, nx, Z.data, 0, nx);
    dFNonzeros.multAdd(1.0, P.data, nx, nx, Z.data, 0, nx);
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < nx; j++) {
        U.data[i * nx + j] = Z.data[j * nx + i];
      }
    }
    fNonzeros.timesInto(U.data, nx, nx, Z.data, 0, nx);
    final int q = cholQ.numCols;
    for (int j = 0; j < nx; j++) {
      for (int a = 0; a < q; a++) {
        double dq = dcholQ.data[j * q + a];
        if (dq == 0.0) {
          continue;
        }
        for (int i = 0; i < nx; i++) {
          Z.data[i * nx + j] += cholQ.data[i * q + a] * dq;
        }
      }
    }
    dP.zero();
    addSymmetricSum(1.0);
  }

  /** dP ← dP + sign · (Z + Zᵀ), symmetric to the bit. */
  private void addSymmetricSum(double sign) {
    final double[] zd = Z.data;
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j <= i; j++) {
        double v = dP.data[i * nx + j] + sign * (zd[i * nx + j] + zd[j * nx + i]);
        dP.data[i * nx + j] = v;
        dP.data[j * nx + i] = v;
      }
    }
  }
}
