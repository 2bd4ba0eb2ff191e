package io.gramian.autodiff.tape;

import org.ejml.data.DMatrixRMaj;

/**
 * The forward-mode rule of one recorded operation {@code y = f(x₁, …, x_k)}: given the inputs'
 * tangents {@code ẋ_i} (each input's {@link Var#tangent}, null where it is zero), adds {@code ẏ +=
 * Σ_i (∂y/∂x_i) ẋ_i}. The transpose of the operation's {@link Pullback}.
 */
@FunctionalInterface
interface Pushforward {

  /**
   * @param yDot the result's tangent, its shape, zero on entry. Modified.
   */
  void addFromInputs(DMatrixRMaj yDot);
}
