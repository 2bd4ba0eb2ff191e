package io.gramian.estimation.models;

import io.gramian.autodiff.tape.StationaryFactor;
import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelMatrices;
import io.gramian.estimation.model.ParameterBlock;
import io.gramian.estimation.model.SeveralSeriesModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The vector autoregression VAR(p) of k series, as statsmodels' {@code VARMAX(y, order=(p, 0),
 * trend=…)} writes it in state-space form:
 *
 * <pre>
 *   y_t = c + A_1 y_{t−1} + … + A_p y_{t−p} + ε_t,   ε_t ~ N(0, L Lᵀ),   L k × k lower triangular
 *
 *   x_t = (y_t, y_{t−1}, …, y_{t−p+1}),  nx = k p
 *   F = [[A_1 … A_p], [I_{k(p−1)}, 0]],  c_x = (c, 0),  cholQ = (L, 0),  H = [I_k, 0],  cholR = 0
 *   x_1 ~ N(μ, P):  μ = (I − F)⁻¹ c_x,  P = F P Fᵀ + cholQ cholQᵀ  (the stationary distribution)
 * </pre>
 *
 * The observations carry no noise of their own (cholR = 0: y_t is the state's first block exactly),
 * the case the square-root filter's masked rule keeps exact. The stationary start is computed on
 * the tape ({@link StationaryFactor#of}, {@link StationaryFactor#mean}); a point whose companion
 * matrix F has an eigenvalue of modulus at least 1 has no stationary distribution and is an {@link
 * ArithmeticException}, which the optimiser treats as outside the model (it shortens its step). The
 * coefficients are not transformed (statsmodels enforces stationarity by a transform of Ansley and
 * Kohn; the maximum is the same, the path to it differs).
 *
 * <p>Parameters, in statsmodels' order and names: with trend {@code c}, {@code intercept.A} for
 * each series A; then {@code L<l>.<B>.<A>}, entry (A, B) of A_l (the coefficient of series B at lag
 * l in the equation of A), equation by equation, lag by lag; then the entries of L row by row over
 * the lower triangle, {@code sqrt.var.A} on the diagonal and {@code sqrt.cov.B.A} for row A, column
 * B. All are real numbers (a column of L may change sign without changing L Lᵀ).
 */
public final class VectorAutoregression implements SeveralSeriesModel {

  /** The deterministic terms: none, or an intercept per equation (statsmodels' trend n, c). */
  public enum Trend {
    /** No intercept. */
    NONE("n"),
    /** An intercept per equation. */
    CONSTANT("c");

    private final String spelling;

    Trend(String spelling) {
      this.spelling = spelling;
    }

    /** statsmodels' spelling: {@code n} or {@code c}. */
    public String spelling() {
      return spelling;
    }

    /**
     * The trend statsmodels spells {@code text}.
     *
     * @throws IllegalArgumentException for another spelling (statsmodels' {@code t} and {@code ct}
     *     are not taken)
     */
    public static Trend parse(String text) {
      for (Trend t : values()) {
        if (t.spelling.equals(text)) {
          return t;
        }
      }
      throw new IllegalArgumentException(
          "--trend: '" + text + "' is not one of n (none), c (an intercept per equation)");
    }
  }

  private final List<String> series;
  private final int order;
  private final Trend trend;

  /**
   * @param series the names of the k series, in the data's column order
   * @param order p ≥ 1, the number of lags
   * @param trend the deterministic terms
   * @throws IllegalArgumentException when there are no series, a name repeats, or p &lt; 1
   */
  public VectorAutoregression(List<String> series, int order, Trend trend) {
    this.series = List.copyOf(series);
    if (this.series.isEmpty()) {
      throw new IllegalArgumentException("a VAR needs at least one series");
    }
    if (this.series.stream().distinct().count() != this.series.size()) {
      throw new IllegalArgumentException("the series names repeat: " + this.series);
    }
    if (order < 1) {
      throw new IllegalArgumentException("a VAR's order is at least 1 lag, got " + order);
    }
    this.order = order;
    this.trend = trend;
  }

  @Override
  public String name() {
    return "var";
  }

  @Override
  public List<String> series() {
    return series;
  }

  /** p, the number of lags. */
  public int order() {
    return order;
  }

  /** The deterministic terms. */
  public Trend trend() {
    return trend;
  }

  @Override
  public List<ParameterBlock> parameterBlocks() {
    List<String> names = new ArrayList<>();
    int k = series.size();
    if (trend == Trend.CONSTANT) {
      for (String s : series) {
        names.add("intercept." + s);
      }
    }
    for (int eq = 0; eq < k; eq++) {
      for (int lag = 1; lag <= order; lag++) {
        for (int var = 0; var < k; var++) {
          names.add(String.format(Locale.ROOT, "L%d.%s.%s", lag, series.get(var), series.get(eq)));
        }
      }
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        names.add(
            i == j
                ? "sqrt.var." + series.get(i)
                : "sqrt.cov." + series.get(j) + "." + series.get(i));
      }
    }
    return List.of(ParameterBlock.real(names.toArray(String[]::new)));
  }

  /**
   * Start values: least squares of each equation on the intercept (with trend c) and the p lags,
   * over the periods where every value it needs is observed, and the Cholesky factor of the
   * residuals' covariance ({@link VarStartValues}).
   */
  @Override
  public double[] startParameters(ModelData data) {
    requireColumns(data);
    return VarStartValues.of(data.y(), order, trend == Trend.CONSTANT);
  }

  @Override
  public ModelMatrices build(Var[] values, ModelData data) {
    requireColumns(data);
    Tape tape = values[0].tape();
    int k = series.size();
    int nx = k * order;
    int next = 0;
    Var[] intercept = new Var[nx];
    if (trend == Trend.CONSTANT) {
      for (int i = 0; i < k; i++) {
        intercept[i] = values[next++];
      }
    }
    Var[] transition = new Var[nx * nx];
    for (int eq = 0; eq < k; eq++) {
      for (int lag = 0; lag < order; lag++) {
        for (int var = 0; var < k; var++) {
          transition[eq * nx + lag * k + var] = values[next++];
        }
      }
    }
    Var one = tape.constant(1);
    for (int i = k; i < nx; i++) {
      transition[i * nx + i - k] = one;
    }
    Var[] noise = new Var[nx * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        noise[i * k + j] = values[next++];
      }
    }
    Var[] design = new Var[k * nx];
    for (int i = 0; i < k; i++) {
      design[i * nx + i] = one;
    }
    Var F = tape.fromEntries(nx, nx, transition);
    Var cholQ = tape.fromEntries(nx, k, noise);
    Var c = tape.fromEntries(nx, 1, intercept);
    return ModelMatrices.builder(tape)
        .F(F)
        .c(c)
        .H(tape.fromEntries(k, nx, design))
        .cholQ(cholQ)
        .cholR(tape.zeros(k, k))
        .cholP0(StationaryFactor.of(F, cholQ))
        .m0(StationaryFactor.mean(F, c))
        .build();
  }

  /** {@code A.lag<l>} for the state's l-th block of the series' values (l = 0: y_t itself). */
  @Override
  public List<String> stateNames(int nx) {
    List<String> names = new ArrayList<>(nx);
    for (int lag = 0; lag < order; lag++) {
      for (String s : series) {
        names.add(lag == 0 ? s : s + ".lag" + lag);
      }
    }
    return names;
  }

  private void requireColumns(ModelData data) {
    if (data.y().numCols != series.size()) {
      throw new IllegalArgumentException(
          "the VAR of the series "
              + series
              + " needs "
              + series.size()
              + " columns of data, not "
              + data.y().numCols);
    }
  }
}
