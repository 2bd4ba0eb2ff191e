package io.gramian.estimation.model;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.kalman.StateSpaceSystem;
import io.gramian.kalman.SystemGradient;
import io.gramian.kalman.SystemMatrices;
import io.gramian.kalman.SystemMatrix;
import org.ejml.data.DMatrixRMaj;

/**
 * A model's system matrices as values on a {@link Tape}, by name, so that the filter's matrix
 * adjoints can be pulled back to the parameters: {@code F} nx × nx, {@code c} nx × 1, {@code H} ny
 * × nx, {@code d} ny × 1, {@code cholQ} nx × q, {@code cholR} ny × r, {@code m0} nx × 1, {@code
 * cholP0} nx × k, {@code cholPinf} nx × d (the exactly diffuse directions). Every slot is filled:
 * {@link #builder(Tape)} puts zeros where c, d, m0 or cholPinf are left out.
 */
public record ModelMatrices(SystemMatrices<Var> vars) {

  /**
   * A builder on {@code tape}; F, H, cholQ, cholR and cholP0 are required, c, d and m0 default to
   * zero and cholPinf to none (nx × 0).
   */
  public static SystemMatrices.Builder<Var, ModelMatrices> builder(Tape tape) {
    return new SystemMatrices.Builder<>(vars -> withDefaults(tape, vars));
  }

  private static ModelMatrices withDefaults(Tape tape, SystemMatrices<Var> vars) {
    for (SystemMatrix m : SystemMatrix.values()) {
      if (vars.get(m) == null && !m.hasDefault()) {
        throw new IllegalArgumentException("the model matrices need " + m.key());
      }
    }
    int nx = vars.F().rows();
    int ny = vars.H().rows();
    return new ModelMatrices(
        vars.map(
            (m, v) -> {
              if (v != null) {
                return v;
              }
              int rows = m.group() == SystemMatrix.Group.OBSERVATION ? ny : nx;
              return tape.zeros(rows, m.isVector() ? 1 : 0);
            }));
  }

  public Var F() {
    return vars.F();
  }

  public Var c() {
    return vars.c();
  }

  public Var H() {
    return vars.H();
  }

  public Var d() {
    return vars.d();
  }

  public Var cholQ() {
    return vars.cholQ();
  }

  public Var cholR() {
    return vars.cholR();
  }

  public Var m0() {
    return vars.m0();
  }

  public Var cholP0() {
    return vars.cholP0();
  }

  public Var cholPinf() {
    return vars.cholPinf();
  }

  /** The values of the matrices. */
  public SystemMatrices<DMatrixRMaj> values() {
    return vars.map((m, v) -> v.value());
  }

  /** The time-invariant system with these values. */
  public StateSpaceSystem system() {
    return new StateSpaceSystem(values());
  }

  /** Seeds every matrix with its adjoint from the filter's reverse sweep. */
  public void seed(SystemGradient g) {
    Tape tape = F().tape();
    for (SystemMatrix m : SystemMatrix.values()) {
      tape.seed(vars.get(m), g.matrices().get(m));
    }
  }
}
