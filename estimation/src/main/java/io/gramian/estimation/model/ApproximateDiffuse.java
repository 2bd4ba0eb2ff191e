package io.gramian.estimation.model;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.kalman.StateSpace;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * A model with its exactly diffuse directions replaced by a large but finite variance κ:
 *
 * <pre>
 *   P₁ = κ P∞ + (I − Π) P* (I − Π),   cholP0 ← [(I − Π) cholP0, √κ cholPinf],   no diffuse direction
 * </pre>
 *
 * with Π the orthogonal projector onto the diffuse directions (the columns of cholPinf, which must
 * not depend on the parameters). The projection removes the part of P* that an exact diffuse model
 * may keep inside range(P∞), where it changes nothing in the limit κ → ∞ (the structural models
 * keep one there for the square-root filter's sake): a diffuse state then starts with variance κ
 * and no covariance with the others, as in statsmodels. An explicit option only, never the default:
 * the resulting likelihood depends on the data's scale through κ, and is not the exact diffuse
 * likelihood (with κ = 1e6 statsmodels finds a different maximum on USAccDeaths).
 *
 * <p>{@link #of} keeps every term of ℓ. {@link #withDiffuseBurn} leaves out the first d terms, d
 * the number of the model's diffuse states: ℓ = Σ_{t > d} ℓ_t, statsmodels 0.13.5's convention for
 * {@code use_exact_diffuse=False} with {@code initial_variance=κ} (its default for {@code
 * UnobservedComponents} and for an integrated {@code SARIMAX}; its {@code loglikelihood_burn} is
 * then d). That is what {@code --init approximate-diffuse} computes. The two differ by exactly the
 * first d terms of the filter with the κ start.
 */
public final class ApproximateDiffuse implements StateSpaceModel {

  /** statsmodels' default κ for approximate diffuse initialisation. */
  public static final double STATSMODELS_KAPPA = 1e6;

  private final StateSpaceModel model;
  private final double kappa;
  private final boolean burnDiffuse;

  private ApproximateDiffuse(StateSpaceModel model, double kappa, boolean burnDiffuse) {
    if (!(kappa > 0) || Double.isInfinite(kappa)) {
      throw new IllegalArgumentException("κ must be positive and finite, got " + kappa);
    }
    this.model = model;
    this.kappa = kappa;
    this.burnDiffuse = burnDiffuse;
  }

  /** {@code model} with diffuse directions given variance κ; ℓ keeps every term. */
  public static ApproximateDiffuse of(StateSpaceModel model, double kappa) {
    return new ApproximateDiffuse(model, kappa, false);
  }

  /**
   * This start with ℓ = Σ_{t > d} ℓ_t: the first d terms left out, d the number of the model's
   * diffuse states (statsmodels' {@code loglikelihood_burn} for its approximate diffuse start).
   */
  public ApproximateDiffuse withDiffuseBurn() {
    return new ApproximateDiffuse(model, kappa, true);
  }

  /** κ, the variance given to each diffuse direction. */
  public double kappa() {
    return kappa;
  }

  /** d, the wrapped model's diffuse states, with {@link #withDiffuseBurn}; 0 otherwise. */
  @Override
  public int loglikelihoodBurn(ModelData data) {
    return burnDiffuse ? model.diffuseStates(data) : 0;
  }

  @Override
  public List<String> stateNames(int nx) {
    return model.stateNames(nx);
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
    Var proper = tape.constant(complementProjector(m.cholPinf().value())).times(m.cholP0());
    Var cholP0 = tape.block(new Var[][] {{proper, scaled}});
    return ModelMatrices.builder(tape)
        .setAll(m.vars())
        .cholP0(cholP0)
        .cholPinf(tape.zeros(nx, 0))
        .build();
  }

  /** I − Q Qᵀ, Q an orthonormal basis of range(A) (Householder QR of A, nx × d, full rank). */
  static DMatrixRMaj complementProjector(DMatrixRMaj A) {
    int nx = A.numRows;
    DMatrixRMaj projector = CommonOps_DDRM.identity(nx);
    if (A.numCols == 0) {
      return projector;
    }
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(nx, A.numCols);
    if (!qr.decompose(A.copy())) {
      throw new IllegalArgumentException("the diffuse directions cholPinf cannot be factored");
    }
    DMatrixRMaj Q = qr.getQ(null, true);
    CommonOps_DDRM.multAddTransB(-1, Q, Q, projector);
    return projector;
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
