package io.gramian.estimation.model;

import io.gramian.kalman.Dimensions;
import io.gramian.kalman.SquareRootFilter;
import java.util.Locale;

/**
 * What a model may ask of its data and of memory, checked from its {@link ModelSize} before
 * anything is built or allocated. With n observed values, nx states, δ diffuse states (ARIMA: the d
 * + sD differencing states), k estimated parameters, a longest lag L and a seasonal period s:
 *
 * <pre>
 *   states:        nx ≤ 46 340                 (an nx × nx matrix is one Java array, ≤ 2³¹ − 1 entries)
 *   observations:  n ≥ N = max(δ + L + k + 1, 2s)
 *   memory:        T · b(nx, δ) + 8 k nx² ≤ Java's heap limit            (a fit)
 * </pre>
 *
 * <b>Observations.</b> The first δ observations are spent pinning the diffuse states; a lag of L
 * conditions each residual on the L observations before it, as conditional least squares and R's
 * {@code arima} do; the k parameters need k more, and one is left as a degree of freedom. A
 * seasonal pattern needs two full seasons to be told from noise (R's {@code decompose} and {@code
 * stl}, statsmodels' {@code seasonal_decompose} refuse fewer). An evaluation of ℓ at given
 * parameters needs only n ≥ δ + 1, which the models check themselves.
 *
 * <p><b>Memory.</b> The gradient's reverse sweep keeps every step's factors: b(nx, δ) bytes per
 * step ({@link SquareRootFilter#gradientBytesPerStep}, at least 32 nx²), T steps at once; the
 * standard errors' scores add the Jacobian of the system's matrices, at least nx² entries per
 * parameter. Both are lower bounds, so a refused fit could never have run.
 *
 * <p>Every size is {@code long} arithmetic that saturates at {@link Long#MAX_VALUE} instead of
 * overflowing: a specification such as {@code --order 2147483647,0,0} is refused with its true
 * figures.
 */
public final class ModelSizeRule {

  /** The largest state dimension: ⌊√(2³¹ − 1)⌋, as an nx × nx matrix is one Java array. */
  public static final long MAX_STATES = 46_340;

  /**
   * Full seasons a seasonal pattern needs in the data: two, the least R's {@code decompose} and
   * {@code stl} and statsmodels' {@code seasonal_decompose} accept.
   */
  public static final long SEASONS_NEEDED = 2;

  private ModelSizeRule() {}

  /**
   * N, the fewest observed values that can estimate a model of this size: max(δ + L + k + 1, 2s),
   * with k the free parameters.
   */
  public static long requiredObservations(ModelSize size, long freeParameters) {
    return Math.max(forParameters(size, freeParameters), seasonsNeeded(size));
  }

  /**
   * A lower bound on the bytes a fit holds at once: the gradient's tape over {@code steps} time
   * steps and the scores' Jacobian; 0 when the model does not state its state dimension.
   */
  public static long fitBytes(ModelSize size, long steps, long freeParameters) {
    if (!size.statesKnown()) {
      return 0;
    }
    long nx = size.states();
    long jacobian = multiply(multiply(8, freeParameters), multiply(nx, nx));
    return add(gradientBytes(size, steps), jacobian);
  }

  /**
   * A lower bound on the bytes of the gradient's tape over {@code steps} time steps ({@link
   * Long#MAX_VALUE} when it exceeds the range of long).
   */
  public static long gradientBytes(ModelSize size, long steps) {
    if (!size.statesKnown()) {
      return 0;
    }
    if (size.states() > MAX_STATES) {
      return Long.MAX_VALUE; // beyond any heap: one nx × nx matrix cannot even be allocated
    }
    Dimensions least =
        new Dimensions(
            (int) size.states(), 1, 0, 0, 0, (int) Math.min(size.diffuseStates(), size.states()));
    return multiply(SquareRootFilter.gradientBytesPerStep(least), steps);
  }

  /**
   * Checks a fit of {@code model} to {@code data} with {@code fixedCount} parameters held fixed
   * against the rule, with Java's heap limit.
   *
   * @throws ModelSizeException naming what the data or the heap can support
   */
  public static void requireFit(StateSpaceModel model, ModelData data, int fixedCount) {
    requireFit(
        model.size(),
        data.observedCount(),
        data.length(),
        fixedCount,
        Runtime.getRuntime().maxMemory());
  }

  /**
   * {@link #requireFit(StateSpaceModel, ModelData, int)} with the figures given.
   *
   * @param observed n, the observed values
   * @param steps T, the time steps (observed or not)
   * @param heapBytes the memory a fit may use
   */
  public static void requireFit(
      ModelSize size, long observed, long steps, long fixedCount, long heapBytes) {
    long free = Math.max(0, size.parameters() - fixedCount);
    long needed = requiredObservations(size, free);
    if (observed < needed) {
      throw new ModelSizeException(
          size.label(),
          "needs at least "
              + needed
              + " observations ("
              + reason(size, free)
              + "); the data has "
              + observed);
    }
    requireStates(size);
    long bytes = fitBytes(size, steps, free);
    if (bytes > heapBytes) {
      throw new ModelSizeException(
          size.label(),
          "needs at least "
              + bytes(bytes)
              + " of memory to fit "
              + steps
              + " steps with "
              + size.states()
              + " states (the gradient keeps every step's factors, "
              + bytes(gradientBytes(size, 1))
              + " a step), and Java's heap limit is "
              + bytes(heapBytes)
              + "; give Java more memory (-Xmx) or use a smaller model");
    }
  }

  /**
   * Checks that ℓ of a model of this size can be evaluated over {@code steps} steps, and with
   * {@code gradient} differentiated, within {@code heapBytes}.
   *
   * @throws ModelSizeException naming the state dimension or the memory needed
   */
  public static void requireEvaluation(
      ModelSize size, long steps, boolean gradient, long heapBytes) {
    requireStates(size);
    long bytes = gradient ? gradientBytes(size, steps) : 0;
    if (bytes > heapBytes) {
      throw new ModelSizeException(
          size.label(),
          "needs at least "
              + bytes(bytes)
              + " of memory for the gradient over "
              + steps
              + " steps with "
              + size.states()
              + " states (every step's factors are kept, "
              + bytes(gradientBytes(size, 1))
              + " a step), and Java's heap limit is "
              + bytes(heapBytes)
              + "; give Java more memory (-Xmx) or use a smaller model");
    }
  }

  private static void requireStates(ModelSize size) {
    if (size.states() > MAX_STATES) {
      throw new ModelSizeException(
          size.label(),
          "has "
              + size.states()
              + " states, more than the "
              + MAX_STATES
              + " an nx × nx matrix can hold in one Java array");
    }
  }

  /** δ + L + k + 1. */
  private static long forParameters(ModelSize size, long free) {
    return add(add(size.diffuseStates(), size.longestLag()), add(free, 1));
  }

  /** 2s. */
  private static long seasonsNeeded(ModelSize size) {
    return multiply(SEASONS_NEEDED, size.seasonalPeriod());
  }

  /** a + b for non-negative counts, {@link Long#MAX_VALUE} when it overflows. */
  private static long add(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** a · b for non-negative counts, {@link Long#MAX_VALUE} when it overflows. */
  private static long multiply(long a, long b) {
    return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
  }

  /** Why N observations: the binding term of the rule, in words. */
  private static String reason(ModelSize size, long free) {
    if (seasonsNeeded(size) >= forParameters(size, free)) {
      return "two full seasons of period " + size.seasonalPeriod();
    }
    StringBuilder s = new StringBuilder();
    s.append(free).append(free == 1 ? " estimated parameter" : " estimated parameters");
    if (size.diffuseStates() > 0) {
      s.append(", ")
          .append(size.diffuseStates())
          .append(size.diffuseStates() == 1 ? " diffuse state" : " diffuse states");
    }
    if (size.longestLag() > 0) {
      s.append(", a lag of ").append(size.longestLag());
    }
    return s.append(" and one degree of freedom").toString();
  }

  /** A byte count for people: {@code 812 MB}, {@code 80.1 GB}. */
  static String bytes(long bytes) {
    String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
    double v = bytes;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return u == 0
        ? bytes + " bytes"
        : String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
  }
}
