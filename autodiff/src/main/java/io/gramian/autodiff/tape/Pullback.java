package io.gramian.autodiff.tape;

import org.ejml.data.DMatrixRMaj;

/**
 * The reverse-mode rule of one recorded operation {@code y = f(x₁, …, x_k)}: given {@code ȳ}, adds
 * {@code x̄_i += (∂y/∂x_i)ᵀ ȳ} to the adjoint of every input that needs one.
 */
@FunctionalInterface
interface Pullback {

  /**
   * @param yBar adjoint of the operation's result, its shape. Not modified.
   */
  void addToInputs(DMatrixRMaj yBar);
}
