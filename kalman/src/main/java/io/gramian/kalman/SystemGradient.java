package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * The gradient of the log-likelihood with respect to every entry of a time-invariant system's
 * matrices, {@code FBar = ∂ℓ/∂F} and so on, summed over time steps. Gradients with respect to
 * a factor are with respect to that factor's entries (ℓ depends on cholQ only through
 * {@code Q = cholQ cholQᵀ}, so {@code cholQBar = 2 Q̄ cholQ}).
 */
public final class SystemGradient implements AdjointAccumulator {

  public final DMatrixRMaj FBar;
  public final DMatrixRMaj cBar;
  public final DMatrixRMaj HBar;
  public final DMatrixRMaj dBar;
  public final DMatrixRMaj cholQBar;
  public final DMatrixRMaj cholRBar;
  public final DMatrixRMaj m0Bar;
  public final DMatrixRMaj cholP0Bar;
  public final DMatrixRMaj cholPinfBar;

  /** A zero gradient for systems of these dimensions. */
  public SystemGradient(Dimensions d) {
    FBar = new DMatrixRMaj(d.nx(), d.nx());
    cBar = new DMatrixRMaj(d.nx(), 1);
    HBar = new DMatrixRMaj(d.ny(), d.nx());
    dBar = new DMatrixRMaj(d.ny(), 1);
    cholQBar = new DMatrixRMaj(d.nx(), d.q());
    cholRBar = new DMatrixRMaj(d.ny(), d.r());
    m0Bar = new DMatrixRMaj(d.nx(), 1);
    cholP0Bar = new DMatrixRMaj(d.nx(), d.k());
    cholPinfBar = new DMatrixRMaj(d.nx(), d.d());
  }

  /** Sets every entry back to zero. */
  public void zero() {
    FBar.zero();
    cBar.zero();
    HBar.zero();
    dBar.zero();
    cholQBar.zero();
    cholRBar.zero();
    m0Bar.zero();
    cholP0Bar.zero();
    cholPinfBar.zero();
  }

  /** The matrices in the order F, c, H, d, cholQ, cholR, m0, cholP0, cholPinf. */
  public DMatrixRMaj[] all() {
    return new DMatrixRMaj[] {
      FBar, cBar, HBar, dBar, cholQBar, cholRBar, m0Bar, cholP0Bar, cholPinfBar
    };
  }

  @Override
  public DMatrixRMaj FBar(int t) {
    return FBar;
  }

  @Override
  public DMatrixRMaj cBar(int t) {
    return cBar;
  }

  @Override
  public DMatrixRMaj HBar(int t) {
    return HBar;
  }

  @Override
  public DMatrixRMaj dBar(int t) {
    return dBar;
  }

  @Override
  public DMatrixRMaj cholQBar(int t) {
    return cholQBar;
  }

  @Override
  public DMatrixRMaj cholRBar(int t) {
    return cholRBar;
  }

  @Override
  public DMatrixRMaj m0Bar() {
    return m0Bar;
  }

  @Override
  public DMatrixRMaj cholP0Bar() {
    return cholP0Bar;
  }

  @Override
  public DMatrixRMaj cholPinfBar() {
    return cholPinfBar;
  }
}
