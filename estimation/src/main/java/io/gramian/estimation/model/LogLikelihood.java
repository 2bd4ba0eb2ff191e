package io.gramian.estimation.model;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.kalman.Dimensions;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.SquareRootFilter;
import io.gramian.kalman.StateSpace;
import io.gramian.kalman.StateSpaceSystem;
import io.gramian.kalman.SystemGradient;
import io.gramian.kalman.SystemMatrices;
import io.gramian.kalman.SystemMatrix;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The exact (diffuse) log-likelihood ℓ of a model on its data, and its exact gradient:
 *
 * <pre>
 *   θ ──layout──▶ build values b ──model (tape)──▶ system ──filter──▶ ℓ
 *   ∂ℓ/∂θ = layout.pullBack( tape.backward( filter.reverseSweep() ) )
 * </pre>
 *
 * The filter's reverse sweep gives the adjoints of the system matrices; one reverse pass over the
 * model's tape turns them into ∂ℓ/∂b, and the layout's transforms into ∂ℓ/∂θ. Not thread-safe (it
 * reuses a filter workspace); use one per thread.
 *
 * <p>When the model burns its first b periods ({@link StateSpaceModel#loglikelihoodBurn},
 * statsmodels' approximate diffuse convention), ℓ = Σ_{t > b} ℓ_t, computed as the likelihood of
 * the whole series less that of its first b rows (the filter's first b steps are the same in both),
 * and so is its gradient.
 */
public final class LogLikelihood {

  private final StateSpaceModel model;
  private final ModelData data;
  private final ParameterLayout layout;
  private final TriaRule rule;
  private final int burn;
  private final DMatrixRMaj burnedRows;
  private final ModelSize size;
  private boolean gradientMemoryChecked;
  private SquareRootFilter filter;

  /**
   * @param data the data as given; the model's {@link StateSpaceModel#prepare} is applied here
   * @param fixed natural values of parameters held fixed
   * @throws ModelSizeException when the model's state cannot be held at all ({@link
   *     ModelSizeRule}), before anything is built
   */
  public LogLikelihood(
      StateSpaceModel model, ModelData data, Map<String, Double> fixed, TriaRule rule) {
    this.size = model.size();
    ModelSizeRule.requireEvaluation(size, data.length(), false, Runtime.getRuntime().maxMemory());
    this.model = model;
    this.data = model.prepare(data);
    this.layout = new ParameterLayout(model, fixed);
    this.rule = rule;
    this.burn = model.loglikelihoodBurn(this.data);
    DMatrixRMaj y = this.data.y();
    if (burn < 0 || (burn > 0 && burn >= y.numRows)) {
      throw new IllegalArgumentException(
          "too few observations: the likelihood leaves out the first "
              + burn
              + " periods of "
              + y.numRows);
    }
    this.burnedRows = burn == 0 ? null : CommonOps_DDRM.extract(y, 0, burn, 0, y.numCols);
  }

  /** b, the number of leading periods whose terms ℓ leaves out (0 unless the model burns). */
  public int loglikelihoodBurn() {
    return burn;
  }

  public StateSpaceModel model() {
    return model;
  }

  /** The data the likelihood is computed on (after the model's preparation). */
  public ModelData data() {
    return data;
  }

  public ParameterLayout layout() {
    return layout;
  }

  /** ℓ at θ (free parameters, unconstrained). */
  public double value(double[] theta) {
    Evaluation e = evaluate(theta, false);
    return e.logLikelihood;
  }

  /**
   * ℓ at θ and ∂ℓ/∂θ.
   *
   * @param gradient output, length = number of free parameters. Modified.
   */
  public double valueAndGradient(double[] theta, double[] gradient) {
    Evaluation e = evaluate(theta, true);
    System.arraycopy(layout.pullBack(theta, e.buildGradient), 0, gradient, 0, gradient.length);
    return e.logLikelihood;
  }

  /**
   * ℓ and its gradient with respect to every parameter on its natural scale, at natural values of
   * all parameters (fixed ones included). An entry is {@code null} where the natural-scale
   * derivative does not exist: a variance at exactly zero, where ℓ is smooth in the variance's
   * square root but the square root is not differentiable.
   */
  public NaturalGradient naturalGradient(double[] natural) {
    requireGradientMemory();
    List<String> names = layout.names();
    Tape tape = new Tape();
    Var[] values = new Var[names.size()];
    for (int i = 0; i < values.length; i++) {
      double v = layout.isVariance(i) ? Math.sqrt(natural[i]) : natural[i];
      values[i] = tape.parameter(i, v);
    }
    ModelMatrices matrices = model.build(values, data);
    StateSpaceSystem base = matrices.system();
    StateSpace system = model.system(matrices, data);
    SystemGradient g = new SystemGradient(Dimensions.of(base));
    double ll = logLikelihoodGradient(base, system, g);
    matrices.seed(g);
    double[] b = tape.gradient(values.length);
    Double[] gradient = new Double[b.length];
    for (int i = 0; i < b.length; i++) {
      if (!layout.isVariance(i)) {
        gradient[i] = b[i];
      } else if (natural[i] > 0) {
        gradient[i] = b[i] / (2 * Math.sqrt(natural[i]));
      } else {
        gradient[i] = null;
      }
    }
    return new NaturalGradient(ll, gradient);
  }

  /** ℓ and the natural-scale gradient; see {@link #naturalGradient}. */
  public record NaturalGradient(double logLikelihood, Double[] gradient) {}

  /** The filter's full output at natural values of all parameters. */
  public FilterResult filter(double[] natural) {
    ModelMatrices matrices = buildAt(natural);
    StateSpaceSystem base = matrices.system();
    return filterFor(base).filter(model.system(matrices, data), data.y());
  }

  /** The system at natural values of all parameters. */
  public StateSpace system(double[] natural) {
    return model.system(buildAt(natural), data);
  }

  /**
   * The system at θ and its exact directional derivatives, one per free parameter:
   *
   * <pre>
   *   direction_j = ∂(F, c, H, d, cholQ, cholR, m0, cholP0, cholPinf)/∂θ_j     (θ unconstrained)
   * </pre>
   *
   * from one forward pass of the model's tape per free parameter ({@link Tape#forward}), along the
   * build values' tangent {@code ḃ = ∂b/∂θ_j} (the layout's transforms); a constant matrix's
   * direction is zero. The directions feed a tangent sweep (per-observation scores) or an online
   * filter's sensitivities.
   *
   * @param theta the free parameters, unconstrained
   */
  public SystemDirections systemDirections(double[] theta) {
    int k = theta.length;
    Tape tape = new Tape();
    double[] natural = layout.natural(theta);
    ModelMatrices matrices = buildOn(tape, theta, natural, true);
    StateSpaceSystem base = matrices.system();
    StateSpace system = model.system(matrices, data);
    SystemMatrices<Var> outputs = matrices.vars();
    double[][] B = layout.buildJacobian(theta); // B[i][j] = ∂b_i/∂θ_j
    double[] buildTangent = new double[k];
    StateSpaceSystem[] directions = new StateSpaceSystem[k];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < k; i++) {
        buildTangent[i] = B[i][j];
      }
      tape.forward(buildTangent);
      directions[j] = new StateSpaceSystem(outputs.map((m, v) -> v.tangent()));
    }
    return new SystemDirections(base, system, directions);
  }

  /**
   * A model's system at θ and its derivatives ({@link #systemDirections}).
   *
   * @param base the time-invariant matrices the model built
   * @param system the system the filter runs (base, or base varying with the data)
   * @param directions ∂(base)/∂θ_j, one per free parameter
   */
  public record SystemDirections(
      StateSpaceSystem base, StateSpace system, StateSpaceSystem[] directions) {}

  /**
   * Per-observation scores s_tj = ∂ℓ_t/∂θ_j (T × k): one recorded forward sweep, then one tangent
   * sweep per free parameter along its {@link #systemDirections direction}.
   */
  public double[][] scores(double[] theta) {
    requireGradientMemory();
    int k = theta.length;
    SystemDirections d = systemDirections(theta);
    int T = data.length();
    double[][] scores = new double[T][k];
    double[][] terms = new double[k][T];
    filterFor(d.base()).logLikelihoodTangents(d.system(), d.directions(), data.y(), rule, terms);
    for (int j = 0; j < k; j++) {
      for (int t = burn; t < T; t++) {
        scores[t][j] = terms[j][t]; // burned periods' scores stay zero
      }
    }
    return scores;
  }

  private static final class Evaluation {
    double logLikelihood;
    double[] buildGradient;
  }

  private Evaluation evaluate(double[] theta, boolean gradient) {
    if (theta.length != layout.freeCount()) {
      throw new IllegalArgumentException(
          "θ has length " + theta.length + ", expected " + layout.freeCount());
    }
    if (gradient) {
      requireGradientMemory();
    }
    Tape tape = new Tape();
    double[] natural = layout.natural(theta);
    ModelMatrices matrices = buildOn(tape, theta, natural, gradient);
    StateSpaceSystem base = matrices.system();
    StateSpace system = model.system(matrices, data);
    Evaluation e = new Evaluation();
    SquareRootFilter f = filterFor(base);
    if (!gradient) {
      e.logLikelihood =
          f.logLikelihood(system, data.y()) - (burn == 0 ? 0 : f.logLikelihood(system, burnedRows));
      return e;
    }
    SystemGradient g =
        new SystemGradient(
            Dimensions.of(base),
            parameterDependent(matrices),
            activeEntries(matrices.vars().get(SystemMatrix.F)));
    e.logLikelihood = logLikelihoodGradient(base, system, g);
    matrices.seed(g);
    e.buildGradient = tape.gradient(theta.length);
    return e;
  }

  /**
   * The gradient keeps every step's factors: refuses, before the first gradient is built, a model
   * whose tape over this data cannot fit in Java's heap ({@link ModelSizeRule}).
   */
  private void requireGradientMemory() {
    if (!gradientMemoryChecked) {
      ModelSizeRule.requireEvaluation(size, data.length(), true, Runtime.getRuntime().maxMemory());
      gradientMemoryChecked = true;
    }
  }

  /** Builds the matrices with the free parameters as tape inputs (indexed by θ position). */
  /**
   * The matrices at exactly these natural values, as constants: a variance enters as √σ², every
   * other parameter as itself, so a fit's filter and a refit with every parameter fixed at its
   * estimates build the same bits (a round trip through θ may move an MA coefficient by an ulp).
   * Checks first that the values are admissible ({@link ParameterLayout#unconstrained}).
   */
  private ModelMatrices buildAt(double[] natural) {
    layout.unconstrained(natural);
    Tape tape = new Tape();
    int n = layout.names().size();
    Var[] values = new Var[n];
    for (int i = 0; i < n; i++) {
      values[i] = tape.constant(layout.buildValue(i, natural));
    }
    return model.build(values, data);
  }

  private ModelMatrices buildOn(Tape tape, double[] theta, double[] natural, boolean inputs) {
    int n = layout.names().size();
    Var[] values = new Var[n];
    for (int i = 0; i < n; i++) {
      double b = layout.buildValue(i, theta, natural);
      int j = layout.freeIndex(i);
      values[i] = inputs && j >= 0 ? tape.parameter(j, b) : tape.constant(b);
    }
    return model.build(values, data);
  }

  /**
   * The system matrices some parameter enters: the only adjoints the tape's reverse pass reads, so
   * the filter's reverse sweep forms no others (a structural model's F, built of constants, costs
   * an nx × nx × (w + s) product per step otherwise).
   */
  private static java.util.Set<SystemMatrix> parameterDependent(ModelMatrices matrices) {
    java.util.Set<SystemMatrix> set = java.util.EnumSet.noneOf(SystemMatrix.class);
    for (SystemMatrix m : SystemMatrix.values()) {
      Var v = matrices.vars().get(m);
      if (v != null && !v.isConstant()) {
        set.add(m);
      }
    }
    return set;
  }

  /**
   * The entries of a matrix some parameter reaches ({@link Var#isActiveEntry}), as row-major
   * indices, or null when every entry is reached (or none: a constant matrix's adjoint is declined
   * altogether). The tape's reverse pass reads F̄ only there.
   */
  private static int[] activeEntries(Var matrix) {
    if (matrix == null || matrix.isConstant()) {
      return null;
    }
    int cols = matrix.cols();
    int size = matrix.rows() * cols;
    int[] entries = new int[size];
    int count = 0;
    for (int e = 0; e < size; e++) {
      if (matrix.isActiveEntry(e / cols, e % cols)) {
        entries[count++] = e;
      }
    }
    return count == size ? null : java.util.Arrays.copyOf(entries, count);
  }

  /** ℓ (less its burned terms) and its system adjoints, added into {@code g}. */
  private double logLikelihoodGradient(StateSpaceSystem base, StateSpace system, SystemGradient g) {
    SquareRootFilter f = filterFor(base);
    double ll = f.logLikelihoodGradient(system, data.y(), rule, g);
    if (burn == 0) {
      return ll;
    }
    SystemGradient burned = new SystemGradient(Dimensions.of(base), g.accumulated(), g.FEntries());
    ll -= f.logLikelihoodGradient(system, burnedRows, rule, burned);
    for (SystemMatrix m : SystemMatrix.values()) {
      CommonOps_DDRM.subtractEquals(g.matrices().get(m), burned.matrices().get(m));
    }
    return ll;
  }

  private SquareRootFilter filterFor(StateSpaceSystem base) {
    Dimensions dims = Dimensions.of(base);
    if (filter == null || !filter.dimensions().equals(dims)) {
      filter = new SquareRootFilter(dims);
    }
    return filter;
  }
}
