package io.gramian.kalman;

import io.gramian.autodiff.TriaAdjoint;
import io.gramian.autodiff.TriaRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The forward (tangent) sweep: the directional derivative dℓ_t of every step's log-likelihood
 * term along one direction of the system matrices, reusing the forward sweep's {@link Tape}.
 *
 * <pre>
 * update:   dM_u = [[dH S⁻ + H dS⁻, dcholR], [dS⁻, 0]],  [[dA, ·], [dC, dD]] = tria_jvp(dM_u)
 *           de = −dH m⁻ − H dm⁻ − dd,  dz = A⁻¹ (de − tril(dA) z)
 *           dℓ_t = −zᵀ dz − Σ_i dA_ii / A_ii,  dm⁺ = dm⁻ + dC z + C dz,  dS⁺ = dD
 * predict:  dS⁻ = tria_jvp([dF S⁺ + F dS⁺, dcholQ]),  dm⁻ = dF m⁺ + F dm⁺ + dc
 * </pre>
 *
 * One sweep per direction gives the per-observation scores that OPG standard errors need.
 */
final class TangentSweep {

  private final Dimensions dims;
  private final TriaAdjoint adjoint;
  private final DMatrixRMaj dm; // dm⁻ then dm⁺
  private final DMatrixRMaj dS; // dS⁻ then dS⁺
  private final DMatrixRMaj L;
  private final DMatrixRMaj Q;
  private final DMatrixRMaj dM;
  private final DMatrixRMaj dL;
  private final DMatrixRMaj S;
  private final DMatrixRMaj m;
  private final DMatrixRMaj tmp;
  private final DMatrixRMaj tmp2;
  private final double[] dz;

  TangentSweep(Dimensions dims) {
    this.dims = dims;
    int nx = dims.nx();
    int cs = dims.predictedCols();
    int rows = Math.max(dims.updateRows(), nx);
    int cols = Math.max(dims.updateCols(), dims.predictCols());
    adjoint = new TriaAdjoint(rows, cols);
    dm = new DMatrixRMaj(nx, 1);
    dS = new DMatrixRMaj(nx, cs);
    L = new DMatrixRMaj(rows, rows);
    Q = new DMatrixRMaj(cols, rows);
    dM = new DMatrixRMaj(rows, cols);
    dL = new DMatrixRMaj(rows, rows);
    S = new DMatrixRMaj(nx, cs);
    m = new DMatrixRMaj(nx, 1);
    tmp = new DMatrixRMaj(rows, cols);
    tmp2 = new DMatrixRMaj(rows, cols);
    dz = new double[dims.ny()];
  }

  void run(
      Tape tape,
      StateSpace system,
      StateSpace direction,
      DMatrixRMaj Y,
      TriaRule rule,
      double[] dLogLik) {
    if (!Dimensions.of(direction).equals(dims)) {
      throw new IllegalArgumentException(
          "the tangent direction has " + Dimensions.of(direction) + ", expected " + dims);
    }
    final int T = tape.steps;
    if (dLogLik.length < T) {
      throw new IllegalArgumentException(
          "dLogLik has length " + dLogLik.length + ", expected at least " + T);
    }
    dm.setTo(direction.m0());
    dS.setTo(direction.cholP0());
    for (int t = 0; t < T; t++) {
      dLogLik[t] = updateTangent(tape, system, direction, Y, t, rule);
      if (t < T - 1) {
        predictTangent(tape, system, direction, t, rule);
      }
    }
  }

  private double updateTangent(
      Tape tape, StateSpace system, StateSpace direction, DMatrixRMaj Y, int t, TriaRule rule) {
    final int nx = dims.nx();
    final int ny = dims.ny();
    final int p = tape.observedCount[t];
    if (p == 0) {
      return 0.0;
    }
    final DMatrixRMaj H = system.H(t);
    final DMatrixRMaj dH = direction.H(t);
    final DMatrixRMaj dd = direction.d(t);
    final DMatrixRMaj dR = direction.cholR(t);
    final int r = system.r();
    final int s = dS.numCols;
    final int n = p + nx;
    final int[] index = tape.observedIndex;
    final int io = t * ny;
    final int zo = t * ny;

    tape.loadPredictedFactor(t, system.cholP0(), S);
    tape.loadVector(tape.mPred, t, nx, m);
    tape.loadUpdate(t, s + r, L, Q);

    // dM_u = [[dH S⁻ + H dS⁻, dcholR], [dS⁻, 0]] on the observed rows.
    dM.reshape(n, s + r, false);
    dM.zero();
    for (int i = 0; i < p; i++) {
      int row = index[io + i];
      for (int b = 0; b < s; b++) {
        double v = 0;
        for (int a = 0; a < nx; a++) {
          v += dH.data[row * nx + a] * S.data[a * s + b] + H.data[row * nx + a] * dS.data[a * s + b];
        }
        dM.data[i * (s + r) + b] = v;
      }
      for (int j = 0; j < r; j++) {
        dM.data[i * (s + r) + s + j] = dR.data[row * r + j];
      }
    }
    for (int i = 0; i < nx; i++) {
      System.arraycopy(dS.data, i * s, dM.data, (p + i) * (s + r), s);
    }
    adjoint.jvp(rule, L, Q, dM, dL);
    final double[] l = L.data;
    final double[] dl = dL.data;

    // dz = A⁻¹ (de − tril(dA) z),  dℓ = −zᵀ dz − Σ dA_ii / A_ii
    double dll = 0;
    for (int i = 0; i < p; i++) {
      int row = index[io + i];
      double v = -dd.data[row];
      for (int a = 0; a < nx; a++) {
        v -= dH.data[row * nx + a] * m.data[a] + H.data[row * nx + a] * dm.data[a];
      }
      for (int j = 0; j <= i; j++) {
        v -= dl[i * n + j] * tape.z[zo + j];
      }
      for (int j = 0; j < i; j++) {
        v -= l[i * n + j] * dz[j];
      }
      double a = l[i * n + i];
      dz[i] = v / a;
      dll -= tape.z[zo + i] * dz[i] + dl[i * n + i] / a;
    }
    // dm⁺ = dm⁻ + dC z + C dz,  dS⁺ = dD
    for (int i = 0; i < nx; i++) {
      double v = dm.data[i];
      for (int j = 0; j < p; j++) {
        v += dl[(p + i) * n + j] * tape.z[zo + j] + l[(p + i) * n + j] * dz[j];
      }
      dm.data[i] = v;
    }
    dS.reshape(nx, nx, false);
    for (int i = 0; i < nx; i++) {
      System.arraycopy(dl, (p + i) * n + p, dS.data, i * nx, nx);
    }
    return dll;
  }

  private void predictTangent(
      Tape tape, StateSpace system, StateSpace direction, int t, TriaRule rule) {
    final int nx = dims.nx();
    final DMatrixRMaj F = system.F(t);
    final DMatrixRMaj dF = direction.F(t);
    final DMatrixRMaj dQ = direction.cholQ(t);
    final int q = system.q();
    final int s = tape.filteredCols[t];
    tape.loadFilteredFactor(t, system.cholP0(), S);
    tape.loadVector(tape.mFilt, t, nx, m);
    tape.loadPredict(t, s + q, L, Q);

    // dM_p = [dF S⁺ + F dS⁺, dcholQ]
    CommonOps_DDRM.mult(dF, S, tmp);
    CommonOps_DDRM.multAdd(F, dS, tmp);
    dM.reshape(nx, s + q, false);
    CommonOps_DDRM.insert(tmp, dM, 0, 0);
    if (q > 0) {
      CommonOps_DDRM.insert(dQ, dM, 0, s);
    }
    adjoint.jvp(rule, L, Q, dM, dL);
    // dm⁻ = dF m⁺ + F dm⁺ + dc
    CommonOps_DDRM.mult(F, dm, tmp2);
    CommonOps_DDRM.multAdd(dF, m, tmp2);
    CommonOps_DDRM.addEquals(tmp2, direction.c(t));
    dm.setTo(tmp2);
    dS.setTo(dL);
  }
}
