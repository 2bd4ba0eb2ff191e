package io.gramian.autodiff.tape;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * Entry-by-entry operations, their adjoints and their tangents.
 *
 * <pre>
 *   unary:   y_i = f(x_i),        x̄_i += f'(x_i) ȳ_i,                    ẏ_i = f'(x_i) ẋ_i
 *   binary:  y_i = f(a_i, b_i),   ā_i += ∂f/∂a ȳ_i,   b̄_i += ∂f/∂b ȳ_i,  ẏ_i = ∂f/∂a ȧ_i + ∂f/∂b ḃ_i
 * </pre>
 *
 * A 1 × 1 operand of a binary operation is broadcast to the other's shape; its adjoint is then the
 * sum {@code Σ_i ∂f/∂a ȳ_i}.
 */
final class Elementwise {

  /** {@code f'(x)}, given x and y = f(x). */
  @FunctionalInterface
  private interface Slope {
    double at(double x, double y);
  }

  /** A partial derivative of {@code y = f(a, b)}, given a, b and y. */
  @FunctionalInterface
  private interface Partial {
    double at(double a, double b, double y);
  }

  private Elementwise() {}

  static Var add(Var a, Var b) {
    return binary("add", a, b, Double::sum, (x, z, y) -> 1, (x, z, y) -> 1);
  }

  static Var sub(Var a, Var b) {
    return binary("sub", a, b, (x, z) -> x - z, (x, z, y) -> 1, (x, z, y) -> -1);
  }

  static Var mul(Var a, Var b) {
    return binary("mul", a, b, (x, z) -> x * z, (x, z, y) -> z, (x, z, y) -> x);
  }

  static Var div(Var a, Var b) {
    return binary("div", a, b, (x, z) -> x / z, (x, z, y) -> 1 / z, (x, z, y) -> -y / z);
  }

  static Var neg(Var x) {
    return unary("neg", x, v -> -v, (v, y) -> -1);
  }

  static Var exp(Var x) {
    return unary("exp", x, Math::exp, (v, y) -> y);
  }

  static Var log(Var x) {
    return unary("log", x, Math::log, (v, y) -> 1 / v);
  }

  static Var sqrt(Var x) {
    return unary("sqrt", x, Math::sqrt, (v, y) -> 0.5 / y);
  }

  static Var square(Var x) {
    return unary("square", x, v -> v * v, (v, y) -> 2 * v);
  }

  static Var tanh(Var x) {
    return unary("tanh", x, Math::tanh, (v, y) -> 1 - y * y);
  }

  static Var pow(Var x, double p) {
    return unary("pow " + p, x, v -> Math.pow(v, p), (v, y) -> p * Math.pow(v, p - 1));
  }

  private static Var unary(String op, Var x, DoubleUnaryOperator f, Slope slope) {
    final DMatrixRMaj xv = x.value;
    final DMatrixRMaj y = new DMatrixRMaj(xv.numRows, xv.numCols);
    final int len = y.getNumElements();
    for (int i = 0; i < len; i++) {
      y.data[i] = f.applyAsDouble(xv.data[i]);
      if (!Double.isFinite(y.data[i])) {
        throw new ArithmeticException(
            op
                + ": the result at ("
                + i / y.numCols
                + ", "
                + i % y.numCols
                + ") is "
                + y.data[i]
                + " for the argument "
                + xv.data[i]);
      }
    }
    Pullback pullback =
        yBar -> {
          DMatrixRMaj xBar = x.adjointToUpdate();
          for (int i = 0; i < len; i++) {
            xBar.data[i] += slope.at(xv.data[i], y.data[i]) * yBar.data[i];
          }
        };
    Pushforward pushforward =
        yDot -> {
          for (int i = 0; i < len; i++) {
            yDot.data[i] = slope.at(xv.data[i], y.data[i]) * x.tangent.data[i];
          }
        };
    return x.tape.record(op, y, pullback, pushforward, x);
  }

  private static Var binary(
      String op, Var a, Var b, DoubleBinaryOperator f, Partial da, Partial db) {
    final DMatrixRMaj av = a.value;
    final DMatrixRMaj bv = b.value;
    final boolean sameShape = av.numRows == bv.numRows && av.numCols == bv.numCols;
    final boolean aBroadcast = !sameShape && isScalar(av);
    final boolean bBroadcast = !sameShape && !aBroadcast && isScalar(bv);
    if (!sameShape && !aBroadcast && !bBroadcast) {
      throw new IllegalArgumentException(
          op
              + ": the operands are "
              + av.numRows
              + " × "
              + av.numCols
              + " and "
              + bv.numRows
              + " × "
              + bv.numCols
              + "; they must have the same shape or one must be 1 × 1");
    }
    final DMatrixRMaj shape = aBroadcast ? bv : av;
    final DMatrixRMaj y = new DMatrixRMaj(shape.numRows, shape.numCols);
    final int len = y.getNumElements();
    for (int i = 0; i < len; i++) {
      y.data[i] = f.applyAsDouble(av.data[aBroadcast ? 0 : i], bv.data[bBroadcast ? 0 : i]);
    }
    Pullback pullback =
        yBar -> {
          DMatrixRMaj aBar = a.adjointToUpdate();
          DMatrixRMaj bBar = b.adjointToUpdate();
          for (int i = 0; i < len; i++) {
            int ia = aBroadcast ? 0 : i;
            int ib = bBroadcast ? 0 : i;
            if (aBar != null) {
              aBar.data[ia] += da.at(av.data[ia], bv.data[ib], y.data[i]) * yBar.data[i];
            }
            if (bBar != null) {
              bBar.data[ib] += db.at(av.data[ia], bv.data[ib], y.data[i]) * yBar.data[i];
            }
          }
        };
    Pushforward pushforward =
        yDot -> {
          for (int i = 0; i < len; i++) {
            int ia = aBroadcast ? 0 : i;
            int ib = bBroadcast ? 0 : i;
            double v = 0;
            if (a.tangent != null) {
              v += da.at(av.data[ia], bv.data[ib], y.data[i]) * a.tangent.data[ia];
            }
            if (b.tangent != null) {
              v += db.at(av.data[ia], bv.data[ib], y.data[i]) * b.tangent.data[ib];
            }
            yDot.data[i] = v;
          }
        };
    return a.tape.record(op, y, pullback, pushforward, a, b);
  }

  private static boolean isScalar(DMatrixRMaj m) {
    return m.numRows == 1 && m.numCols == 1;
  }
}
