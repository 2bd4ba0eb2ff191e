package io.gramian.estimation.model;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.kalman.StateSpace;
import io.gramian.kalman.StateSpaceSystem;
import java.util.ArrayList;
import java.util.List;

/**
 * A parametric linear Gaussian state-space model: parameters θ ↦ system matrices, built on a {@link
 * Tape} so that the exact gradient of the log-likelihood comes from the filter's reverse sweep and
 * one reverse pass over the tape, with no hand-written adjoint.
 *
 * <p>To define a model: list its parameters ({@link #parameterBlocks()}), give start values from
 * the data, and build the matrices from the parameters' build values with the tape's operations
 * ({@code fromEntries, diag, block, times, tria, StationaryFactor.of, …}).
 */
public interface StateSpaceModel {

  /** The model's name as the command line spells it, e.g. {@code local-level}. */
  String name();

  /** The parameters, in order, grouped by transform. */
  List<ParameterBlock> parameterBlocks();

  /** Parameter names in order (statsmodels' spelling). */
  default List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (ParameterBlock b : parameterBlocks()) {
      names.addAll(b.names());
    }
    return names;
  }

  /**
   * The model's size as its specification states it, computed without building anything: what
   * {@link ModelSizeRule} checks against the data before a fit allocates. By default only the
   * number of parameters; a model that can state its state dimension, diffuse states, longest lag
   * and seasonal period from its specification should override this, so that an absurd
   * specification is refused before it is built.
   */
  default ModelSize size() {
    return ModelSize.ofParameters("model " + name(), parameterNames().size());
  }

  /** Start values on the natural scale, from the data (variances > 0, stationary AR/MA). */
  double[] startParameters(ModelData data);

  /**
   * The system matrices from the parameters' build values (the standard deviation for a variance,
   * the natural value otherwise), recorded on their tape.
   *
   * @param values one 1 × 1 {@link Var} per parameter, in {@link #parameterNames()} order
   */
  ModelMatrices build(Var[] values, ModelData data);

  /**
   * The system the filter runs: by default the time-invariant system of the built values. A model
   * whose matrices vary with time only through the data (regressors in H) overrides this;
   * parameters must then enter only the time-invariant parts recorded in {@code matrices}.
   */
  default StateSpace system(ModelMatrices matrices, ModelData data) {
    return matrices.system();
  }

  /**
   * The data the likelihood is computed on, e.g. differenced for a SARIMA model with simple
   * differencing. By default the data as given.
   */
  default ModelData prepare(ModelData data) {
    return data;
  }

  /**
   * The number b of leading periods whose terms the log-likelihood leaves out, ℓ = Σ_{t > b} ℓ_t
   * (statsmodels' {@code loglikelihood_burn}); 0, the default, for the exact diffuse likelihood,
   * which needs no burn. See {@link ApproximateDiffuse#withDiffuseBurn}.
   *
   * @param data the data as {@link #prepare} returns them
   */
  default int loglikelihoodBurn(ModelData data) {
    return 0;
  }

  /**
   * A cheaper model whose log-likelihood on {@code data} is this one's up to a constant, for a
   * fit's optimiser to evaluate instead ({@link LikelihoodEquivalent}): for a SARIMA model with
   * exactly diffuse differencing states and no missing value, the likelihood of the differenced
   * series. By default none.
   *
   * @param data the data as given, before {@link #prepare}
   */
  default java.util.Optional<LikelihoodEquivalent> likelihoodEquivalent(ModelData data) {
    return java.util.Optional.empty();
  }

  /** Number of exactly diffuse states (counted in AIC and BIC as statsmodels does). */
  default int diffuseStates(ModelData data) {
    Tape tape = new Tape();
    List<String> names = parameterNames();
    double[] start = startParameters(data);
    Var[] values = new Var[names.size()];
    for (int i = 0; i < values.length; i++) {
      boolean variance = isVariance(i);
      values[i] = tape.constant(variance ? Math.sqrt(start[i]) : start[i]);
    }
    StateSpaceSystem s = build(values, data).system();
    return s.diffuseRank();
  }

  /**
   * Names of the states, for tables and plots (e.g. {@code level, trend, seasonal}); the components
   * a plot should show are those not named with a leading underscore. By default {@code state.1 …
   * state.nx}.
   */
  default List<String> stateNames(int nx) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= nx; i++) {
      names.add("state." + i);
    }
    return names;
  }

  /** Whether parameter i is a variance. */
  default boolean isVariance(int i) {
    int offset = 0;
    for (ParameterBlock b : parameterBlocks()) {
      if (i < offset + b.size()) {
        return b.variance();
      }
      offset += b.size();
    }
    throw new IndexOutOfBoundsException("no parameter " + i);
  }
}
