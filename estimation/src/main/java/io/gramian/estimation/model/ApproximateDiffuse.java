package io.gramian.estimation.model;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.kalman.StateSpace;
import java.util.List;

/**
 * A model with its exactly diffuse directions replaced by a large but finite variance κ:
 * {@code P₁ = P* + κ P∞}, that is {@code cholP0 ← [cholP0, √κ cholPinf]} and no diffuse
 * direction. An explicit option only, never the default: the resulting likelihood depends on the
 * data's scale through κ, and is not the exact diffuse likelihood (with κ = 1e6 statsmodels
 * finds a different maximum on USAccDeaths). It is the convention of statsmodels'
 * {@code initialization='approximate_diffuse'} (without its burn-in of the first d terms).
 */
public final class ApproximateDiffuse implements StateSpaceModel {

  /** statsmodels' default κ for approximate diffuse initialisation. */
  public static final double STATSMODELS_KAPPA = 1e6;

  private final StateSpaceModel model;
  private final double kappa;

  private ApproximateDiffuse(StateSpaceModel model, double kappa) {
    if (!(kappa > 0) || Double.isInfinite(kappa)) {
      throw new IllegalArgumentException("κ must be positive and finite, got " + kappa);
    }
    this.model = model;
    this.kappa = kappa;
  }

  /** {@code model} with diffuse directions given variance κ. */
  public static ApproximateDiffuse of(StateSpaceModel model, double kappa) {
    return new ApproximateDiffuse(model, kappa);
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public List<ParameterBlock> parameterBlocks() {
    return model.parameterBlocks();
  }

  @Override
  public double[] startParameters(ModelData data) {
    return model.startParameters(data);
  }

  @Override
  public ModelMatrices build(Var[] values, ModelData data) {
    ModelMatrices m = model.build(values, data);
    Tape tape = values.length > 0 ? values[0].tape() : m.F().tape();
    int nx = m.F().rows();
    Var scaled = m.cholPinf().mul(Math.sqrt(kappa));
    Var cholP0 = tape.block(new Var[][] {{m.cholP0(), scaled}});
    return ModelMatrices.builder(tape)
        .setAll(m.vars())
        .cholP0(cholP0)
        .cholPinf(tape.zeros(nx, 0))
        .build();
  }

  @Override
  public StateSpace system(ModelMatrices matrices, ModelData data) {
    return model.system(matrices, data);
  }

  @Override
  public ModelData prepare(ModelData data) {
    return model.prepare(data);
  }
}
