package io.gramian.kalman;

import io.gramian.autodiff.TriaAdjoint;
import io.gramian.autodiff.TriaRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The reverse sweep: the gradient of ℓ with respect to every system matrix, walking back over
 * the {@link FilterTape} with the adjoints {@code X̄, S̄} of the mean matrix and factor (starting from
 * zero, {@code ℓ̄ = 1}). Per step, with W̄_t = ∂ℓ/∂W_t from the quadratic terms (−z_t when there
 * is no diffuse direction, else from the collapse's own reverse pass):
 *
 * <pre>
 * update (given X̄⁺, S̄⁺):
 *   W̄ ← W̄_t + Cᵀ X̄⁺,  C̄ = X̄⁺ Wᵀ,  D̄ = S̄⁺,  Ē = A⁻ᵀ W̄,  Ā = −tril(Ē Wᵀ) − diag(1 / A_ii)
 *   M̄_u = tria_vjp(M_u, [[Ā, 0], [C̄, D̄]])
 *   X̄⁻ = X̄⁺ − Hᵀ Ē,  H̄ += −Ē X⁻ᵀ + M̄_u[:p, :s] S⁻ᵀ,  d̄ += −Ē[:, 0],  cholR̄ += M̄_u[:p, s:]
 *   S̄⁻ = Hᵀ M̄_u[:p, :s] + M̄_u[p:, :s]
 * predict (given X̄⁻, S̄⁻ of the next step):
 *   M̄_p = tria_vjp([F S, cholQ], S̄⁻)
 *   F̄ += X̄⁻ X⁺ᵀ + M̄_p[:, :s] S⁺ᵀ,  c̄ += X̄⁻[:, 0],  cholQ̄ += M̄_p[:, s:]
 *   S̄⁺ = Fᵀ M̄_p[:, :s],  X̄⁺ = Fᵀ X̄⁻
 * </pre>
 *
 * (p observed values, s columns of the step's factor). At the end {@code m̄0 = X̄⁻_0[:, 0]},
 * {@code cholP̄inf = X̄⁻_0[:, 1:]}, {@code cholP̄0 = S̄⁻_0}. Allocates nothing per step.
 */
final class ReverseSweep {

  private final Dimensions dims;
  private final int w;
  private final TriaAdjoint adjoint;
  private final TriaAdjoint collapseAdjoint;
  private final DMatrixRMaj XBar; // X̄⁺ of the current step
  private final DMatrixRMaj SBar; // S̄⁺
  private final DMatrixRMaj XBarPred; // X̄⁻
  private final DMatrixRMaj SBarPred; // S̄⁻
  private final DMatrixRMaj L;
  private final DMatrixRMaj Q;
  private final DMatrixRMaj MBar;
  private final DMatrixRMaj LBar;
  private final DMatrixRMaj S;
  private final DMatrixRMaj X;
  private final DMatrixRMaj block;
  private final DMatrixRMaj product;
  private final DMatrixRMaj FtXBar;
  private final DMatrixRMaj Lc;
  private final DMatrixRMaj Qc;
  private final DMatrixRMaj LcBar;
  private final DMatrixRMaj McBar;
  private final double[] WBar;
  private final double[] EBar;

  ReverseSweep(Dimensions dims) {
    this.dims = dims;
    w = dims.meanCols();
    int nx = dims.nx();
    int ny = dims.ny();
    int cs = dims.predictedCols();
    int rows = Math.max(dims.updateRows(), nx);
    int cols = Math.max(dims.updateCols(), dims.predictCols());
    adjoint = new TriaAdjoint(rows, cols);
    collapseAdjoint = new TriaAdjoint(w, w + ny);
    XBar = new DMatrixRMaj(nx, w);
    SBar = new DMatrixRMaj(nx, cs);
    XBarPred = new DMatrixRMaj(nx, w);
    SBarPred = new DMatrixRMaj(nx, cs);
    L = new DMatrixRMaj(rows, rows);
    Q = new DMatrixRMaj(cols, rows);
    MBar = new DMatrixRMaj(rows, cols);
    LBar = new DMatrixRMaj(rows, rows);
    S = new DMatrixRMaj(nx, cs);
    X = new DMatrixRMaj(nx, w);
    block = new DMatrixRMaj(rows, cols);
    product = new DMatrixRMaj(rows, cols);
    FtXBar = new DMatrixRMaj(nx, w);
    Lc = new DMatrixRMaj(w, w);
    Qc = new DMatrixRMaj(w + ny, w);
    LcBar = new DMatrixRMaj(w, w);
    McBar = new DMatrixRMaj(w, w + ny);
    WBar = new double[ny * w];
    EBar = new double[ny * w];
  }

  void run(FilterTape tape, StateSpace system, DMatrixRMaj Y, TriaRule rule, AdjointAccumulator out) {
    final int T = tape.steps;
    final int nx = dims.nx();
    if (T == 0) {
      return;
    }
    if (dims.d() > 0) {
      collapseReverse(tape, rule);
    }
    XBar.reshape(nx, w, false);
    XBar.zero();
    SBar.reshape(nx, tape.filteredCols[T - 1], false);
    SBar.zero();
    for (int t = T - 1; t >= 0; t--) {
      if (t < T - 1) {
        predictReverse(tape, system, t, rule, out);
      }
      updateReverse(tape, system, t, rule, out);
    }
    DMatrixRMaj m0Bar = out.m0Bar();
    DMatrixRMaj PinfBar = out.cholPinfBar();
    for (int i = 0; i < nx; i++) {
      m0Bar.data[i] += XBarPred.data[i * w];
      for (int j = 1; j < w; j++) {
        PinfBar.data[i * (w - 1) + j - 1] += XBarPred.data[i * w + j];
      }
    }
    CommonOps_DDRM.addEquals(out.cholP0Bar(), SBarPred);
  }

  /**
   * The collapse's reverse pass: from Φ̄ = 1 at the final factor back through every absorption
   * L_t = tria([L_{t−1}, V_tᵀ]), leaving W̄_t in the tape.
   */
  private void collapseReverse(FilterTape tape, TriaRule rule) {
    final int T = tape.steps;
    final int d = dims.d();
    // Φ = −½ l_zz² − Σ_j log (L_ZZ)_jj read at the last factor.
    tape.loadCollapseFactor(T - 1, Lc);
    LcBar.reshape(w, w, false);
    LcBar.zero();
    for (int j = 0; j < d; j++) {
      LcBar.unsafe_set(j, j, -1.0 / Lc.unsafe_get(j, j));
    }
    LcBar.unsafe_set(d, d, -Lc.unsafe_get(d, d));
    for (int t = T - 1; t >= 0; t--) {
      int p = tape.observedCount[t];
      if (p == 0) {
        continue;
      }
      tape.loadCollapse(t, Lc, Qc);
      McBar.reshape(w, w + p, false);
      McBar.zero();
      collapseAdjoint.vjpAdd(rule, Lc, Qc, LcBar, McBar);
      int offset = tape.wOffset(t);
      for (int i = 0; i < w; i++) {
        int target = i < w - 1 ? i + 1 : 0; // row i of V_tᵀ is column target of W_t
        for (int j = 0; j < p; j++) {
          tape.WBar[offset + j * w + target] = McBar.unsafe_get(i, w + j);
        }
        for (int j = 0; j < w; j++) {
          LcBar.unsafe_set(i, j, McBar.unsafe_get(i, j));
        }
      }
    }
  }

  /** From X̄⁻_{t+1}, S̄⁻_{t+1} (in XBarPred, SBarPred) to X̄⁺_t, S̄⁺_t (in XBar, SBar). */
  private void predictReverse(
      FilterTape tape, StateSpace system, int t, TriaRule rule, AdjointAccumulator out) {
    final int nx = dims.nx();
    final DMatrixRMaj F = system.F(t);
    final int q = system.q();
    final int s = tape.filteredCols[t];
    tape.loadPredict(t, s + q, L, Q);
    MBar.reshape(nx, s + q, false);
    MBar.zero();
    if (tape.predictFromInput[t] && rule == TriaRule.MASKED) {
      // What follows reads S⁻ only through P⁻ = S⁻ S⁻ᵀ and the masked rule is exact, so S̄⁻ has
      // the Gramian form 2 P̄⁻ S⁻ and its VJP needs no Y, Z (TriaAdjoint.vjpAddGramianFromInput).
      adjoint.vjpAddGramianFromInput(L, Q, SBarPred, MBar);
    } else if (tape.predictFromInput[t]) {
      adjoint.vjpAddFromInput(rule, L, Q, SBarPred, MBar);
    } else {
      adjoint.vjpAdd(rule, L, Q, SBarPred, MBar);
    }

    tape.loadFilteredFactor(t, system.cholP0(), S);
    tape.loadMeans(t, true, X);
    DMatrixRMaj FBar = out.FBar(t);
    CommonOps_DDRM.multAddTransB(XBarPred, X, FBar);
    block.reshape(nx, s, false);
    CommonOps_DDRM.extract(MBar, 0, nx, 0, s, block, 0, 0);
    CommonOps_DDRM.multAddTransB(block, S, FBar);
    DMatrixRMaj cBar = out.cBar(t);
    for (int i = 0; i < nx; i++) {
      cBar.data[i] += XBarPred.data[i * w];
    }
    if (q > 0) {
      DMatrixRMaj cholQBar = out.cholQBar(t);
      for (int i = 0; i < nx; i++) {
        for (int j = 0; j < q; j++) {
          cholQBar.data[i * q + j] += MBar.unsafe_get(i, s + j);
        }
      }
    }
    CommonOps_DDRM.multTransA(F, block, SBar);
    CommonOps_DDRM.multTransA(F, XBarPred, FtXBar);
    XBar.setTo(FtXBar);
  }

  /** From X̄⁺_t, S̄⁺_t (in XBar, SBar) to X̄⁻_t, S̄⁻_t (in XBarPred, SBarPred). */
  private void updateReverse(
      FilterTape tape, StateSpace system, int t, TriaRule rule, AdjointAccumulator out) {
    final int nx = dims.nx();
    final int ny = dims.ny();
    final int p = tape.observedCount[t];
    if (p == 0) {
      XBarPred.setTo(XBar);
      SBarPred.setTo(SBar);
      return;
    }
    final DMatrixRMaj H = system.H(t);
    final int r = system.r();
    final int s = t == 0 ? system.k() : nx;
    final int n = p + nx;
    final int wo = tape.wOffset(t);
    final double[] Wt = tape.W;
    final int[] index = tape.observedIndex;
    final int io = t * ny;
    tape.loadUpdate(t, s + r, L, Q);
    final double[] l = L.data;

    // W̄ = W̄_t + Cᵀ X̄⁺, where W̄_t = −z (no diffuse direction) or the collapse's adjoint.
    for (int j = 0; j < p; j++) {
      for (int c = 0; c < w; c++) {
        double v;
        if (dims.d() == 0) {
          v = -Wt[wo + j];
        } else {
          v = tape.WBar[wo + j * w + c];
        }
        for (int i = 0; i < nx; i++) {
          v += l[(p + i) * n + j] * XBar.data[i * w + c];
        }
        WBar[j * w + c] = v;
      }
    }
    // Ē = A⁻ᵀ W̄ (back substitution with the upper-triangular Aᵀ), column by column.
    for (int i = p - 1; i >= 0; i--) {
      double a = l[i * n + i];
      for (int c = 0; c < w; c++) {
        double v = WBar[i * w + c];
        for (int j = i + 1; j < p; j++) {
          v -= l[j * n + i] * EBar[j * w + c];
        }
        EBar[i * w + c] = v / a;
      }
    }
    // L̄ = [[Ā, 0], [C̄, D̄]],  Ā = −tril(Ē Wᵀ) − diag(1/A_ii),  C̄ = X̄⁺ Wᵀ,  D̄ = S̄⁺
    LBar.reshape(n, n, false);
    LBar.zero();
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double v = 0;
        for (int c = 0; c < w; c++) {
          v -= EBar[i * w + c] * Wt[wo + j * w + c];
        }
        LBar.data[i * n + j] = v;
      }
      LBar.data[i * n + i] -= 1.0 / l[i * n + i];
    }
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < p; j++) {
        double v = 0;
        for (int c = 0; c < w; c++) {
          v += XBar.data[i * w + c] * Wt[wo + j * w + c];
        }
        LBar.data[(p + i) * n + j] = v;
      }
      for (int j = 0; j < nx; j++) {
        LBar.data[(p + i) * n + p + j] = SBar.data[i * nx + j];
      }
    }
    MBar.reshape(n, s + r, false);
    MBar.zero();
    if (tape.updateFromInput[t]) {
      adjoint.vjpAddFromInput(rule, L, Q, LBar, MBar);
    } else {
      adjoint.vjpAdd(rule, L, Q, LBar, MBar);
    }

    tape.loadPredictedFactor(t, system.cholP0(), S);
    tape.loadMeans(t, false, X);
    DMatrixRMaj HBar = out.HBar(t);
    DMatrixRMaj dBar = out.dBar(t);
    DMatrixRMaj cholRBar = out.cholRBar(t);
    // M̄_u[:p, :s] S⁻ᵀ  (p × nx), then scatter to the observed rows.
    block.reshape(p, s, false);
    CommonOps_DDRM.extract(MBar, 0, p, 0, s, block, 0, 0);
    CommonOps_DDRM.multTransB(block, S, product);
    XBarPred.setTo(XBar);
    for (int i = 0; i < p; i++) {
      int row = index[io + i];
      for (int j = 0; j < nx; j++) {
        double v = product.data[i * nx + j];
        double h = H.data[row * nx + j];
        for (int c = 0; c < w; c++) {
          double e = EBar[i * w + c];
          v -= e * X.data[j * w + c];
          XBarPred.data[j * w + c] -= h * e;
        }
        HBar.data[row * nx + j] += v;
      }
      dBar.data[row] -= EBar[i * w];
      for (int j = 0; j < r; j++) {
        cholRBar.data[row * r + j] += MBar.unsafe_get(i, s + j);
      }
    }
    // S̄⁻ = Hᵀ M̄_u[:p, :s] + M̄_u[p:, :s]
    SBarPred.reshape(nx, s, false);
    CommonOps_DDRM.extract(MBar, p, n, 0, s, SBarPred, 0, 0);
    for (int i = 0; i < p; i++) {
      int row = index[io + i];
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
