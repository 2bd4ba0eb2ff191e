package io.gramian.estimation.models;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelMatrices;
import io.gramian.estimation.model.ParameterBlock;
import io.gramian.estimation.model.SeveralSeriesModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Kinematic tracking models: an object moving on 1–3 axes sampled every Δ, its motion driven by
 * continuous white noise in the highest derivative kept (Bar-Shalom, Li and Kirubarajan 2001,
 * §6.2), seen by position and, optionally, velocity sensors. On each axis, with state (position,
 * velocity) for constant velocity and (position, velocity, acceleration) for constant acceleration:
 *
 * <pre>
 *   constant velocity:      F_a = [[1, Δ], [0, 1]],
 *                           Q_a = σ²_a [[Δ³/3, Δ²/2], [Δ²/2, Δ]]                  (σ²_a: sigma2.acceleration)
 *   constant acceleration:  F_a = [[1, Δ, Δ²/2], [0, 1, Δ], [0, 0, 1]],
 *                           Q_a = σ²_j [[Δ⁵/20, Δ⁴/8, Δ³/6], [Δ⁴/8, Δ³/3, Δ²/2], [Δ³/6, Δ²/2, Δ]]
 *                                                                                 (σ²_j: sigma2.jerk)
 *   sensors:                y = position + ε_p,  ε_p ~ N(0, σ²_p)   (sigma2.position)
 *                           y = velocity + ε_v,  ε_v ~ N(0, σ²_v)   (sigma2.velocity)
 * </pre>
 *
 * The axes share one noise intensity and one variance per kind of sensor (an isotropic model). F
 * and cholQ are block diagonal over the axes, cholQ = σ · chol(Q_a / σ²) per axis (Q_a is positive
 * definite for Δ &gt; 0), so the state noise has full rank. A sensor declared exact has no noise:
 * its rows of cholR are zero and it has no parameter (the filter's masked rule keeps the gradient
 * exact). Every state starts exactly diffuse.
 *
 * <p>The data's columns are the sensors' channels, sensor by sensor, axis by axis: {@code
 * position.x, position.y, velocity.x, velocity.y} for two axes with both sensors (names may be
 * chosen with {@link Builder#series}). States are named {@code position.x, velocity.x, …}.
 */
public final class Tracking implements SeveralSeriesModel {

  /** The kinematic model: which derivative of the position is driven by white noise. */
  public enum Motion {
    /** Nearly constant velocity: white acceleration, parameter {@code sigma2.acceleration}. */
    CONSTANT_VELOCITY(2, "acceleration", "tracking-cv"),
    /** Nearly constant acceleration: white jerk, parameter {@code sigma2.jerk}. */
    CONSTANT_ACCELERATION(3, "jerk", "tracking-ca");

    private final int order;
    private final String noise;
    private final String modelName;

    Motion(int order, String noise, String modelName) {
      this.order = order;
      this.noise = noise;
      this.modelName = modelName;
    }

    /** States per axis. */
    public int order() {
      return order;
    }
  }

  /** What a sensor measures on each axis. */
  public enum Sensor {
    POSITION("position", 0),
    VELOCITY("velocity", 1);

    private final String spelling;
    private final int state;

    Sensor(String spelling, int state) {
      this.spelling = spelling;
      this.state = state;
    }

    /** The sensor as parameter and column names spell it. */
    public String spelling() {
      return spelling;
    }
  }

  private static final String[] AXES = {"x", "y", "z"};
  private static final String[] STATE_KINDS = {"position", "velocity", "acceleration"};

  private final Motion motion;
  private final int axes;
  private final double timeStep;
  private final List<Sensor> sensors;
  private final Set<Sensor> exact;
  private final List<String> series;
  private final DMatrixRMaj transition;
  private final DMatrixRMaj unitNoiseFactor;

  private Tracking(Builder b) {
    this.motion = b.motion;
    this.axes = b.axes;
    this.timeStep = b.timeStep;
    this.sensors = List.copyOf(b.sensors);
    this.exact = b.exact.isEmpty() ? EnumSet.noneOf(Sensor.class) : EnumSet.copyOf(b.exact);
    List<String> names = new ArrayList<>();
    for (Sensor s : sensors) {
      for (int a = 0; a < axes; a++) {
        names.add(s.spelling + "." + AXES[a]);
      }
    }
    if (b.series != null) {
      if (b.series.size() != names.size()) {
        throw new IllegalArgumentException(
            "the tracking model has "
                + names.size()
                + " sensor channels ("
                + String.join(", ", names)
                + "), but "
                + b.series.size()
                + " series names were given");
      }
      names = List.copyOf(b.series);
    }
    this.series = names;
    this.transition = axisTransition(motion.order, timeStep);
    this.unitNoiseFactor = axisNoiseFactor(motion.order, timeStep);
  }

  /** A nearly-constant-velocity model on {@code axes} (1–3) axes. */
  public static Builder constantVelocity(int axes) {
    return new Builder(Motion.CONSTANT_VELOCITY, axes);
  }

  /** A nearly-constant-acceleration model on {@code axes} (1–3) axes. */
  public static Builder constantAcceleration(int axes) {
    return new Builder(Motion.CONSTANT_ACCELERATION, axes);
  }

  /** Builds a {@link Tracking} model; position sensors only and Δ = 1 unless told otherwise. */
  public static final class Builder {
    private final Motion motion;
    private final int axes;
    private double timeStep = 1.0;
    private List<Sensor> sensors = List.of(Sensor.POSITION);
    private Set<Sensor> exact = EnumSet.noneOf(Sensor.class);
    private List<String> series;

    private Builder(Motion motion, int axes) {
      if (axes < 1 || axes > 3) {
        throw new IllegalArgumentException("a tracking model has 1 to 3 axes, not " + axes);
      }
      this.motion = motion;
      this.axes = axes;
    }

    /** Δ &gt; 0, the time between two observations. */
    public Builder timeStep(double timeStep) {
      if (!(timeStep > 0) || Double.isInfinite(timeStep)) {
        throw new IllegalArgumentException("the time step must be positive, not " + timeStep);
      }
      this.timeStep = timeStep;
      return this;
    }

    /** The sensors, in the data's column order; a position sensor is required. */
    public Builder sensors(Sensor... sensors) {
      List<Sensor> list = List.of(sensors);
      if (!list.contains(Sensor.POSITION)) {
        throw new IllegalArgumentException(
            "a tracking model needs a position sensor (without one the position is not identified)");
      }
      if (EnumSet.copyOf(list).size() != list.size()) {
        throw new IllegalArgumentException("a sensor is listed twice: " + list);
      }
      this.sensors = list;
      return this;
    }

    /** Sensors measured without noise (no parameter, zero rows of cholR). */
    public Builder exact(Sensor... exact) {
      this.exact =
          exact.length == 0 ? EnumSet.noneOf(Sensor.class) : EnumSet.copyOf(List.of(exact));
      return this;
    }

    /** Names of the data's columns, one per sensor channel (default {@code position.x, …}). */
    public Builder series(List<String> series) {
      this.series = List.copyOf(series);
      return this;
    }

    /**
     * @throws IllegalArgumentException when an exact sensor is not among the sensors, or every
     *     sensor is exact and the noise has no parameter left to estimate besides the motion's
     */
    public Tracking build() {
      for (Sensor s : exact) {
        if (!sensors.contains(s)) {
          throw new IllegalArgumentException(
              "the exact sensor " + s.spelling + " is not among the sensors " + sensors);
        }
      }
      return new Tracking(this);
    }
  }

  @Override
  public String name() {
    return motion.modelName;
  }

  @Override
  public List<String> series() {
    return series;
  }

  /** The kinematic model. */
  public Motion motion() {
    return motion;
  }

  /** Number of axes. */
  public int axes() {
    return axes;
  }

  /** Δ, the time between observations. */
  public double timeStep() {
    return timeStep;
  }

  @Override
  public List<ParameterBlock> parameterBlocks() {
    List<ParameterBlock> blocks = new ArrayList<>();
    blocks.add(ParameterBlock.variance("sigma2." + motion.noise));
    for (Sensor s : sensors) {
      if (!exact.contains(s)) {
        blocks.add(ParameterBlock.variance("sigma2." + s.spelling));
      }
    }
    return blocks;
  }

  /**
   * Start values from the first position channel's differences of order r (r = 2 for constant
   * velocity, 3 for constant acceleration): their variance v is split in half between the motion
   * noise, Var(Δʳ position) = c_r σ² (c_2 = 2Δ³/3, c_3 = 11Δ⁵/20), and the sensor noise, Var(Δʳ ε)
   * = binom(2r, r) σ²_p. A velocity sensor's variance starts at half the variance of its first
   * differences. Each at least 1e-8 · v (or 1, for constant data).
   */
  @Override
  public double[] startParameters(ModelData data) {
    requireColumns(data);
    int r = motion.order;
    double v = differenceVariance(data.y(), 0, r);
    double floor = v > 0 ? 1e-8 * v : 1.0;
    double processConstant =
        r == 2 ? 2 * Math.pow(timeStep, 3) / 3 : 11 * Math.pow(timeStep, 5) / 20;
    double sensorConstant = r == 2 ? 6 : 20;
    List<Double> start = new ArrayList<>();
    start.add(Math.max(0.5 * v / processConstant, floor));
    for (int s = 0; s < sensors.size(); s++) {
      Sensor sensor = sensors.get(s);
      if (exact.contains(sensor)) {
        continue;
      }
      if (sensor == Sensor.POSITION) {
        start.add(Math.max(0.5 * v / sensorConstant, floor));
      } else {
        double dv = differenceVariance(data.y(), s * axes, 1);
        start.add(Math.max(0.5 * dv, dv > 0 ? 1e-8 * dv : 1.0));
      }
    }
    return start.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Override
  public ModelMatrices build(Var[] values, ModelData data) {
    requireColumns(data);
    Tape tape = values[0].tape();
    int r = motion.order;
    int nx = axes * r;
    int ny = series.size();
    DMatrixRMaj F = new DMatrixRMaj(nx, nx);
    DMatrixRMaj L = new DMatrixRMaj(nx, nx);
    for (int a = 0; a < axes; a++) {
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < r; j++) {
          F.set(a * r + i, a * r + j, transition.get(i, j));
          L.set(a * r + i, a * r + j, unitNoiseFactor.get(i, j));
        }
      }
    }
    DMatrixRMaj H = new DMatrixRMaj(ny, nx);
    Var[] noise = new Var[ny * ny];
    int k = 1;
    for (int s = 0; s < sensors.size(); s++) {
      Sensor sensor = sensors.get(s);
      Var sd = exact.contains(sensor) ? null : values[k++];
      for (int a = 0; a < axes; a++) {
        int row = s * axes + a;
        H.set(row, a * r + sensor.state, 1.0);
        noise[row * ny + row] = sd;
      }
    }
    return ModelMatrices.builder(tape)
        .F(tape.constant(F))
        .H(tape.constant(H))
        .cholQ(tape.constant(L).mul(values[0]))
        .cholR(tape.fromEntries(ny, ny, noise))
        .cholP0(tape.zeros(nx, nx))
        .cholPinf(tape.identity(nx))
        .build();
  }

  @Override
  public List<String> stateNames(int nx) {
    List<String> names = new ArrayList<>();
    for (int a = 0; a < axes; a++) {
      for (int i = 0; i < motion.order; i++) {
        names.add(STATE_KINDS[i] + "." + AXES[a]);
      }
    }
    return names;
  }

  /** One axis' transition: F_ij = Δ^(j−i) / (j−i)! for j ≥ i. */
  static DMatrixRMaj axisTransition(int order, double dt) {
    DMatrixRMaj F = new DMatrixRMaj(order, order);
    for (int i = 0; i < order; i++) {
      double term = 1;
      for (int j = i; j < order; j++) {
        F.set(i, j, term);
        term *= dt / (j - i + 1);
      }
    }
    return F;
  }

  /**
   * The Cholesky factor of one axis' state noise at unit intensity, {@code Q_ij = Δ^(2r−1−i−j) /
   * ((2r−1−i−j) (r−1−i)! (r−1−j)!)} (the integral of the white noise through r − 1 integrators).
   */
  static DMatrixRMaj axisNoiseFactor(int order, double dt) {
    DMatrixRMaj Q = new DMatrixRMaj(order, order);
    for (int i = 0; i < order; i++) {
      for (int j = 0; j < order; j++) {
        int power = 2 * order - 1 - i - j;
        Q.set(
            i,
            j,
            Math.pow(dt, power) / (power * factorial(order - 1 - i) * factorial(order - 1 - j)));
      }
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(order, true);
    if (!chol.decompose(Q)) {
      throw new IllegalArgumentException(
          "the time step " + dt + " is too small or too large for a positive definite state noise");
    }
    return chol.getT(null);
  }

  private static double factorial(int n) {
    double f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }

  /** Sample variance of the order-r differences of column j over the steps where they exist. */
  private static double differenceVariance(DMatrixRMaj y, int column, int r) {
    int T = y.numRows;
    double[] x = new double[T];
    for (int t = 0; t < T; t++) {
      x[t] = y.get(t, column);
    }
    for (int k = 0; k < r; k++) {
      for (int t = T - 1; t > k; t--) {
        x[t] = x[t] - x[t - 1];
      }
    }
    double sum = 0;
    double sumSq = 0;
    int n = 0;
    for (int t = r; t < T; t++) {
      if (Double.isFinite(x[t])) {
        sum += x[t];
        sumSq += x[t] * x[t];
        n++;
      }
    }
    if (n < 2) {
      return 0;
    }
    double mean = sum / n;
    return Math.max((sumSq - n * mean * mean) / (n - 1), 0);
  }

  private void requireColumns(ModelData data) {
    if (data.y().numCols != series.size()) {
      throw new IllegalArgumentException(
          "the tracking model's sensor channels "
              + series
              + " need "
              + series.size()
              + " columns of data, not "
              + data.y().numCols);
    }
  }
}
