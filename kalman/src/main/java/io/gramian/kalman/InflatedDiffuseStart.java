package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * A view of a system with exactly diffuse directions whose initial factor also carries them, scaled
 * by a constant α:
 *
 * <pre>
 *   cholP0' = [cholP0, α cholPinf]      (nx × (k + d)),   everything else unchanged
 * </pre>
 *
 * i.e. {@code x_0 = m0 + cholPinf (δ + δ') + cholP0 η} with {@code δ' ~ N(0, α² I)} beside the flat
 * δ. Since δ + δ' is as flat as δ, the exact diffuse log-likelihood of the view equals that of the
 * system for every α: with Z the loading of the observations on δ and Σ their covariance given δ
 * and {@code Ω = Σ + α² Z Zᵀ}, {@code det Ω det(Zᵀ Ω⁻¹ Z) = det Σ det(Zᵀ Σ⁻¹ Z)} and the
 * generalised least-squares residual is unchanged. Its use: where the proper part of an innovation
 * covariance is singular (no observation noise and no proper initial variance in a direction the
 * observation loads on), the view's is not, so the square-root filter, its tangent and its reverse
 * sweep run unchanged on it. Because the value does not depend on α, neither does the gradient: α
 * is held constant and {@link #addAdjoints} maps the view's initial-factor adjoint back to {@code
 * cholP0} and {@code cholPinf}.
 *
 * <p>A reusable workspace: {@link #wrap} fills its matrices, and allocates nothing once built.
 */
final class InflatedDiffuseStart extends ForwardingStateSpace {

  private final int k;
  private final int d;
  private final DMatrixRMaj cholP0;
  private StateSpace base;
  private double alpha;

  InflatedDiffuseStart(Dimensions dims) {
    k = dims.k();
    d = dims.diffuseRank();
    cholP0 = new DMatrixRMaj(dims.nx(), k + d);
  }

  /** The dimensions of a view of a system of dimensions {@code dims}: k grows by d. */
  static Dimensions dimensions(Dimensions dims) {
    return new Dimensions(
        dims.nx(),
        dims.ny(),
        dims.q(),
        dims.r(),
        dims.k() + dims.diffuseRank(),
        dims.diffuseRank());
  }

  /**
   * Makes this the view of {@code system} with scale α (the initial factor is copied; the other
   * matrices are the system's own).
   *
   * @return this
   */
  InflatedDiffuseStart wrap(StateSpace system, double alpha) {
    this.base = system;
    this.alpha = alpha;
    DMatrixRMaj P0 = system.cholP0();
    DMatrixRMaj Pinf = system.cholPinf();
    final int cols = k + d;
    for (int i = 0; i < cholP0.numRows; i++) {
      for (int j = 0; j < k; j++) {
        cholP0.data[i * cols + j] = P0.unsafe_get(i, j);
      }
      for (int j = 0; j < d; j++) {
        cholP0.data[i * cols + k + j] = alpha * Pinf.unsafe_get(i, j);
      }
    }
    return this;
  }

  /** The scale α of the last {@link #wrap}. */
  double alpha() {
    return alpha;
  }

  /**
   * Adds the view's initial-factor adjoint back to the system's (+=): {@code cholP0Bar +=
   * viewBar[:, :k]}, {@code cholPinfBar += α viewBar[:, k:]}.
   *
   * @param viewBar ∂ℓ/∂cholP0' (nx × (k + d)). Not modified.
   * @param out where the system's adjoints accumulate. Modified.
   */
  void addAdjoints(DMatrixRMaj viewBar, AdjointAccumulator out) {
    DMatrixRMaj P0Bar = out.cholP0Bar();
    DMatrixRMaj PinfBar = out.cholPinfBar();
    final int cols = k + d;
    for (int i = 0; i < viewBar.numRows; i++) {
      for (int j = 0; j < k; j++) {
        P0Bar.data[i * k + j] += viewBar.data[i * cols + j];
      }
      for (int j = 0; j < d; j++) {
        PinfBar.data[i * d + j] += alpha * viewBar.data[i * cols + k + j];
      }
    }
  }

  /**
   * The adjoints of the view, passed through to {@code out} except the initial factor's, which
   * collects in a buffer for {@link #addAdjoints}.
   */
  static final class Adjoints implements AdjointAccumulator {
    private final DMatrixRMaj cholP0Bar;
    private AdjointAccumulator out;

    Adjoints(Dimensions dims) {
      cholP0Bar = new DMatrixRMaj(dims.nx(), dims.k() + dims.diffuseRank());
    }

    /** Passes adjoints to {@code out}, starting from a zero initial-factor adjoint. */
    Adjoints into(AdjointAccumulator out) {
      this.out = out;
      cholP0Bar.zero();
      return this;
    }

    @Override
    public boolean accumulates(SystemMatrix matrix) {
      return matrix == SystemMatrix.cholP0 || out.accumulates(matrix);
    }

    @Override
    public int[] FEntries() {
      return out.FEntries();
    }

    @Override
    public boolean sumsOverTime() {
      return out.sumsOverTime();
    }

    @Override
    public DMatrixRMaj FBar(int t) {
      return out.FBar(t);
    }

    @Override
    public DMatrixRMaj cBar(int t) {
      return out.cBar(t);
    }

    @Override
    public DMatrixRMaj HBar(int t) {
      return out.HBar(t);
    }

    @Override
    public DMatrixRMaj dBar(int t) {
      return out.dBar(t);
    }

    @Override
    public DMatrixRMaj cholQBar(int t) {
      return out.cholQBar(t);
    }

    @Override
    public DMatrixRMaj cholRBar(int t) {
      return out.cholRBar(t);
    }

    @Override
    public DMatrixRMaj m0Bar() {
      return out.m0Bar();
    }

    @Override
    public DMatrixRMaj cholP0Bar() {
      return cholP0Bar;
    }

    @Override
    public DMatrixRMaj cholPinfBar() {
      return out.cholPinfBar();
    }
  }

  @Override
  protected StateSpace delegate() {
    return base;
  }

  @Override
  public int k() {
    return k + d;
  }

  @Override
  public int diffuseRank() {
    return d;
  }

  @Override
  public DMatrixRMaj cholP0() {
    return cholP0;
  }
}
