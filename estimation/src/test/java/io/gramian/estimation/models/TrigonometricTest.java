package io.gramian.estimation.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import org.junit.jupiter.api.Test;

/** cos and sin on the tape: exact values and exact first derivatives. */
class TrigonometricTest {

  /** Values are Math.cos and Math.sin themselves; derivatives their exact counterparts. */
  private static final double EXACT = 0.0;

  @Test
  void valuesAndDerivativesAreExact() {
    for (double lambda : new double[] {0, 0.3, Math.PI / 2, 2.9, -1.1}) {
      Tape tape = new Tape();
      Var l = tape.parameter(0, lambda);
      Var cos = Trigonometric.cos(l);
      Var sin = Trigonometric.sin(l);
      assertEquals(Math.cos(lambda), cos.scalar(), EXACT);
      assertEquals(Math.sin(lambda), sin.scalar(), EXACT);
      tape.seed(cos, 1);
      assertEquals(-Math.sin(lambda), tape.gradient(1)[0], EXACT);
      tape.seed(sin, 1);
      assertEquals(Math.cos(lambda), tape.gradient(1)[0], EXACT);
    }
  }
}
