package io.gramian.estimation.arima;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.estimation.model.LikelihoodEquivalent;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelMatrices;
import io.gramian.estimation.model.ModelSize;
import io.gramian.estimation.model.ParameterBlock;
import io.gramian.estimation.model.ParameterValues;
import io.gramian.estimation.model.RegressionStateSpace;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.transform.SparsePolynomial;
import io.gramian.kalman.StateSpace;
import io.gramian.kalman.StateSpaceSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * The seasonal ARIMA model with an optional mean and regressors, SARIMAX(p, d, q)(P, D, Q, s), in
 * statsmodels' state-space form (command-line name {@code arima}):
 *
 * <pre>
 *   y_t = x_tᵀ β + z_t
 *   w_t = (1 − L)^d (1 − L^s)^D z_t = μ + u_t
 *   φ(L) Φ(L^s) u_t = θ(L) Θ(L^s) ε_t,        ε_t ~ N(0, σ²)
 * </pre>
 *
 * with φ(z) = 1 − φ₁z − … − φ_p z^p, Φ(z) = 1 − Φ₁z − … − Φ_P z^P (both stationary), θ(z) = 1 + θ₁z
 * + … + θ_q z^q, Θ(z) = 1 + Θ₁z + … + Θ_Q z^Q (both invertible).
 *
 * <h2>Parameters (statsmodels' names)</h2>
 *
 * {@code ar.L1 … ar.Lp} (one stationary block), {@code ma.L1 … ma.Lq} (invertible block), {@code
 * ar.S.L<s> … ar.S.L<Ps>} (stationary block), {@code ma.S.L<s> … ma.S.L<Qs>} (invertible block),
 * {@code sigma2} (σ², a variance), then {@code mean} (μ, with {@link #withMean}) and {@code
 * beta.<column>} (β, with {@link #withRegressors}). With sparse lags ({@link
 * SarimaxOrder#withArLags}, {@link SarimaxOrder#withMaLags}) the coefficients are those of the lags
 * present, e.g. {@code ma.L1, ma.L4}, left unconstrained by a transform ({@link SparsePolynomial}:
 * a stationary AR part is still required, an MA part may be non-invertible).
 *
 * <p>The mean is that of the differenced series w_t. With d = D = 0 it is the mean of y_t − x_tᵀβ
 * ("y_t − mean follows the ARMA", as R's {@code intercept} and statsmodels' {@code const} of {@code
 * ARIMA} or of SARIMAX with a constant regressor). With d + D > 0 it is a drift: for d = 1, y_t −
 * μt follows the ARIMA, as R's {@code xreg = 1:n} or Stata's constant in a differenced model; in
 * general μ is the coefficient of a regressor that the differencing maps to one. (statsmodels'
 * {@code trend='c'} is different: an intercept c in the ARMA recursion, c = μ φ(1) Φ(1).)
 *
 * <h2>State space (Harvey's representation, statsmodels' layout)</h2>
 *
 * The ARMA part: r = max(p + sP, q + sQ + 1) states, with the multiplied-out polynomials φ(z)Φ(z^s)
 * = 1 − Σ φ*_k z^k and θ(z)Θ(z^s) = 1 + Σ θ*_k z^k (their coefficients are tape operations on the
 * parameters, {@link LagPolynomial}):
 *
 * <pre>
 *   a_{t+1} = F_a a_t + g ε_{t+1},   u_t = a_t[0]      F_a: r × r, g: r × 1
 *   F_a = [φ* | I_{r−1} over 0]   (first column φ*_1 … φ*_r, ones on the superdiagonal)
 *   g = (1, θ*_1, …, θ*_{r−1})ᵀ,  cholQ_a = σ g,   a_1 ~ N(0, P_a),  P_a = F_a P_a F_aᵀ + σ² g gᵀ
 * </pre>
 *
 * ({@link HarveyArma}). With {@link Integration#DIFFUSE_STATES} (the default) the state is (δ_t,
 * a_t, β): k = d + sD differencing states ({@link DifferencingStates}), exactly diffuse, then the
 * ARMA states, then the k_x regression coefficients, constant and known at the start:
 *
 * <pre>
 *   F = [[T, ι e₁ᵀ, 0], [0, F_a, 0], [0, 0, I]]     c = (μ ι, 0, 0)      H_t = (Z, e₁ᵀ, x_tᵀ)
 *   d = μ,  R = 0,  cholQ = (0, σ g, 0),  m0 = (0, 0, β),  cholP0 = (0, chol P_a, 0),
 *   cholPinf = (I_k, 0, 0)
 * </pre>
 *
 * so that y_t = Z δ_t + w_t + x_tᵀβ and δ_{t+1} = T δ_t + ι w_t. The log-likelihood is the exact
 * diffuse one (Durbin and Koopman 2012 §7.2.2), statsmodels' {@code use_exact_diffuse=True}. With
 * {@link Integration#SIMPLE_DIFFERENCING}, {@link #prepare} differences y and x first (dropping d +
 * sD observations) and the state is (a_t, β) with a stationary start: the exact likelihood of the
 * differenced series (statsmodels' {@code simple_differencing=True}, Stata). When no observation is
 * missing the two differ by exactly {@code ((d + sD)/2) log 2π} and share their maximum; with
 * missing values the exact diffuse likelihood uses more of the data (a missing y_t makes every
 * difference that uses it missing).
 *
 * <p>Compared with R's {@code arima}: the same model and, for d = D = 0, the same likelihood; R
 * concentrates σ² out (its σ² is the maximising one, so its ℓ is the full ℓ there). For d + D > 0 R
 * starts its differencing states (the last d + sD values of y) with variance 1e6·σ² rather than
 * exactly diffuse and drops the terms whose innovation variance exceeds 1e4·σ², so its ℓ is neither
 * of ours (+3.0e-3 against simple differencing on the airline model). statsmodels' default for d +
 * D > 0 is approximate diffuse too (variance 1e6 in the data's units, the first d + sD terms
 * dropped), which depends on the scale of the data: it is 1.5e-7 above simple differencing on log
 * AirPassengers but 7.9e-3 above it on the Nile.
 *
 * <p>Missing values of y are handled by the filter (NaN skips the update); regressors must be
 * complete. Immutable; the {@code with…} methods return modified copies.
 */
public final class Sarimax implements StateSpaceModel {

  /** The model's command-line name. */
  public static final String NAME = "arima";

  private final SarimaxOrder order;
  private final boolean mean;
  private final List<String> regressors;
  private final Integration integration;

  private Sarimax(
      SarimaxOrder order, boolean mean, List<String> regressors, Integration integration) {
    this.order = order;
    this.mean = mean;
    this.regressors = List.copyOf(regressors);
    this.integration = integration;
  }

  /** SARIMA of this order: no mean, no regressors, exactly diffuse differencing states. */
  public static Sarimax of(SarimaxOrder order) {
    return new Sarimax(order, false, List.of(), Integration.DIFFUSE_STATES);
  }

  /** This model with (or without) the mean μ of the differenced series. */
  public Sarimax withMean(boolean value) {
    return new Sarimax(order, value, regressors, integration);
  }

  /**
   * This model with regressors: the data's regressor columns, which must have these names in this
   * order (the parameters are {@code beta.<name>}).
   */
  public Sarimax withRegressors(List<String> names) {
    return new Sarimax(order, mean, names, integration);
  }

  /** This model with another treatment of the differences. */
  public Sarimax withIntegration(Integration value) {
    return new Sarimax(order, mean, regressors, value);
  }

  public SarimaxOrder order() {
    return order;
  }

  public boolean hasMean() {
    return mean;
  }

  public List<String> regressors() {
    return regressors;
  }

  public Integration integration() {
    return integration;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<ParameterBlock> parameterBlocks() {
    List<ParameterBlock> blocks = new ArrayList<>();
    int s = order.period();
    addPolynomial(blocks, "ar.L", order.arLags(), order.sparseAr(), false);
    addPolynomial(blocks, "ma.L", order.maLags(), order.sparseMa(), true);
    addStationary(blocks, names("ar.S.L", order.seasonalP(), s), false);
    addStationary(blocks, names("ma.S.L", order.seasonalQ(), s), true);
    blocks.add(ParameterBlock.variance("sigma2"));
    if (mean) {
      blocks.add(ParameterBlock.real("mean"));
    }
    for (String r : regressors) {
      blocks.add(ParameterBlock.real("beta." + r));
    }
    return blocks;
  }

  /** The model's size from its orders alone ({@link SarimaxSize}), for the size rule. */
  @Override
  public ModelSize size() {
    return SarimaxSize.of(order, mean, regressors.size(), integration, toString());
  }

  /**
   * Start values from the data as {@link #prepare} returns it: conditional least squares on the
   * differenced series ({@link SarimaxStartValues}).
   */
  @Override
  public double[] startParameters(ModelData data) {
    requireRegressors(data);
    ModelData differenced =
        integration == Integration.DIFFUSE_STATES && order.isIntegrated()
            ? Differencing.apply(data, order)
            : data;
    return SarimaxStartValues.compute(order, mean, differenced);
  }

  /**
   * Checks the data, and with {@link Integration#SIMPLE_DIFFERENCING} differences y and the
   * regressors.
   *
   * @throws IllegalArgumentException when the data are not univariate, the regressors are not the
   *     model's, or there are too few observations for the differencing
   */
  @Override
  public ModelData prepare(ModelData data) {
    if (data.y().numCols != 1) {
      throw new IllegalArgumentException(
          "ARIMA" + order + " is univariate, but the data have " + data.y().numCols + " series");
    }
    requireRegressors(data);
    int k = order.differencingStates();
    int observed = data.observedCount();
    if (observed <= k) {
      throw new IllegalArgumentException(
          "too few observations: "
              + observed
              + " observed values, and ARIMA"
              + order
              + " needs more than d + sD = "
              + k);
    }
    if (integration == Integration.SIMPLE_DIFFERENCING && order.isIntegrated()) {
      ModelData differenced = Differencing.apply(data, order);
      if (differenced.observedCount() == 0) {
        throw new IllegalArgumentException(
            "too few observations: no difference (1 − L)^"
                + order.d()
                + " (1 − L^"
                + order.period()
                + ")^"
                + order.seasonalD()
                + " of the series has both its values observed");
      }
      return differenced;
    }
    return data;
  }

  /**
   * With exactly diffuse differencing states and no missing value, the same model on the
   * differenced series ({@link Integration#SIMPLE_DIFFERENCING}): its log-likelihood is this one's
   * plus {@code ((d + sD)/2) log 2π} (see the class comment), from r ARMA states with a stationary
   * start instead of d + sD + r states with a diffuse one (the airline model: 14 states against
   * 27). None when the model is not integrated, already differences, or a value is missing.
   */
  @Override
  public Optional<LikelihoodEquivalent> likelihoodEquivalent(ModelData data) {
    if (integration != Integration.DIFFUSE_STATES
        || !order.isIntegrated()
        || data.y().numCols != 1
        || data.observedCount() < data.length()) {
      return Optional.empty();
    }
    double offset = -0.5 * order.differencingStates() * Math.log(2 * Math.PI);
    return Optional.of(
        new LikelihoodEquivalent(withIntegration(Integration.SIMPLE_DIFFERENCING), offset));
  }

  @Override
  public ModelMatrices build(Var[] values, ModelData data) {
    Tape tape = values[0].tape();
    ParameterValues<Var> params = ParameterValues.of(parameterBlocks(), values);
    int s = order.period();
    Var[] phi = atLags(params, "ar.L", order.arLags(), order.p());
    Var[] theta = atLags(params, "ma.L", order.maLags(), order.q());
    Var[] seasonalPhi = coefficients(params, names("ar.S.L", order.seasonalP(), s));
    Var[] seasonalTheta = coefficients(params, names("ma.S.L", order.seasonalQ(), s));
    Var sigma = params.get("sigma2");
    Var mu = mean ? params.get("mean") : null;
    Var[] beta = new Var[regressors.size()];
    for (int j = 0; j < beta.length; j++) {
      beta[j] = params.get("beta." + regressors.get(j));
    }

    Var[] arStar = LagPolynomial.autoregressive(phi, seasonalPhi, s);
    Var[] maStar = LagPolynomial.movingAverage(theta, seasonalTheta, s);
    HarveyArma arma = HarveyArma.of(arStar, maStar, sigma, order.armaStates());
    int r = arma.size;
    DifferencingStates differencing =
        integration == Integration.DIFFUSE_STATES ? new DifferencingStates(order) : null;
    int k = differencing == null ? 0 : differencing.size();
    int kx = regressors.size();
    int nx = k + r + kx;
    Var one = tape.constant(1);

    Var[] F = new Var[nx * nx];
    Var[] c = new Var[nx];
    Var[] H = new Var[nx];
    Var[] cholQ = new Var[nx];
    Var[] m0 = new Var[nx];
    Var[] cholPinf = new Var[nx * k];
    if (differencing != null) {
      DMatrixRMaj T = differencing.transition();
      boolean[] iota = differencing.receivesDifferenced();
      double[] Z = differencing.design();
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          if (T.get(i, j) != 0) {
            F[i * nx + j] = tape.constant(T.get(i, j));
          }
        }
        if (iota[i]) {
          F[i * nx + k] = one;
          c[i] = mu;
        }
        if (Z[i] != 0) {
          H[i] = tape.constant(Z[i]);
        }
        cholPinf[i * k + i] = one;
      }
    }
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        F[(k + i) * nx + k + j] = arma.transition[i * r + j];
      }
      cholQ[k + i] = arma.noise[i];
    }
    H[k] = one;
    for (int j = 0; j < kx; j++) {
      F[(k + r + j) * nx + k + r + j] = one;
      m0[k + r + j] = beta[j];
    }
    List<Var[]> cholP0Rows = new ArrayList<>();
    if (k > 0) {
      cholP0Rows.add(new Var[] {tape.zeros(k, r)});
    }
    cholP0Rows.add(new Var[] {arma.cholP});
    if (kx > 0) {
      cholP0Rows.add(new Var[] {tape.zeros(kx, r)});
    }
    return ModelMatrices.builder(tape)
        .F(tape.fromEntries(nx, nx, F))
        .c(tape.fromEntries(nx, 1, c))
        .H(tape.fromEntries(1, nx, H))
        .d(mu == null ? tape.zeros(1, 1) : tape.fromEntries(1, 1, mu))
        .cholQ(tape.fromEntries(nx, 1, cholQ))
        .cholR(tape.zeros(1, 0))
        .m0(tape.fromEntries(nx, 1, m0))
        .cholP0(tape.block(cholP0Rows.toArray(new Var[0][])))
        .cholPinf(tape.fromEntries(nx, k, cholPinf))
        .build();
  }

  /** The time-invariant system, or with regressors one whose H_t reads them from the data. */
  @Override
  public StateSpace system(ModelMatrices matrices, ModelData data) {
    if (regressors.isEmpty()) {
      return matrices.system();
    }
    StateSpaceSystem base = matrices.system();
    // The coefficients are the last k states.
    return new RegressionStateSpace(base, data.exog(), base.nx() - data.exog().numCols);
  }

  @Override
  public String toString() {
    return "SARIMAX"
        + order
        + (mean ? " with mean" : "")
        + (regressors.isEmpty() ? "" : " on " + regressors)
        + (integration == Integration.SIMPLE_DIFFERENCING ? ", simple differencing" : "");
  }

  private void requireRegressors(ModelData data) {
    if (!data.exogNames().equals(regressors)) {
      throw new IllegalArgumentException(
          "the model's regressors are " + regressors + " but the data's are " + data.exogNames());
    }
  }

  private static void addStationary(List<ParameterBlock> blocks, String[] names, boolean ma) {
    if (names.length > 0) {
      blocks.add(ma ? ParameterBlock.movingAverage(names) : ParameterBlock.autoregressive(names));
    }
  }

  /** A dense polynomial's stationary (invertible) block, or a sparse one's. */
  private static void addPolynomial(
      List<ParameterBlock> blocks, String prefix, List<Integer> lags, boolean sparse, boolean ma) {
    String[] names = new String[lags.size()];
    int[] at = new int[lags.size()];
    for (int i = 0; i < names.length; i++) {
      at[i] = lags.get(i);
      names[i] = prefix + at[i];
    }
    if (!sparse) {
      addStationary(blocks, names, ma);
      return;
    }
    SparsePolynomial transform =
        ma ? SparsePolynomial.movingAverage(at, names) : SparsePolynomial.autoregressive(at, names);
    blocks.add(ParameterBlock.transformed(transform, names));
  }

  /** The coefficients of lags 1 … degree by name (prefix + lag) at the given lags, else null. */
  private static Var[] atLags(
      ParameterValues<Var> params, String prefix, List<Integer> lags, int degree) {
    Var[] out = new Var[degree];
    for (int lag : lags) {
      out[lag - 1] = params.get(prefix + lag);
    }
    return out;
  }

  private static String[] names(String prefix, int count, int step) {
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      names[i] = prefix + (i + 1) * step;
    }
    return names;
  }

  private static Var[] coefficients(ParameterValues<Var> params, String[] names) {
    Var[] out = new Var[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = params.get(names[i]);
    }
    return out;
  }
}
