package io.gramian.kalman;

import io.gramian.autodiff.BlockProduct;
import io.gramian.autodiff.TriaAdjoint;
import io.gramian.autodiff.TriaFactors;
import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.TriangularSolve;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The reverse sweep: the gradient of ℓ with respect to every system matrix, walking back over the
 * {@link FilterTape} with the adjoints {@code X̄, S̄} of the mean matrix and factor (starting from
 * zero, {@code ℓ̄ = 1}). Per step, with W̄_t = ∂ℓ/∂W_t from the quadratic terms (−z_t when there is
 * no diffuse direction, else from the collapse's own reverse pass):
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
 * (p observed values, s columns of the step's factor). When the update's L permits the input form
 * ({@link TriaFactors#vjpLeftFactor}), {@code M̄_u = K M_u} and, as {@code M_u[:, :s] = [H; I] S⁻},
 * {@code S̄⁻ = G S⁻} with {@code G = [Hᵀ, I] K [H; I]} (nx × nx); S̄⁻ is then kept as G, and the
 * predict before it, whose VJP in the Gramian form is {@code M̄_p = S̄⁻ S⁻⁻¹ M_p}, takes {@code
 * M̄_p = G M_p}: neither M̄_u's lower rows, nor S̄⁻, nor the solve with S⁻ are formed (G M_p is the
 * exact adjoint of a loss of M_p's Gramian for any rank of S⁻). That predict then hands the update
 * before it {@code G⁺ = Fᵀ G F = 2 P̄⁺}, and with the masked rule the update forms K in the
 * covariance form ({@link #covarianceLeftFactor}) from Ā, C̄ and G⁺, solving only with the
 * innovation factor A: the filtered factor's pivots, however small, are never divided by (a
 * deterministic trend with a seasonal whose variance tends to zero overflowed the
 * triangularisation's adjoint before). Where a step's adjoints come out non-finite all the same,
 * the sweep stops with a {@link FilterException} naming the step. Frozen {@link SteadyState} steps,
 * whose factor passes through unchanged, pass G through too, so the freeze step is walked back in
 * these forms as well. So under the masked rule every step is walked back reading only its
 * triangularisations' L: the Gramian predict's adjoint is {@code [(G F) S⁺, G cholQ]}, S̄⁺ is not
 * formed where G⁺ stands for it, and the forward sweep may record its factors unchecked. A step the
 * forward sweep took as the one-step predictor's array is walked back in one, in the same form
 * ({@link #arrayReverse}). Where the forward sweep converted a diffuse filter to the ordinary one
 * at step t₀ ({@link DiffuseConversion}), the steps after t₀ are walked back with X̄ of one column
 * and the quadratic terms; at t₀ the conversion's adjoint gives X̄⁺ = [m̄, Ā̄], S̄⁺ (or passes G⁺
 * through) and the collapse's L̄, whose reverse pass then runs from t₀. At the end {@code m̄0 =
 * X̄⁻_0[:, 0]}, {@code cholP̄inf = X̄⁻_0[:, 1:]}, {@code cholP̄0 = S̄⁻_0}. F̄ and H̄ are formed
 * only when the accumulator wants them ({@link AdjointAccumulator#accumulates}), F̄ only at its
 * {@link AdjointAccumulator#FEntries}. When the accumulator sums over time and the system is time
 * invariant, cholQ̄ and cholR̄ are formed once from the sums of the left factors' noise blocks
 * ({@link NoiseFactorAdjointSum}). Allocates nothing per step.
 */
final class ReverseSweep {

  private final Dimensions dims;
  private final int w;

  /**
   * Columns of the mean at the update being walked back ({@link FilterTape#meanWidth}): w, or 1
   * after a conversion.
   */
  private int width;

  /** m̄' handed to the conversion's adjoint (nx × 1). */
  private final DMatrixRMaj MeanBar;

  private final TriaAdjoint adjoint;
  private final TriaAdjoint collapseAdjoint;
  private final TriaFactors factors;
  private final DMatrixRMaj XBar; // X̄⁺ of the current step
  private final DMatrixRMaj SBar; // S̄⁺
  private final DMatrixRMaj XBarPred; // X̄⁻
  private final DMatrixRMaj SBarPred; // S̄⁻
  private final DMatrixRMaj MBar;
  private final DMatrixRMaj LBar;
  private final DMatrixRMaj S;
  private final DMatrixRMaj X;
  private final DMatrixRMaj Lc;
  private final DMatrixRMaj Qc;
  private final DMatrixRMaj LcBar;
  private final DMatrixRMaj McBar;
  private final double[] WBar;
  private final double[] EBar;

  /** The frozen update factor of the freeze being walked back, and its step (−1: none loaded). */
  private final DMatrixRMaj LFrozen;

  private int loadedFreeze = -1;

  /** The freeze whose frozen S⁻ {@link #SPred} holds (−1: none), loaded once per freeze. */
  private int sPredFreeze = -1;

  /**
   * Whether S̄⁺ and S̄⁻ hold the same matrix, as they do across frozen steps (the frozen S⁻ is one
   * matrix before and after each): the frozen steps then skip copying one into the other.
   */
  private boolean sBarsEqual;

  /** Ā_Σ and C̄_Σ of the freeze being walked back, in the layout of the update's L̄. */
  private final DMatrixRMaj LBarSum;

  // the steady-state steps' outer products, added in groups: to C̄_Σ (in LBarSum), and to H̄ and
  // F̄ when the accumulator sums over time (AdjointAccumulator.sumsOverTime), else step by step
  private final OuterProductSum cBarSum;
  private final OuterProductSum hBarSum;
  private final OuterProductSum fBarSum;

  /** The array steps' H̄ and F̄, in groups when the accumulator sums over time. */
  private final ArrayAdjointSum arraySum;

  /**
   * cholQ̄ and cholR̄ through the sums of the steps' left factors, used when {@link #noiseSummed}.
   */
  private final NoiseFactorAdjointSum noiseSum;

  /**
   * Whether this sweep sums cholQ̄ and cholR̄ in {@link #noiseSum}: the accumulator sums over time
   * and the system's matrices are the same at every step.
   */
  private boolean noiseSummed;

  /**
   * A run of frozen steps walked back at once when the accumulator sums over time: the run's steps
   * (runLo…runHi, −1: none), whether it was ({@link #walkBackRun}), and its m̄⁻ at runLo.
   */
  private final FrozenRunAdjoint frozenRun;

  private int runLo = -1;
  private int runHi = -1;
  private boolean runWalked;
  private final DMatrixRMaj runXBarPred;

  /**
   * The update's adjoint left factor K ({@code M̄_u = K M_u}, {@link TriaFactors#vjpLeftFactor}),
   * (p + nx) × (p + nx).
   */
  private final DMatrixRMaj KUpdate;

  /**
   * G = [Hᵀ, I] K [H; I] (nx × nx) on the observed rows, with S̄⁻ = G S⁻: while {@link
   * #gramianPending}, S̄⁻ is held as G and the S⁻ in {@link #SPred}, not formed.
   */
  private DMatrixRMaj G;

  /** S⁻ of the update last walked back. */
  private final DMatrixRMaj SPred;

  /** The observed rows of H (p × nx) and their transpose, for G. */
  private final DMatrixRMaj Hobs;

  private final DMatrixRMaj HobsT;

  /** K[:, :p] H_obs, (p + nx) × nx. */
  private final DMatrixRMaj KH;

  /** Whether S̄⁻ is held as {@link #G} (times {@link #SPred}) rather than in {@link #SBarPred}. */
  private boolean gramianPending;

  /**
   * G⁺ = 2 P̄⁺ = Fᵀ G F (nx × nx), the adjoint of the filtered covariance P⁺ = S⁺ S⁺ᵀ in the
   * Gramian form, handed from a predict to the update before it ({@link #covarianceLeftFactor});
   * meaningful while {@link #gPlusReady}.
   */
  private DMatrixRMaj GPlus;

  /**
   * Whether {@link #G} and {@link #GPlus} are symmetric by construction (formed from a symmetric
   * left factor, or as Fᵀ G F of a symmetric G): their upper triangles are then taken as the mirror
   * of the lower ones, which halves the products that form them.
   */
  private boolean gSymmetric;

  private boolean gPlusSymmetric;

  /** Whether {@link #GPlus} holds the hand-over; only ever true under the masked rule. */
  private boolean gPlusReady;

  /** Workspaces of {@link #covarianceLeftFactor}: nx × ny, ny × ny, nx × nx. */
  private final DMatrixRMaj CBarTotal;

  private final DMatrixRMaj Yp;
  private final DMatrixRMaj Xp;
  private final DMatrixRMaj GF;

  /**
   * J = [H_obs; F] of a step taken as the array, for a mostly nonzero F: (ny + nx) × nx, F in the
   * last nx rows and the p observed rows of H just above them, so that J is the block starting at
   * row ny − p.
   */
  private final double[] J;

  /** F's nonzeros row by row, read by gTimesF and fTransposeGF. */
  private final TransitionNonzeros fNonzeros;

  /**
   * Whether this sweep's cholQ is one lower-triangular matrix (a time-invariant system's, checked
   * once per sweep), so that products with it skip the check at every step.
   */
  private boolean cholQLower;

  ReverseSweep(Dimensions dims) {
    this.dims = dims;
    w = dims.meanCols();
    int nx = dims.nx();
    int ny = dims.ny();
    int cs = dims.predictedCols();
    int rows = dims.triaRows();
    int cols = dims.triaCols();
    adjoint = new TriaAdjoint(rows, cols);
    collapseAdjoint = new TriaAdjoint(w, dims.collapseCols());
    // a step taken as the predictor's array restores its L with the array's column count
    factors = new TriaFactors(rows, Math.max(cols, dims.predictorArrayCols()));
    XBar = new DMatrixRMaj(nx, w);
    SBar = new DMatrixRMaj(nx, cs);
    XBarPred = new DMatrixRMaj(nx, w);
    SBarPred = new DMatrixRMaj(nx, cs);
    MBar = new DMatrixRMaj(rows, cols);
    LBar = new DMatrixRMaj(rows, rows);
    S = new DMatrixRMaj(nx, cs);
    X = new DMatrixRMaj(nx, w);
    MeanBar = new DMatrixRMaj(nx, 1);
    Lc = new DMatrixRMaj(w, w);
    Qc = new DMatrixRMaj(dims.collapseCols(), w);
    LcBar = new DMatrixRMaj(w, w);
    McBar = new DMatrixRMaj(w, dims.collapseCols());
    WBar = new double[ny * w];
    EBar = new double[ny * w];
    LFrozen = new DMatrixRMaj(ny + nx, ny + nx);
    LBarSum = new DMatrixRMaj(ny + nx, ny + nx);
    cBarSum = new OuterProductSum(nx, ny, 1.0);
    hBarSum = new OuterProductSum(ny, nx, -1.0);
    fBarSum = new OuterProductSum(nx, nx, 1.0);
    arraySum = new ArrayAdjointSum(ny, nx, w);
    noiseSum = new NoiseFactorAdjointSum(nx, ny);
    frozenRun = new FrozenRunAdjoint(ny, nx);
    runXBarPred = new DMatrixRMaj(nx, 1);
    KUpdate = new DMatrixRMaj(rows, rows);
    G = new DMatrixRMaj(nx, nx);
    SPred = new DMatrixRMaj(nx, cs);
    Hobs = new DMatrixRMaj(ny, nx);
    HobsT = new DMatrixRMaj(nx, ny);
    KH = new DMatrixRMaj(rows, nx);
    GPlus = new DMatrixRMaj(nx, nx);
    CBarTotal = new DMatrixRMaj(nx, ny);
    Yp = new DMatrixRMaj(ny, ny);
    Xp = new DMatrixRMaj(ny, ny);
    GF = new DMatrixRMaj(nx, nx);
    J = new double[(ny + nx) * nx];
    fNonzeros = new TransitionNonzeros(nx);
  }

  void run(
      FilterTape tape, StateSpace system, DMatrixRMaj Y, TriaRule rule, AdjointAccumulator out) {
    final int T = tape.steps();
    final int nx = dims.nx();
    if (T == 0) {
      return;
    }
    final int t0 = tape.convertedAt();
    if (tape.collapsing(T - 1)) {
      seedCollapse(tape, T - 1);
      collapseReverse(tape, rule, T - 1);
    }
    XBar.reshape(nx, tape.meanWidth(T - 1, true), false);
    XBar.zero();
    SBar.reshape(nx, tape.filteredCols(T - 1), false);
    SBar.zero();
    loadedFreeze = -1;
    sPredFreeze = -1;
    runLo = -1;
    runHi = -1;
    cBarSum.clear(); // what a sweep that threw left behind
    hBarSum.clear();
    fBarSum.clear();
    arraySum.clear();
    noiseSum.clear();
    noiseSummed = out.sumsOverTime() && system.isTimeInvariant();
    fNonzeros.startSweep(system.isTimeInvariant());
    cholQLower =
        system.isTimeInvariant()
            && BlockProduct.lowerTriangular(nx, system.q(), system.cholQ(0).data);
    sBarsEqual = false;
    gramianPending = false;
    // After the last step nothing reads P⁺: its adjoint is zero, in the Gramian form too.
    GPlus.reshape(nx, nx, false);
    GPlus.zero();
    gPlusSymmetric = true;
    gPlusReady = rule == TriaRule.MASKED;
    for (int t = T - 1; t >= 0; t--) {
      if (tape.arrayStep(t)) {
        arrayReverse(tape, system, t, out);
        requireFiniteAdjoints(t, false);
        continue;
      }
      boolean frozen = tape.frozenFrom(t) >= 0;
      if (frozen && (t < runLo || t > runHi)) {
        walkBackRun(tape, system, t, T, out);
      }
      if (t < T - 1) {
        if (frozen) {
          frozenPredictReverse(tape, system, t, out);
        } else {
          predictReverse(tape, system, t, rule, out);
        }
      }
      if (t == t0) {
        conversionReverse(tape, t, rule);
      }
      if (frozen) {
        frozenUpdateReverse(tape, system, t, out);
      } else {
        updateReverse(tape, system, t, rule, out);
      }
      requireFiniteAdjoints(t, frozen);
    }
    hBarSum.flush();
    fBarSum.flush();
    arraySum.flush();
    noiseSum.flush();
    initialStateAdjoint(out);
  }

  /**
   * The carried adjoints X̄⁻ and S̄⁻ (or G) after step t must be finite: near a rank deficiency the
   * factor's pivots can fall so far below its largest (yet above the rank threshold) that the
   * derivative of the triangularisation overflows, and a NaN gradient must not pass as one. A
   * {@link SteadyState} step passes S̄ (or G) through with the values the step after it checked, so
   * only its X̄⁻ is checked.
   */
  private void requireFiniteAdjoints(int t, boolean frozen) {
    if (allFinite(XBarPred) && (frozen || allFinite(gramianPending ? G : SBarPred))) {
      return;
    }
    throw new FilterException(
        t,
        "the gradient of the log-likelihood overflowed here: the state covariance is nearly"
            + " singular (its factor's smallest pivots are many orders below its largest), and"
            + " the derivative of its factor is too large to represent");
  }

  private static boolean allFinite(DMatrixRMaj A) {
    final int size = A.getNumElements();
    for (int i = 0; i < size; i++) {
      if (!Double.isFinite(A.data[i])) {
        return false;
      }
    }
    return true;
  }

  /** m̄0 += X̄⁻_0[:, 0], cholP̄inf += X̄⁻_0[:, 1:], cholP̄0 += S̄⁻_0. */
  private void initialStateAdjoint(AdjointAccumulator out) {
    formSBarPred();
    final int nx = dims.nx();
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

  /** L̄_c = ∂Φ/∂L_c with Φ = −½ l_zz² − Σ_j log (L_ZZ)_jj read at the factor after step t. */
  private void seedCollapse(FilterTape tape, int t) {
    final int d = dims.diffuseRank();
    tape.loadCollapseFactor(t, Lc);
    LcBar.reshape(w, w, false);
    LcBar.zero();
    for (int j = 0; j < d; j++) {
      LcBar.unsafe_set(j, j, -1.0 / Lc.unsafe_get(j, j));
    }
    LcBar.unsafe_set(d, d, -Lc.unsafe_get(d, d));
  }

  /**
   * The conversion's adjoint ({@link DiffuseConversion#adjoint}) at step t₀, between the predict
   * after it and its update: from m̄' (in X̄⁺) and S̄' (or G⁺, which passes through as P⁺'s
   * adjoint) to X̄⁺ = [m̄, Ā̄], S̄⁺ and the collapse's L̄ at t₀, which then runs back to the start.
   */
  private void conversionReverse(FilterTape tape, int t0, TriaRule rule) {
    seedCollapse(tape, t0);
    MeanBar.setTo(XBar);
    tape.conversion.adjoint(rule, MeanBar, gPlusReady ? GPlus : null, SBar, XBar, LcBar);
    collapseReverse(tape, rule, t0);
  }

  /**
   * The collapse's reverse pass: from L̄_c at the factor after step {@code last} back through every
   * absorption L_t = tria([L_{t−1}, V_tᵀ]), leaving W̄_t in the tape.
   */
  private void collapseReverse(FilterTape tape, TriaRule rule, int last) {
    final int d = dims.diffuseRank();
    for (int t = last; t >= 0; t--) {
      int p = tape.observedCount(t);
      if (p == 0) {
        continue;
      }
      tape.loadCollapse(t, Lc, Qc);
      McBar.reshape(w, w + p, false);
      McBar.zero();
      collapseAdjoint.vjpAdd(rule, Lc, Qc, LcBar, McBar, d);
      for (int i = 0; i < w; i++) {
        int target = i < w - 1 ? i + 1 : 0; // row i of V_tᵀ is column target of W_t
        for (int j = 0; j < p; j++) {
          tape.setWBar(t, j, target, McBar.unsafe_get(i, w + j));
        }
        for (int j = 0; j < w; j++) {
          LcBar.unsafe_set(i, j, McBar.unsafe_get(i, j));
        }
      }
    }
  }

  /**
   * A {@link SteadyState} predict: the mean's adjoint alone, S̄ passing through unchanged (the
   * frozen S⁻ is the same matrix before and after the step).
   */
  private void frozenPredictReverse(
      FilterTape tape, StateSpace system, int t, AdjointAccumulator out) {
    final boolean gramian = gramianPending;
    gPlusReady = false;
    if (!runWalked) {
      tape.loadMeans(t, true, X);
      SteadyState.predictAdjoint(
          system.F(t),
          X,
          XBarPred,
          out.accumulates(SystemMatrix.F) ? out.FBar(t) : null,
          out.FEntries(),
          fBarSum,
          out.cBar(t),
          XBar);
      if (!out.sumsOverTime()) {
        fBarSum.flush(); // this step's F̄ complete before an earlier step's is asked for
      }
    }
    if (gramian) {
      // S⁺_t is the frozen S⁻_{t+1}: P̄⁺ is P̄⁻'s, and G passes through as G⁺ (no copy)
      DMatrixRMaj held = GPlus;
      GPlus = G;
      G = held;
      gPlusSymmetric = gSymmetric;
      gramianPending = false;
      gPlusReady = true;
      return;
    }
    if (!sBarsEqual) {
      formSBarPred();
      SBar.setTo(SBarPred);
      sBarsEqual = true;
    }
  }

  /**
   * Meeting the last step hi of a run of frozen steps (all of one freeze, down to the step after
   * the freeze step): with an accumulator that sums over time and a run of at least {@link
   * FrozenRunAdjoint#minSteps} steps, walks the run's means back at once ({@link
   * FrozenRunAdjoint}), its Ā_Σ and C̄_Σ into {@link #LBarSum}; the run's steps then pass S̄ (or G)
   * alone, and its first step hands on m̄⁻ from {@link #runXBarPred}. Otherwise they go step by
   * step.
   */
  private void walkBackRun(
      FilterTape tape, StateSpace system, int hi, int T, AdjointAccumulator out) {
    final int from = tape.frozenFrom(hi);
    int lo = hi;
    while (lo - 1 > from && tape.frozenFrom(lo - 1) == from) {
      lo--;
    }
    runLo = lo;
    runHi = hi;
    runWalked = out.sumsOverTime() && hi - lo + 1 >= FrozenRunAdjoint.minSteps(dims.nx());
    if (!runWalked) {
      return;
    }
    meetFreeze(tape, hi, from);
    frozenRun.walkBack(
        tape,
        lo,
        hi,
        LFrozen,
        system.F(hi),
        system.H(hi),
        hi < T - 1 ? XBarPred : null,
        runXBarPred,
        LBarSum,
        out.accumulates(SystemMatrix.F) ? out.FBar(hi) : null,
        out.FEntries(),
        out.cBar(hi),
        out.accumulates(SystemMatrix.H) ? out.HBar(hi) : null,
        out.dBar(hi));
  }

  /**
   * The walk back meets freeze {@code from} at its last frozen step t: loads the frozen factor and
   * starts Ā_Σ and C̄_Σ at zero (a previous freeze's sums were read at its freeze step).
   */
  private void meetFreeze(FilterTape tape, int t, int from) {
    cBarSum.clear();
    tape.loadUpdateFactor(t, LFrozen);
    LBarSum.reshape(LFrozen.numRows, LFrozen.numCols, false);
    LBarSum.zero();
    loadedFreeze = from;
  }

  /**
   * A {@link SteadyState} update: adds its adjoints with respect to the frozen A and C to Ā_Σ, C̄_Σ
   * (sent back through the freeze step's update in {@link #updateReverse}), and the rest to H̄, d̄
   * and X̄⁻. S̄ passes through unchanged.
   */
  private void frozenUpdateReverse(
      FilterTape tape, StateSpace system, int t, AdjointAccumulator out) {
    int from = tape.frozenFrom(t);
    if (from != loadedFreeze) {
      meetFreeze(tape, t, from);
    }
    if (runWalked) {
      if (t == runLo) {
        XBarPred.setTo(runXBarPred);
      }
    } else {
      tape.loadMeans(t, false, X);
      SteadyState.updateAdjoint(
          LFrozen,
          system.H(t),
          tape.W(),
          tape.wOffset(t),
          X,
          XBar,
          LBarSum,
          cBarSum,
          EBar,
          out.accumulates(SystemMatrix.H) ? out.HBar(t) : null,
          hBarSum,
          out.dBar(t),
          XBarPred);
      if (!out.sumsOverTime()) {
        hBarSum.flush();
      }
    }
    if (gPlusReady) {
      // S⁻_t is S⁺_t, the frozen factor: G⁺ passes through as G (no copy)
      DMatrixRMaj held = G;
      G = GPlus;
      GPlus = held;
      gSymmetric = gPlusSymmetric;
      if (from != sPredFreeze) {
        tape.loadPredictedFactor(t, system.cholP0(), SPred);
        sPredFreeze = from;
      }
      gPlusReady = false;
      gramianPending = true;
      return;
    }
    if (!sBarsEqual) {
      SBarPred.setTo(SBar);
      gramianPending = false;
      sBarsEqual = true;
    }
  }

  /**
   * From X̄⁻_{t+1}, S̄⁻_{t+1} (in XBarPred, SBarPred) to X̄⁺_t, S̄⁺_t (in XBar, SBar): {@code M̄_p
   * = tria_vjp(M_p, S̄⁻)}, then {@link PredictStep#adjoint}.
   */
  private void predictReverse(
      FilterTape tape, StateSpace system, int t, TriaRule rule, AdjointAccumulator out) {
    final int nx = dims.nx();
    final int s = tape.filteredCols(t);
    final int cols = s + system.q();
    sBarsEqual = false;
    MBar.reshape(nx, cols, false);
    MBar.zero();
    // What follows reads S⁻ only through P⁻ = S⁻ S⁻ᵀ and the masked rule is exact, so S̄⁻ has
    // the Gramian form 2 P̄⁻ S⁻ (TriaFactors.vjpAddGramian), whose VJP is M̄_p = S̄⁻ S⁻⁻¹ M_p.
    // When the update handed S̄⁻ over as G S⁻, that is G M_p = [(G F) S⁺, G cholQ], without
    // forming S̄⁻ or solving, and without the tape's record of this triangularisation. G M_p is
    // the exact adjoint of a loss of M_p's Gramian for any rank of S⁻.
    gPlusReady = false;
    tape.loadFilteredFactor(t, system.cholP0(), S);
    if (gramianPending && rule == TriaRule.MASKED) {
      final DMatrixRMaj F = system.F(t);
      final DMatrixRMaj cholQ = system.cholQ(t);
      final int q = cols - s;
      fNonzeros.index(F);
      gTimesF(F);
      if (out.accumulates(SystemMatrix.F)) {
        // M̄_p[:, :s] is read only by F̄ here: S̄⁺ is handed on as G⁺ instead
        BlockProduct.denseMultInto(nx, nx, s, GF.data, 0, nx, S.data, 0, s, MBar.data, 0, cols);
      }
      if (noiseSummed) {
        noiseSum.addQ(G.data, 0, nx, cholQ, out.cholQBar(t));
      } else {
        timesCholQ(cholQ, nx, G.data, 0, nx, MBar.data, s, cols);
      }
      gramianPending = false;
      // G⁺ = Fᵀ G F: P⁺ enters P⁻ = F P⁺ Fᵀ + cholQ cholQᵀ, so 2 P̄⁺ = Fᵀ (2 P̄⁻) F.
      fTransposeGF(F);
      gPlusReady = true;
    } else {
      tape.loadPredict(t, cols, factors);
      if (!tape.keepsBlocks()) {
        // M_p = [F S⁺, cholQ] again, from the loaded S⁺: the tape kept L alone
        PredictStep.block(system.F(t), S, system.cholQ(t), factors.input(), nx);
      }
      formSBarPred();
      factors.vjpAddGramian(adjoint, rule, SBarPred, MBar);
    }
    tape.loadMeans(t, true, X);
    PredictStep.adjoint(
        system.F(t),
        X,
        S,
        XBarPred,
        MBar,
        out.accumulates(SystemMatrix.F) ? out.FBar(t) : null,
        out.FEntries(),
        out.cBar(t),
        gPlusReady && noiseSummed ? null : out.cholQBar(t),
        XBar,
        gPlusReady ? null : SBar);
  }

  /** From X̄⁺_t, S̄⁺_t (in XBar, SBar) to X̄⁻_t, S̄⁻_t (in XBarPred, SBarPred). */
  private void updateReverse(
      FilterTape tape, StateSpace system, int t, TriaRule rule, AdjointAccumulator out) {
    final int nx = dims.nx();
    final int p = tape.observedCount(t);
    width = tape.meanWidth(t, false);
    sBarsEqual = false;
    gramianPending = false;
    if (p == 0) {
      // No update: S⁻ = S⁺, and the Gramian form passes through (G = G⁺).
      XBarPred.setTo(XBar);
      if (gPlusReady) {
        G.setTo(GPlus);
        gSymmetric = gPlusSymmetric;
        tape.loadPredictedFactor(t, system.cholP0(), SPred);
        sPredFreeze = -1;
        gramianPending = true;
      } else {
        SBarPred.setTo(SBar);
      }
      gPlusReady = false;
      return;
    }
    final int s = t == 0 ? system.k() : nx;
    tape.loadUpdate(t, s + system.r(), factors);
    whitenedInnovationAdjoint(tape, t, p);
    innovationAdjoint(p);
    factorAdjoint(tape, t, p, !gPlusReady);
    if (t == loadedFreeze) {
      // the freeze began here: its frozen steps' Ā_Σ, C̄_Σ join this step's L̄ (docs/filter.md)
      cBarSum.flush();
      CommonOps_DDRM.addEquals(LBar, LBarSum);
      loadedFreeze = -1;
    }
    final int n = p + nx;
    final int cols = s + system.r();
    MBar.reshape(n, cols, false);
    MBar.zero();
    tape.loadPredictedFactor(t, system.cholP0(), SPred);
    sPredFreeze = -1;
    tape.loadMeans(t, false, X);
    boolean covarianceForm = gPlusReady;
    gPlusReady = false;
    if (covarianceForm) {
      covarianceLeftFactor(p);
    }
    // the covariance form's K is symmetric when G⁺ (its K₂₂) is; the masked rule's W̄ L⁻¹ is not
    gSymmetric = covarianceForm && gPlusSymmetric;
    if (covarianceForm || factors.vjpLeftFactor(adjoint, rule, LBar, KUpdate)) {
      // M̄_u = K M_u: only its top p rows, [(K₁₁ H + K₁₂) S⁻, K₁₁ cholR] (the first block only
      // when H̄ is wanted); S̄⁻ is held as G S⁻.
      gramian(tape, system, t, p);
      if (out.accumulates(SystemMatrix.H)) {
        timesSPred(t, p, KH.data, 0, nx, MBar.data, 0, cols);
      }
      observationNoiseAdjoint(tape, system, t, p, s, cols, out);
      blockAdjoint(tape, system, t, p, s, false, out.accumulates(SystemMatrix.H), out);
      gramianPending = true;
    } else {
      // reached only with Q recorded (vjpLeftFactor declines no other record), so M_u is on the
      // tape
      factors.vjpAdd(adjoint, rule, LBar, MBar);
      blockAdjoint(tape, system, t, p, s, true, out.accumulates(SystemMatrix.H), out);
    }
  }

  /**
   * M̄[:p, s:] += K₁₁ cholR on the observed rows of cholR (read from the system: the tape may hold
   * Q or L alone), M̄ ({@link #MBar}) with {@code cols} columns and K = {@link #KUpdate} ((p + nx)
   * × (p + nx)): the observation noise's columns of a left factor's M̄ = K M, where M[:p, s:] is
   * cholR on the observed rows and M[p:, s:] = 0. When {@link #noiseSummed}, K₁₁ joins {@link
   * #noiseSum} instead and M̄[:p, s:] keeps its zeros.
   */
  private void observationNoiseAdjoint(
      FilterTape tape, StateSpace system, int t, int p, int s, int cols, AdjointAccumulator out) {
    final int n = p + dims.nx();
    final DMatrixRMaj cholR = system.cholR(t);
    final int r = system.r();
    final int[] index = tape.observedIndex();
    final int io = tape.observedOffset(t);
    if (noiseSummed) {
      noiseSum.addR(KUpdate.data, 0, n, p, index, io, cholR, out.cholRBar(t));
      return;
    }
    for (int i = 0; i < p; i++) {
      for (int kk = 0; kk < p; kk++) {
        double kik = KUpdate.data[i * n + kk];
        int rowR = index[io + kk] * r;
        for (int j = 0; j < r; j++) {
          MBar.data[i * cols + s + j] += kik * cholR.data[rowR + j];
        }
      }
    }
  }

  /**
   * A step the forward sweep took as the one-step predictor's array ({@link PredictorArray}: {@code
   * tria(M_a) = [[A, 0], [K̄, S⁻_{t+1}]]}, {@code M_a = [[H S⁻, cholR, 0], [F S⁻, 0, cholQ]]}),
   * walked back in one. X̄⁻_{t+1} (in {@link #XBarPred}) stands where an update's X̄⁺ stands, and
   * the Gramian form G' of S⁻_{t+1} (in {@link #G}) where its G⁺ stands, so the array's left factor
   * K (M̄_a = K M_a) is the update's covariance form ({@link #covarianceLeftFactor}) with K̄ for C;
   * then, with J = [H; F] (M_a[:, :s] = J S⁻):
   *
   * <pre>
   *   W̄ = W̄_t + K̄ᵀ X̄⁻_{t+1},  K̄̄ = X̄⁻_{t+1} Wᵀ,  Ē = A⁻ᵀ W̄,  Ā = −tril(Ē Wᵀ) − diag(1 / A_ii)
   *   G_t = Jᵀ K J   (S̄⁻_t = G_t S⁻_t, handed on in the Gramian form)
   *   H̄ += (K J)[:p] S⁻ S⁻ᵀ − Ē X⁻ᵀ,   F̄ += (K J)[p:] S⁻ S⁻ᵀ + X̄⁻_{t+1} X⁻ᵀ
   *   cholR̄ += K₁₁ cholR,  cholQ̄ += K₂₂ cholQ,  c̄ += X̄⁻_{t+1}[:, 0],  d̄ −= Ē[:, 0]
   *   X̄⁻_t = Fᵀ X̄⁻_{t+1} − Hᵀ Ē
   * </pre>
   *
   * The forward sweep takes such a step only under the masked rule, whose every later step hands
   * its S⁻'s adjoint on as G, and never as a freeze step (one whose array finds the factor
   * converged runs again as two blocks, {@link SquareRootFilter}).
   */
  private void arrayReverse(FilterTape tape, StateSpace system, int t, AdjointAccumulator out) {
    if (!gramianPending) {
      throw new IllegalStateException(
          "step "
              + t
              + " was taken as the predictor's array, but the adjoint of its predicted factor is"
              + " not in the Gramian form");
    }
    final int nx = dims.nx();
    final int p = tape.observedCount(t);
    final int s = t == 0 ? system.k() : nx;
    final int r = system.r();
    final int q = system.q();
    final int n = p + nx;
    width = tape.meanWidth(t, false);
    sBarsEqual = false;
    gramianPending = false;
    gPlusReady = false;
    XBar.setTo(XBarPred);
    // G' becomes the covariance form's G⁺ (no copy); G is then free for G_t
    DMatrixRMaj held = GPlus;
    GPlus = G;
    G = held;
    gPlusSymmetric = gSymmetric;
    tape.loadUpdate(t, s + r + q, factors);
    whitenedInnovationAdjoint(tape, t, p);
    innovationAdjoint(p);
    factorAdjoint(tape, t, p, false);
    covarianceLeftFactor(p);
    gSymmetric = gPlusSymmetric;
    tape.loadPredictedFactor(t, system.cholP0(), SPred);
    sPredFreeze = -1;
    tape.loadMeans(t, false, X);
    final DMatrixRMaj F = system.F(t);
    fNonzeros.index(F);
    arrayGramian(tape, system, t, p, F);
    final boolean fWanted = out.accumulates(SystemMatrix.F);
    final boolean hWanted = out.accumulates(SystemMatrix.H);
    // H̄ and F̄ summed over time are added in groups; else step by step through M̄_a[:, :s]
    final boolean grouped = out.sumsOverTime();
    if (grouped) {
      arraySum.add(
          hWanted ? out.HBar(t) : null,
          fWanted ? out.FBar(t) : null,
          out.FEntries(),
          KH.data,
          tape.observedIndex(),
          tape.observedOffset(t),
          p,
          EBar,
          XBarPred.data,
          width,
          SPred,
          t > 0,
          X.data);
    }
    // the state rows: M̄_a[p:, :s] = (K J)[p:] S⁻ (read only by F̄, so not formed without it),
    // M̄_a[p:, s + r:] = K₂₂ cholQ (or K₂₂ joins the noise sum, and those columns are not read);
    // every entry read is written
    final int predictCols = s + q;
    MBar.reshape(nx, predictCols, false);
    if (fWanted && !grouped) {
      timesSPred(t, nx, KH.data, p * nx, nx, MBar.data, 0, predictCols);
    }
    if (noiseSummed) {
      noiseSum.addQ(KUpdate.data, p * n + p, n, system.cholQ(t), out.cholQBar(t));
    } else {
      timesCholQ(system.cholQ(t), nx, KUpdate.data, p * n + p, n, MBar.data, s, predictCols);
    }
    PredictStep.adjoint(
        F,
        X,
        SPred,
        XBarPred,
        MBar,
        fWanted && !grouped ? out.FBar(t) : null,
        out.FEntries(),
        out.cBar(t),
        noiseSummed ? null : out.cholQBar(t),
        XBar,
        null);
    // the observation rows: M̄_a[:p, :s] = (K J)[:p] S⁻ (read only by H̄), then K₁₁ cholR; only
    // these p rows are read
    final int cols = s + r;
    MBar.reshape(n, cols, false);
    java.util.Arrays.fill(MBar.data, 0, p * cols, 0.0);
    if (hWanted && !grouped) {
      timesSPred(t, p, KH.data, 0, nx, MBar.data, 0, cols);
    }
    observationNoiseAdjoint(tape, system, t, p, s, cols, out);
    blockAdjoint(tape, system, t, p, s, false, hWanted && !grouped, out);
    gramianPending = true;
  }

  /**
   * K J = K [H; F] into {@link #KH} ((p + nx) × nx, H's observed rows) and G_t = Jᵀ K J = Fᵀ (K
   * J)[p:] + Hᵀ (K J)[:p] into {@link #G}; for a symmetric K its lower triangle mirrored, so that G
   * is exactly symmetric. For a mostly nonzero F, J is formed ({@link #J}) and each product taken
   * once over all n rows; otherwise F is visited at its nonzeros.
   */
  private void arrayGramian(FilterTape tape, StateSpace system, int t, int p, DMatrixRMaj F) {
    final int nx = dims.nx();
    final int n = p + nx;
    KH.reshape(n, nx, false);
    G.reshape(nx, nx, false);
    if (fNonzeros.dense()) {
      final int ny = dims.ny();
      final int j0 = (ny - p) * nx;
      copyObservedRows(tape, system, t, p, J, j0);
      System.arraycopy(F.data, 0, J, ny * nx, nx * nx);
      BlockProduct.denseMultInto(n, n, nx, KUpdate.data, 0, n, J, j0, nx, KH.data, 0, nx);
      transposeTimes(n, J, j0, KH.data, 0, gSymmetric, G.data);
      if (gSymmetric) {
        mirrorLower(G);
      }
      return;
    }
    observedRows(tape, system, t, p);
    BlockProduct.denseMultInto(n, p, nx, KUpdate.data, 0, n, Hobs.data, 0, nx, KH.data, 0, nx);
    addTimesF(n, KUpdate.data, p, n, F, KH.data, 0, nx);
    GF.reshape(nx, nx, false);
    System.arraycopy(KH.data, p * nx, GF.data, 0, nx * nx);
    // for a symmetric K only the lower triangle is kept: the entries above it are mirrored over
    fTransposeInto(F, gSymmetric, G);
    BlockProduct.multAdd(1.0, nx, p, nx, HobsT.data, 0, p, KH.data, 0, nx, G.data, 0, nx);
    if (gSymmetric) {
      mirrorLower(G);
    }
  }

  /**
   * G = [Hᵀ, I] K [H; I] = K₂₂ + K₂₁ H + Hᵀ (K₁₂ + K₁₁ H) on the observed rows of H, from the
   * update's left factor K (blocks split after row and column p): S̄⁻ = Hᵀ M̄_u[:p, :s] + M̄_u[p:,
   * :s] = G S⁻, since M_u[:, :s] = [H; I] S⁻. Leaves K₁₁ H + K₁₂ in the top p rows of {@link #KH}:
   * M̄_u[:p, :s] = (K₁₁ H + K₁₂) S⁻.
   */
  private void gramian(FilterTape tape, StateSpace system, int t, int p) {
    final int nx = dims.nx();
    final int n = p + nx;
    observedRows(tape, system, t, p);
    final double[] k = KUpdate.data;
    // KH = K[:, :p] H (n × nx), then its top rows take K₁₂ and its lower rows K₂₂.
    KH.reshape(n, nx, false);
    BlockProduct.denseMultInto(n, p, nx, k, 0, n, Hobs.data, 0, nx, KH.data, 0, nx);
    G.reshape(nx, nx, false);
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < nx; j++) {
        G.data[i * nx + j] = k[(p + i) * n + p + j] + KH.data[(p + i) * nx + j];
      }
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < nx; j++) {
        KH.data[i * nx + j] += k[i * n + p + j];
      }
    }
    if (!gSymmetric) {
      BlockProduct.multAdd(1.0, nx, p, nx, HobsT.data, 0, p, KH.data, 0, nx, G.data, 0, nx);
      return;
    }
    // G symmetric: Hᵀ (K₁₂ + K₁₁ H) on and below the diagonal (the terms in the order above), then
    // the mirror; for a mostly nonzero H as dot products, sixteen sums in flight (storing every
    // partial sum cost 3.2% of ℓ + ∇ at nx = 20 with missing values), else skipping H's zeros
    if (BlockProduct.mostlyNonzero(p, nx, Hobs.data)) {
      BlockProduct.transposeMult(
          true, true, nx, p, nx, Hobs.data, 0, nx, KH.data, 0, nx, G.data, 0, nx);
      mirrorLower(G);
      return;
    }
    final double[] g = G.data;
    for (int kk = 0; kk < p; kk++) {
      final int rowKH = kk * nx;
      for (int i = 0; i < nx; i++) {
        final double h = HobsT.data[i * p + kk];
        if (h == 0.0) {
          continue;
        }
        final int rowG = i * nx;
        for (int j = 0; j <= i; j++) {
          g[rowG + j] += h * KH.data[rowKH + j];
        }
      }
    }
    mirrorLower(G);
  }

  /**
   * The observed rows of H_t into {@link #Hobs} (p × nx) and their transpose into {@link #HobsT}.
   */
  private void observedRows(FilterTape tape, StateSpace system, int t, int p) {
    final int nx = dims.nx();
    Hobs.reshape(p, nx, false);
    HobsT.reshape(nx, p, false);
    copyObservedRows(tape, system, t, p, Hobs.data, 0);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < nx; j++) {
        HobsT.data[j * p + i] = Hobs.data[i * nx + j];
      }
    }
  }

  /** The observed rows of H_t, p × nx, into {@code out} from {@code offset}. */
  private void copyObservedRows(
      FilterTape tape, StateSpace system, int t, int p, double[] out, int offset) {
    final int nx = dims.nx();
    final double[] h = system.H(t).data;
    final int[] index = tape.observedIndex();
    final int io = tape.observedOffset(t);
    for (int i = 0; i < p; i++) {
      System.arraycopy(h, index[io + i] * nx, out, offset + i * nx, nx);
    }
  }

  /** Copies the strict lower triangle of the square {@code A} onto its upper one. */
  private static void mirrorLower(DMatrixRMaj A) {
    final int n = A.numRows;
    final double[] a = A.data;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        a[i * n + j] = a[j * n + i];
      }
    }
  }

  /**
   * The update's left factor K ({@code M̄_u = K M_u}) in the covariance form, from the adjoints of
   * its outputs alone: with G_u = M_u M_uᵀ = [[G₁₁, G₂₁ᵀ], [G₂₁, G₂₂]], the factor [[A, 0], [C, D]]
   * has A Aᵀ = G₁₁, C = G₂₁ A⁻ᵀ and D Dᵀ = G₂₂ − C Cᵀ = P⁺, and ℓ reads D only through P⁺. Given Ā
   * and C̄ (in {@link #LBar}) and G⁺ = 2 P̄⁺:
   *
   * <pre>
   *   C̄ₜ = C̄ − G⁺ C,   Ḡ₂₁ = C̄ₜ A⁻¹,   Āₜ = Ā − A⁻ᵀ C̄ₜᵀ C
   *   Ḡ₁₁ = sym(A⁻ᵀ Φ(Aᵀ Āₜ) A⁻¹)        (Φ: the lower triangle, its diagonal halved)
   *   K = 2 Ḡ_u = [[2 Ḡ₁₁, Ḡ₂₁ᵀ], [Ḡ₂₁, G⁺]]
   * </pre>
   *
   * The triangularisation's own derivative is never taken, so D's pivots, however small, are never
   * divided by: only the innovation factor A (p × p, regular, or the forward sweep would have
   * stopped) is solved with. It is the adjoint the masked rule computes, without its amplified
   * rounding where D is nearly singular.
   */
  private void covarianceLeftFactor(int p) {
    if (p == 1) {
      covarianceLeftFactorOneObserved();
      return;
    }
    final int nx = dims.nx();
    final int n = p + nx;
    final DMatrixRMaj L = factors.L();
    final double[] l = L.data;
    final double[] lBar = LBar.data;
    // C̄ₜ = C̄ − G⁺ C, nx × p
    CBarTotal.reshape(nx, p, false);
    for (int i = 0; i < nx; i++) {
      System.arraycopy(lBar, (p + i) * n, CBarTotal.data, i * p, p);
    }
    BlockProduct.denseMultAdd(
        -1.0, nx, nx, p, GPlus.data, 0, nx, l, p * n, n, CBarTotal.data, 0, p);
    // Y = C̄ₜᵀ C (p × p), then A⁻ᵀ Y; each entry gets its terms in increasing k, sixteen sums in
    // flight (one sum per entry waited on each addition in turn: 4.5% of ℓ + ∇ at nx = 20, p ≤ 10;
    // a k-i-j product storing every partial sum, 2.3%)
    Yp.reshape(p, p, false);
    BlockProduct.transposeMult(
        false, false, p, nx, p, CBarTotal.data, 0, p, l, p * n, n, Yp.data, 0, p);
    TriangularSolve.lowerTransposed(L, p, Yp.data, 0, p, p, null);
    // X = Φ(Aᵀ Āₜ), Āₜ = Ā − A⁻ᵀ Y, lower triangle with the diagonal halved
    Xp.reshape(p, p, false);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double v = 0;
        if (j <= i) {
          for (int k = i; k < p; k++) {
            v += l[k * n + i] * (lBar[k * n + j] - Yp.data[k * p + j]);
          }
        }
        Xp.data[i * p + j] = j == i ? 0.5 * v : v;
      }
    }
    // X ← A⁻ᵀ X A⁻¹, then K₁₁ = 2 Ḡ₁₁ = X + Xᵀ
    TriangularSolve.lowerTransposed(L, p, Xp.data, 0, p, p, null);
    TriangularSolve.rightLower(L, p, Xp.data, 0, p, p, null);
    // Ḡ₂₁ = C̄ₜ A⁻¹
    TriangularSolve.rightLower(L, p, CBarTotal.data, 0, p, nx, null);
    KUpdate.reshape(n, n, false);
    final double[] k = KUpdate.data;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        k[i * n + j] = Xp.data[i * p + j] + Xp.data[j * p + i];
      }
    }
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < p; j++) {
        double g21 = CBarTotal.data[i * p + j];
        k[(p + i) * n + j] = g21;
        k[j * n + p + i] = g21;
      }
      System.arraycopy(GPlus.data, i * nx, k, (p + i) * n + p, nx);
    }
  }

  /**
   * {@link #covarianceLeftFactor} for one observed entry, where A = a and Ā = ā are scalars and C,
   * C̄ columns: {@code c̄ₜ = C̄ − G⁺ C}, {@code y = c̄ₜᵀ C / a}, {@code K₁₁ = 2 · (½ a (ā − y)) / a
   * / a}, {@code K₂₁ = c̄ₜ / a}, {@code K₂₂ = G⁺}: the general path's operations in its order (the
   * same bits), without its p × p loops, solves and products of one entry, which at nx = 1 cost
   * more than the arithmetic.
   */
  private void covarianceLeftFactorOneObserved() {
    final int nx = dims.nx();
    final int n = 1 + nx;
    final double[] l = factors.L().data;
    final double[] lBar = LBar.data;
    final double[] g = GPlus.data;
    final double a = l[0];
    CBarTotal.reshape(nx, 1, false);
    final double[] cBar = CBarTotal.data;
    for (int i = 0; i < nx; i++) {
      double v = -lBar[(1 + i) * n]; // as BlockProduct.denseMultAdd(−1, …) adds: −(−C̄ + Σ G⁺ C)
      for (int k = 0; k < nx; k++) {
        v += g[i * nx + k] * l[(1 + k) * n];
      }
      cBar[i] = -v;
    }
    double y = 0;
    for (int k = 0; k < nx; k++) {
      y += cBar[k] * l[(1 + k) * n];
    }
    y /= a;
    double x = 0;
    x += a * (lBar[0] - y);
    x = 0.5 * x;
    x /= a;
    x /= a;
    KUpdate.reshape(n, n, false);
    final double[] k = KUpdate.data;
    k[0] = x + x;
    for (int i = 0; i < nx; i++) {
      final double g21 = cBar[i] / a;
      k[(1 + i) * n] = g21;
      k[1 + i] = g21;
      System.arraycopy(g, i * nx, k, (1 + i) * n + 1, nx);
    }
  }

  /**
   * G F into {@link #GF}, from F's nonzeros ({@link TransitionNonzeros}). A mostly-zero F (a
   * structural model's shifts and ones, an ARIMA's companion form) is visited at its nonzeros, each
   * scaling a column of G; a denser one by dot products, four rows of G at a time ({@link
   * BlockProduct#denseMultInto}). Either way each entry receives its terms in increasing k, as a
   * plain product adds them, and the terms skipped are exact zeros.
   */
  private void gTimesF(DMatrixRMaj F) {
    final int nx = dims.nx();
    final double[] g = G.data;
    final double[] z = GF.data;
    GF.reshape(nx, nx, false);
    if (fNonzeros.dense()) {
      BlockProduct.denseMultInto(nx, nx, nx, g, 0, nx, F.data, 0, nx, z, 0, nx);
      return;
    }
    java.util.Arrays.fill(z, 0, nx * nx, 0.0);
    addTimesF(nx, g, 0, nx, F, z, 0, nx);
  }

  /**
   * C += A F for A with {@code rows} rows of nx entries (row i at {@code aOffset + i · aStride}), C
   * alike: at F's nonzeros ({@link TransitionNonzeros}), each scaling a column of A, or for a dense
   * F as dot products ({@link BlockProduct#denseMultAdd}); each entry gets its terms in increasing
   * k either way.
   */
  private void addTimesF(
      int rows,
      double[] a,
      int aOffset,
      int aStride,
      DMatrixRMaj F,
      double[] c,
      int cOffset,
      int cStride) {
    final int nx = dims.nx();
    if (fNonzeros.dense()) {
      BlockProduct.denseMultAdd(
          1.0, rows, nx, nx, a, aOffset, aStride, F.data, 0, nx, c, cOffset, cStride);
      return;
    }
    for (int k = 0; k < nx; k++) {
      for (int e = fNonzeros.rowStart[k]; e < fNonzeros.rowStart[k + 1]; e++) {
        final int j = fNonzeros.column[e];
        final double fkj = fNonzeros.value[e];
        for (int i = 0; i < rows; i++) {
          c[cOffset + i * cStride + j] += a[aOffset + i * aStride + k] * fkj;
        }
      }
    }
  }

  /**
   * G⁺ = Fᵀ (G F) from {@link #GF}, visiting F's nonzeros ({@link TransitionNonzeros}) only; for a
   * symmetric G only on and below the diagonal, then mirrored.
   */
  private void fTransposeGF(DMatrixRMaj F) {
    final boolean symmetric = gSymmetric;
    fTransposeInto(F, symmetric, GPlus);
    if (symmetric) {
      mirrorLower(GPlus);
    }
    gPlusSymmetric = symmetric;
  }

  /**
   * out = Fᵀ {@link #GF} (nx × nx), at F's nonzeros or as dot products; only on and below the
   * diagonal when {@code lowerOnly} (the rest left to the caller's mirror).
   */
  private void fTransposeInto(DMatrixRMaj F, boolean lowerOnly, DMatrixRMaj out) {
    final int nx = dims.nx();
    out.reshape(nx, nx, false);
    if (fNonzeros.dense()) {
      transposeTimes(nx, F.data, 0, GF.data, 0, lowerOnly, out.data); // writes every entry kept
      return;
    }
    java.util.Arrays.fill(out.data, 0, nx * nx, 0.0);
    for (int kk = 0; kk < nx; kk++) {
      for (int e = fNonzeros.rowStart[kk]; e < fNonzeros.rowStart[kk + 1]; e++) {
        final int i = fNonzeros.column[e];
        final double fki = fNonzeros.value[e];
        final int end = lowerOnly ? i + 1 : nx;
        for (int j = 0; j < end; j++) {
          out.data[i * nx + j] += fki * GF.data[kk * nx + j];
        }
      }
    }
  }

  /**
   * out = Aᵀ Z (nx × nx) for A and Z of m rows of nx entries (row r at {@code aOffset + r · nx},
   * {@code zOffset + r · nx}): {@code out_ij = Σ_r A_ri Z_rj} as dot products ({@link
   * BlockProduct#transposeMult}), on and below the diagonal when symmetric (entries just above it
   * in a block of four are formed too, and mirrored over). Each entry gets its terms in increasing
   * r, as the walk over F's nonzeros adds them: {@link #fTransposeGF} for a dense F (A = F, Z = G
   * F), and the array's G_t = Jᵀ (K J).
   */
  private void transposeTimes(
      int m, double[] a, int aOffset, double[] z, int zOffset, boolean symmetric, double[] out) {
    final int nx = dims.nx();
    BlockProduct.transposeMult(
        false, symmetric, nx, m, nx, a, aOffset, nx, z, zOffset, nx, out, 0, nx);
  }

  /**
   * C = A S⁻ (rows × s) for a dense A, S⁻ = {@link #SPred} of step t: lower triangular after the
   * first step (a triangularisation's factor), so its shape is not scanned for.
   */
  private void timesSPred(
      int t, int rows, double[] a, int aOffset, int aStride, double[] c, int cOffset, int cStride) {
    denseTimes(rows, a, aOffset, aStride, SPred, t > 0, c, cOffset, cStride);
  }

  /** C = A cholQ (rows × q) for a dense A, without scanning cholQ when {@link #cholQLower}. */
  private void timesCholQ(
      DMatrixRMaj cholQ,
      int rows,
      double[] a,
      int aOffset,
      int aStride,
      double[] c,
      int cOffset,
      int cStride) {
    denseTimes(rows, a, aOffset, aStride, cholQ, cholQLower, c, cOffset, cStride);
  }

  /** C = A B (rows × B's columns) for a dense A of nx columns; B told lower triangular or not. */
  private void denseTimes(
      int rows,
      double[] a,
      int aOffset,
      int aStride,
      DMatrixRMaj B,
      boolean bLower,
      double[] c,
      int cOffset,
      int cStride) {
    final int cols = B.numCols;
    BlockProduct.denseMultInto(
        rows, dims.nx(), cols, a, null, 0, aOffset, aStride, B.data, 0, cols, c, cOffset, cStride,
        bLower);
  }

  /** S̄⁻ = G S⁻ into {@link #SBarPred} when it is held as G. */
  private void formSBarPred() {
    if (!gramianPending) {
      return;
    }
    final int nx = dims.nx();
    final int s = SPred.numCols;
    SBarPred.reshape(nx, s, false);
    BlockProduct.denseMultInto(nx, nx, s, G.data, 0, nx, SPred.data, 0, s, SBarPred.data, 0, s);
    gramianPending = false;
  }

  /**
   * W̄ = W̄_t + Cᵀ X̄⁺, where W̄_t = −z (no diffuse direction: ∂(−½‖z‖²)/∂z) or the collapse's
   * adjoint, and C the gain block of the update's L.
   */
  private void whitenedInnovationAdjoint(FilterTape tape, int t, int p) {
    final int nx = dims.nx();
    final int n = p + nx;
    final double[] l = factors.L().data;
    final double[] Wt = tape.W();
    final int wo = tape.wOffset(t);
    final boolean collapsing = tape.collapsing(t);
    for (int j = 0; j < p; j++) {
      for (int c = 0; c < width; c++) {
        double v = collapsing ? tape.WBar(t, j, c) : -Wt[wo + j];
        for (int i = 0; i < nx; i++) {
          v += l[(p + i) * n + j] * XBar.data[i * width + c];
        }
        WBar[j * width + c] = v;
      }
    }
  }

  /** Ē = A⁻ᵀ W̄: back substitution with the upper-triangular Aᵀ. */
  private void innovationAdjoint(int p) {
    System.arraycopy(WBar, 0, EBar, 0, p * width);
    TriangularSolve.lowerTransposed(factors.L(), p, EBar, 0, width, width, null);
  }

  /**
   * L̄ = [[Ā, 0], [C̄, D̄]], Ā = −tril(Ē Wᵀ) − diag(1/A_ii), C̄ = X̄⁺ Wᵀ, D̄ = S̄⁺; without {@code
   * withDBar} (the covariance form, which takes P⁺'s adjoint as G⁺ instead and reads Ā's lower
   * triangle and C̄ alone) only those two blocks are written.
   */
  private void factorAdjoint(FilterTape tape, int t, int p, boolean withDBar) {
    final int nx = dims.nx();
    final int n = p + nx;
    final double[] l = factors.L().data;
    final double[] Wt = tape.W();
    final int wo = tape.wOffset(t);
    LBar.reshape(n, n, false);
    // without D̄ only the covariance form reads L̄: Ā's lower triangle and C̄, written below
    if (withDBar) {
      LBar.zero();
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double v = 0;
        for (int c = 0; c < width; c++) {
          v -= EBar[i * width + c] * Wt[wo + j * width + c];
        }
        LBar.data[i * n + j] = v;
      }
      LBar.data[i * n + i] -= 1.0 / l[i * n + i];
    }
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < p; j++) {
        double v = 0;
        for (int c = 0; c < width; c++) {
          v += XBar.data[i * width + c] * Wt[wo + j * width + c];
        }
        LBar.data[(p + i) * n + j] = v;
      }
      if (withDBar) {
        System.arraycopy(SBar.data, i * nx, LBar.data, (p + i) * n + p, nx);
      }
    }
  }

  /**
   * Row {@code row} of H̄ += M̄_u[i, :s] S⁻ᵀ − Ē[i, :] X⁻ᵀ, four entries at a time: four
   * independent sums, each over S⁻'s row j up to {@link #bEnd} and then Ē's terms, in the order of
   * one entry alone (a block runs to its last row's end; its other rows' extra terms are S⁻'s zeros
   * above the diagonal).
   */
  private void hBarRow(int t, int i, int row, int s, int cols, double[] hBar) {
    final int nx = dims.nx();
    final double[] mBar = MBar.data;
    final double[] sPred = SPred.data;
    final double[] x = X.data;
    final int m0 = i * cols;
    final int e0 = i * width;
    int j = 0;
    for (; j + 3 < nx; j += 4) {
      double v0 = 0;
      double v1 = 0;
      double v2 = 0;
      double v3 = 0;
      final int end = bEnd(t, j + 3, s);
      for (int b = 0; b < end; b++) {
        final double m = mBar[m0 + b];
        v0 += m * sPred[j * s + b];
        v1 += m * sPred[(j + 1) * s + b];
        v2 += m * sPred[(j + 2) * s + b];
        v3 += m * sPred[(j + 3) * s + b];
      }
      for (int c = 0; c < width; c++) {
        final double e = EBar[e0 + c];
        v0 -= e * x[j * width + c];
        v1 -= e * x[(j + 1) * width + c];
        v2 -= e * x[(j + 2) * width + c];
        v3 -= e * x[(j + 3) * width + c];
      }
      hBar[row * nx + j] += v0;
      hBar[row * nx + j + 1] += v1;
      hBar[row * nx + j + 2] += v2;
      hBar[row * nx + j + 3] += v3;
    }
    for (; j < nx; j++) {
      double v = 0;
      final int end = bEnd(t, j, s);
      for (int b = 0; b < end; b++) {
        v += mBar[m0 + b] * sPred[j * s + b];
      }
      for (int c = 0; c < width; c++) {
        v -= EBar[e0 + c] * x[j * width + c];
      }
      hBar[row * nx + j] += v;
    }
  }

  /** Columns of S⁻'s row j that may be nonzero: after the first step S⁻ is a tria factor. */
  private static int bEnd(int t, int j, int s) {
    return t > 0 ? Math.min(s, j + 1) : s;
  }

  /**
   * The adjoint of the update block and the innovation on the observed rows: {@code X̄⁻ = X̄⁺ − Hᵀ
   * Ē}, {@code H̄ += −Ē X⁻ᵀ + M̄_u[:p, :s] S⁻ᵀ}, {@code d̄ += −Ē[:, 0]}, {@code cholR̄ += M̄_u[:p,
   * s:]}, {@code S̄⁻ = Hᵀ M̄_u[:p, :s] + M̄_u[p:, :s]}.
   */
  private void blockAdjoint(
      FilterTape tape,
      StateSpace system,
      int t,
      int p,
      int s,
      boolean formSBarPred,
      boolean withHBar,
      AdjointAccumulator out) {
    final int nx = dims.nx();
    final DMatrixRMaj H = system.H(t);
    final int r = system.r();
    final int cols = s + r;
    final int[] index = tape.observedIndex();
    final int io = tape.observedOffset(t);
    final double[] mBar = MBar.data;
    final DMatrixRMaj HBar = withHBar ? out.HBar(t) : null;
    final DMatrixRMaj dBar = out.dBar(t);
    final DMatrixRMaj cholRBar = out.cholRBar(t);
    XBarPred.setTo(XBar);
    if (formSBarPred) {
      SBarPred.reshape(nx, s, false);
      CommonOps_DDRM.extract(MBar, p, p + nx, 0, s, SBarPred, 0, 0);
    }
    for (int i = 0; i < p; i++) {
      int row = index[io + i];
      if (HBar != null) {
        hBarRow(t, i, row, s, cols, HBar.data);
      }
      for (int j = 0; j < nx; j++) {
        double h = H.data[row * nx + j];
        if (h != 0.0) {
          for (int c = 0; c < width; c++) {
            XBarPred.data[j * width + c] -= h * EBar[i * width + c];
          }
        }
        if (formSBarPred && h != 0.0) {
          for (int b = 0; b < s; b++) {
            SBarPred.data[j * s + b] += h * mBar[i * cols + b];
          }
        }
      }
      dBar.data[row] -= EBar[i * width];
      for (int j = 0; j < r; j++) {
        cholRBar.data[row * r + j] += mBar[i * cols + s + j];
      }
    }
  }
}
