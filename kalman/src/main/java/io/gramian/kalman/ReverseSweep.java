package io.gramian.kalman;

import io.gramian.autodiff.TriaAdjoint;
import io.gramian.autodiff.TriaRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The reverse sweep: the gradient of ℓ with respect to every system matrix, walking back over
 * the {@link Tape} with the adjoints {@code m̄, S̄} (starting from zero, {@code ℓ̄ = 1}).
 *
 * <pre>
 * update (given m̄⁺, S̄⁺):
 *   z̄ = −z + Cᵀ m̄⁺,  C̄ = m̄⁺ zᵀ,  D̄ = S̄⁺,  ē = A⁻ᵀ z̄,  Ā = −tril(ē zᵀ) − diag(1 / A_ii)
 *   M̄_u = tria_vjp(M_u, [[Ā, 0], [C̄, D̄]])
 *   m̄⁻ = m̄⁺ − Hᵀ ē,  H̄ += −ē m⁻ᵀ + M̄_u[:p, :s] S⁻ᵀ,  d̄ += −ē,  cholR̄ += M̄_u[:p, s:]
 *   S̄⁻ = Hᵀ M̄_u[:p, :s] + M̄_u[p:, :s]
 * predict (given m̄⁻, S̄⁻ of the next step):
 *   M̄_p = tria_vjp([F S, cholQ], S̄⁻)
 *   F̄ += m̄⁻ m⁺ᵀ + M̄_p[:, :s] S⁺ᵀ,  c̄ += m̄⁻,  cholQ̄ += M̄_p[:, s:]
 *   S̄⁺ = Fᵀ M̄_p[:, :s],  m̄⁺ = Fᵀ m̄⁻
 * </pre>
 *
 * (p observed values, s columns of the step's factor). At the end {@code m̄0 = m̄⁻_0},
 * {@code cholP̄0 = S̄⁻_0}. Allocates nothing per step.
 */
final class ReverseSweep {

  private final Dimensions dims;
  private final TriaAdjoint adjoint;
  private final DMatrixRMaj mBar; // m̄⁺ of the current step
  private final DMatrixRMaj SBar; // S̄⁺
  private final DMatrixRMaj mBarPred; // m̄⁻
  private final DMatrixRMaj SBarPred; // S̄⁻
  private final DMatrixRMaj L;
  private final DMatrixRMaj Q;
  private final DMatrixRMaj MBar;
  private final DMatrixRMaj LBar;
  private final DMatrixRMaj S;
  private final DMatrixRMaj m;
  private final DMatrixRMaj block;
  private final DMatrixRMaj product;
  private final double[] eBar;
  private final double[] zBar;

  ReverseSweep(Dimensions dims) {
    this.dims = dims;
    int nx = dims.nx();
    int cs = dims.predictedCols();
    int rows = Math.max(dims.updateRows(), nx);
    int cols = Math.max(dims.updateCols(), dims.predictCols());
    adjoint = new TriaAdjoint(rows, cols);
    mBar = new DMatrixRMaj(nx, 1);
    SBar = new DMatrixRMaj(nx, cs);
    mBarPred = new DMatrixRMaj(nx, 1);
    SBarPred = new DMatrixRMaj(nx, cs);
    L = new DMatrixRMaj(rows, rows);
    Q = new DMatrixRMaj(cols, rows);
    MBar = new DMatrixRMaj(rows, cols);
    LBar = new DMatrixRMaj(rows, rows);
    S = new DMatrixRMaj(nx, cs);
    m = new DMatrixRMaj(nx, 1);
    block = new DMatrixRMaj(rows, cols);
    product = new DMatrixRMaj(rows, cols);
    eBar = new double[dims.ny()];
    zBar = new double[dims.ny()];
  }

  void run(Tape tape, StateSpace system, DMatrixRMaj Y, TriaRule rule, AdjointAccumulator out) {
    final int T = tape.steps;
    final int nx = dims.nx();
    if (T == 0) {
      return;
    }
    mBar.reshape(nx, 1, false);
    mBar.zero();
    SBar.reshape(nx, tape.filteredCols[T - 1], false);
    SBar.zero();
    for (int t = T - 1; t >= 0; t--) {
      if (t < T - 1) {
        predictReverse(tape, system, t, rule, out);
      }
      updateReverse(tape, system, t, rule, out);
    }
    CommonOps_DDRM.addEquals(out.m0Bar(), mBarPred);
    CommonOps_DDRM.addEquals(out.cholP0Bar(), SBarPred);
  }

  /** From m̄⁻_{t+1}, S̄⁻_{t+1} (in mBarPred, SBarPred) to m̄⁺_t, S̄⁺_t (in mBar, SBar). */
  private void predictReverse(
      Tape tape, StateSpace system, int t, TriaRule rule, AdjointAccumulator out) {
    final int nx = dims.nx();
    final DMatrixRMaj F = system.F(t);
    final int q = system.q();
    final int s = tape.filteredCols[t];
    tape.loadPredict(t, s + q, L, Q);
    MBar.reshape(nx, s + q, false);
    MBar.zero();
    adjoint.vjpAdd(rule, L, Q, SBarPred, MBar);

    tape.loadFilteredFactor(t, system.cholP0(), S);
    tape.loadVector(tape.mFilt, t, nx, m);
    DMatrixRMaj FBar = out.FBar(t);
    CommonOps_DDRM.multAddTransB(mBarPred, m, FBar);
    block.reshape(nx, s, false);
    CommonOps_DDRM.extract(MBar, 0, nx, 0, s, block, 0, 0);
    CommonOps_DDRM.multAddTransB(block, S, FBar);
    CommonOps_DDRM.addEquals(out.cBar(t), mBarPred);
    if (q > 0) {
      DMatrixRMaj cholQBar = out.cholQBar(t);
      for (int i = 0; i < nx; i++) {
        for (int j = 0; j < q; j++) {
          cholQBar.data[i * q + j] += MBar.unsafe_get(i, s + j);
        }
      }
    }
    CommonOps_DDRM.multTransA(F, block, SBar);
    CommonOps_DDRM.multTransA(F, mBarPred, mBar);
  }

  /** From m̄⁺_t, S̄⁺_t (in mBar, SBar) to m̄⁻_t, S̄⁻_t (in mBarPred, SBarPred). */
  private void updateReverse(
      Tape tape, StateSpace system, int t, TriaRule rule, AdjointAccumulator out) {
    final int nx = dims.nx();
    final int ny = dims.ny();
    final int p = tape.observedCount[t];
    if (p == 0) {
      mBarPred.setTo(mBar);
      SBarPred.setTo(SBar);
      return;
    }
    final DMatrixRMaj H = system.H(t);
    final int r = system.r();
    final int s = t == 0 ? system.k() : nx;
    final int n = p + nx;
    final int zOffset = t * ny;
    final int[] index = tape.observedIndex;
    final int indexOffset = t * ny;
    tape.loadUpdate(t, s + r, L, Q);
    final double[] l = L.data;

    // z̄ = −z + Cᵀ m̄⁺
    for (int j = 0; j < p; j++) {
      double v = -tape.z[zOffset + j];
      for (int i = 0; i < nx; i++) {
        v += l[(p + i) * n + j] * mBar.data[i];
      }
      zBar[j] = v;
    }
    // ē = A⁻ᵀ z̄ (back substitution with the upper-triangular Aᵀ)
    for (int i = p - 1; i >= 0; i--) {
      double v = zBar[i];
      for (int j = i + 1; j < p; j++) {
        v -= l[j * n + i] * eBar[j];
      }
      eBar[i] = v / l[i * n + i];
    }
    // L̄ = [[Ā, 0], [C̄, D̄]]
    LBar.reshape(n, n, false);
    LBar.zero();
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        LBar.data[i * n + j] = -eBar[i] * tape.z[zOffset + j];
      }
      LBar.data[i * n + i] = -eBar[i] * tape.z[zOffset + i] - 1.0 / l[i * n + i];
    }
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < p; j++) {
        LBar.data[(p + i) * n + j] = mBar.data[i] * tape.z[zOffset + j];
      }
      for (int j = 0; j < nx; j++) {
        LBar.data[(p + i) * n + p + j] = SBar.data[i * nx + j];
      }
    }
    MBar.reshape(n, s + r, false);
    MBar.zero();
    adjoint.vjpAdd(rule, L, Q, LBar, MBar);

    tape.loadPredictedFactor(t, system.cholP0(), S);
    tape.loadVector(tape.mPred, t, nx, m);
    DMatrixRMaj HBar = out.HBar(t);
    DMatrixRMaj dBar = out.dBar(t);
    DMatrixRMaj cholRBar = out.cholRBar(t);
    // M̄_u[:p, :s] S⁻ᵀ  (p × nx), then scatter to the observed rows.
    block.reshape(p, s, false);
    CommonOps_DDRM.extract(MBar, 0, p, 0, s, block, 0, 0);
    CommonOps_DDRM.multTransB(block, S, product);
    mBarPred.setTo(mBar);
    for (int i = 0; i < p; i++) {
      int row = index[indexOffset + i];
      double e = eBar[i];
      for (int j = 0; j < nx; j++) {
        HBar.data[row * nx + j] += -e * m.data[j] + product.data[i * nx + j];
        mBarPred.data[j] -= H.data[row * nx + j] * e;
      }
      dBar.data[row] -= e;
      for (int j = 0; j < r; j++) {
        cholRBar.data[row * r + j] += MBar.unsafe_get(i, s + j);
      }
    }
    // S̄⁻ = Hᵀ M̄_u[:p, :s] + M̄_u[p:, :s]
    SBarPred.reshape(nx, s, false);
    CommonOps_DDRM.extract(MBar, p, n, 0, s, SBarPred, 0, 0);
    for (int i = 0; i < p; i++) {
      int row = index[indexOffset + i];
      for (int a = 0; a < nx; a++) {
        double h = H.data[row * nx + a];
        if (h == 0.0) {
          continue;
        }
        for (int b = 0; b < s; b++) {
          SBarPred.data[a * s + b] += h * block.data[i * s + b];
        }
      }
    }
  }
}
