package io.gramian.estimation.model;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.kalman.StateSpaceSystem;
import io.gramian.kalman.SystemGradient;

/**
 * A model's system matrices as values on a {@link Tape}, so that the filter's matrix adjoints
 * can be pulled back to the parameters: {@code F} nx × nx, {@code c} nx × 1, {@code H} ny × nx,
 * {@code d} ny × 1, {@code cholQ} nx × q, {@code cholR} ny × r, {@code m0} nx × 1,
 * {@code cholP0} nx × k, {@code cholPinf} nx × d (the exactly diffuse directions).
 */
public record ModelMatrices(
    Var F, Var c, Var H, Var d, Var cholQ, Var cholR, Var m0, Var cholP0, Var cholPinf) {

  /** The time-invariant system with these values. */
  public StateSpaceSystem system() {
    return new StateSpaceSystem(
        F.value(), c.value(), H.value(), d.value(), cholQ.value(), cholR.value(), m0.value(),
        cholP0.value(), cholPinf.value());
  }

  /** Seeds every matrix with its adjoint from the filter's reverse sweep. */
  public void seed(SystemGradient g) {
    Tape tape = F.tape();
    tape.seed(F, g.FBar);
    tape.seed(c, g.cBar);
    tape.seed(H, g.HBar);
    tape.seed(d, g.dBar);
    tape.seed(cholQ, g.cholQBar);
    tape.seed(cholR, g.cholRBar);
    tape.seed(m0, g.m0Bar);
    tape.seed(cholP0, g.cholP0Bar);
    tape.seed(cholPinf, g.cholPinfBar);
  }

  /** The matrices in the order F, c, H, d, cholQ, cholR, m0, cholP0, cholPinf. */
  public Var[] all() {
    return new Var[] {F, c, H, d, cholQ, cholR, m0, cholP0, cholPinf};
  }
}
