package io.gramian.autodiff.tape;

import static io.gramian.autodiff.testing.FiniteDifferences.*;
import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaAdjoint;
import io.gramian.autodiff.TriaRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation's reverse and forward rules, on matrix inputs recorded as variables:
 *
 * <ul>
 *   <li>the tape's forward pass ({@link Tape#forward}) against the tangent {@code dy} written here
 *       independently of the tape;
 *   <li>dot product: {@code Σ_i ⟨x̄_i, dx_i⟩ = ⟨ȳ, dy⟩}, with {@code dy} from a tangent written
 *       here independently of the tape (the forward derivative of each operation);
 *   <li>finite differences: {@code x̄_i} against central differences of the scalar loss {@code ⟨W,
 *       y(x)⟩} with random weights W (= ȳ).
 * </ul>
 */
class OperationAdjointTest {

  /**
   * The tangent and the adjoint are exact transposes: only rounding of O(1) sums remains (measured
   * ≤ 2e-16 relative to Σ‖x̄‖‖dx‖).
   */
  private static final double DOT_PRODUCT_TOLERANCE = 1e-13;

  /**
   * Five-point central differences on O(1) values: rounding ε |ℓ| / h ≈ 1e-11 dominates (measured ≤
   * 3.4e-11); 1e-9 leaves a factor 30.
   */
  private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-9;

  /** How an input's random value is drawn. */
  enum Domain {
    ANY,
    POSITIVE
  }

  /** The forward derivative dy of an operation at x along dx, written without the tape. */
  @FunctionalInterface
  interface Tangent {
    DMatrixRMaj at(DMatrixRMaj[] x, DMatrixRMaj[] dx);
  }

  /** An operation under test: input shapes and domains, the operation and its tangent. */
  record Case(
      String name, int[][] shapes, Domain[] domains, Function<Var[], Var> op, Tangent tangent) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    Domain any = Domain.ANY;
    Domain pos = Domain.POSITIVE;
    int[] s32 = {3, 2};
    int[] s11 = {1, 1};

    // Elementwise arithmetic, same shape and broadcast.
    c.add(
        binary(
            "add",
            s32,
            s32,
            any,
            any,
            v -> v[0].add(v[1]),
            (x, d) -> sum(bc(d[0], x[1]), bc(d[1], x[0]))));
    c.add(
        binary(
            "add scalar + matrix",
            s11,
            s32,
            any,
            any,
            v -> v[0].add(v[1]),
            (x, d) -> sum(bc(d[0], x[1]), d[1])));
    c.add(
        binary(
            "add matrix + scalar",
            s32,
            s11,
            any,
            any,
            v -> v[0].add(v[1]),
            (x, d) -> sum(d[0], bc(d[1], x[0]))));
    c.add(
        binary(
            "sub", s32, s32, any, any, v -> v[0].sub(v[1]), (x, d) -> sum(d[0], scaled(-1, d[1]))));
    c.add(
        binary(
            "sub matrix − scalar",
            s32,
            s11,
            any,
            any,
            v -> v[0].sub(v[1]),
            (x, d) -> sum(d[0], scaled(-1, bc(d[1], x[0])))));
    c.add(
        binary(
            "mul (Hadamard)",
            s32,
            s32,
            any,
            any,
            v -> v[0].mul(v[1]),
            (x, d) -> sum(had(d[0], x[1]), had(x[0], d[1]))));
    c.add(
        binary(
            "mul scalar · matrix (scale)",
            s11,
            s32,
            any,
            any,
            v -> v[0].mul(v[1]),
            (x, d) -> sum(had(bc(d[0], x[1]), x[1]), had(bc(x[0], x[1]), d[1]))));
    c.add(
        binary(
            "mul scalars",
            s11,
            s11,
            any,
            any,
            v -> v[0].mul(v[1]),
            (x, d) -> sum(had(d[0], x[1]), had(x[0], d[1]))));
    c.add(
        binary(
            "div",
            s32,
            s32,
            any,
            pos,
            v -> v[0].div(v[1]),
            (x, d) -> quotientTangent(x[0], x[1], d[0], d[1])));
    c.add(
        binary(
            "div matrix / scalar",
            s32,
            s11,
            any,
            pos,
            v -> v[0].div(v[1]),
            (x, d) -> quotientTangent(x[0], bc(x[1], x[0]), d[0], bc(d[1], x[0]))));
    c.add(
        binary(
            "div scalar / matrix",
            s11,
            s32,
            any,
            pos,
            v -> v[0].div(v[1]),
            (x, d) -> quotientTangent(bc(x[0], x[1]), x[1], bc(d[0], x[1]), d[1])));
    c.add(unary("add constant", s32, any, v -> v.add(2.5), (x, dx) -> dx));
    c.add(unary("mul constant", s32, any, v -> v.mul(-1.5), (x, dx) -> scaled(-1.5, dx)));

    // Elementwise functions: dy_i = f'(x_i) dx_i.
    c.add(function("neg", any, Var::neg, x -> -1));
    c.add(function("exp", any, Var::exp, Math::exp));
    c.add(function("log", pos, Var::log, x -> 1 / x));
    c.add(function("sqrt", pos, Var::sqrt, x -> 0.5 / Math.sqrt(x)));
    c.add(function("square", any, Var::square, x -> 2 * x));
    c.add(function("tanh", any, Var::tanh, x -> 1 / (Math.cosh(x) * Math.cosh(x))));
    c.add(function("pow 2.5", pos, v -> v.pow(2.5), x -> 2.5 * Math.pow(x, 1.5)));
    c.add(function("pow −1.5", pos, v -> v.pow(-1.5), x -> -1.5 * Math.pow(x, -2.5)));
    c.add(function("pow 3 (any sign)", any, v -> v.pow(3), x -> 3 * x * x));

    // Linear algebra.
    c.add(
        binary(
            "times",
            new int[] {3, 4},
            new int[] {4, 2},
            any,
            any,
            v -> v[0].times(v[1]),
            (x, d) -> sum(mult(d[0], x[1]), mult(x[0], d[1]))));
    c.add(
        unary(
            "times itself (A A)",
            new int[] {3, 3},
            any,
            v -> v.times(v),
            (x, dx) -> sum(mult(dx, x), mult(x, dx))));
    c.add(
        unary(
            "transpose",
            new int[] {3, 2},
            any,
            Var::transpose,
            (x, dx) -> CommonOps_DDRM.transpose(dx, null)));

    c.add(
        binary(
            "solveLower (lower triangle of L only)",
            new int[] {3, 3},
            new int[] {3, 2},
            pos,
            any,
            v -> v[0].solveLower(v[1]),
            (x, d) -> {
              DMatrixRMaj L = lowerTriangle(x[0]);
              DMatrixRMaj X = solve(L, x[1]);
              return solve(L, sum(d[1], scaled(-1, mult(lowerTriangle(d[0]), X))));
            }));
    c.add(
        binary(
            "solveLowerTransposed (lower triangle of L only)",
            new int[] {3, 3},
            new int[] {3, 2},
            pos,
            any,
            v -> v[0].solveLowerTransposed(v[1]),
            (x, d) -> {
              DMatrixRMaj Lt = CommonOps_DDRM.transpose(lowerTriangle(x[0]), null);
              DMatrixRMaj X = solve(Lt, x[1]);
              DMatrixRMaj dLt = CommonOps_DDRM.transpose(lowerTriangle(d[0]), null);
              return solve(Lt, sum(d[1], scaled(-1, mult(dLt, X))));
            }));

    // Parts and assembly.
    c.add(
        unary(
            "entry (1, 2)",
            new int[] {3, 4},
            any,
            v -> v.entry(1, 2),
            (x, dx) -> CommonOps_DDRM.extract(dx, 1, 2, 2, 3)));
    c.add(
        unary(
            "slice [1,3) × [2,5)",
            new int[] {4, 5},
            any,
            v -> v.slice(1, 3, 2, 5),
            (x, dx) -> CommonOps_DDRM.extract(dx, 1, 3, 2, 5)));
    c.add(
        new Case(
            "fromEntries 2 × 3 with nulls",
            shapes(4, s11),
            domains(4, any),
            v -> v[0].tape().fromEntries(2, 3, v[0], null, v[1], v[2], null, v[3]),
            (x, d) ->
                new DMatrixRMaj(
                    2, 3, true, d[0].data[0], 0, d[1].data[0], d[2].data[0], 0, d[3].data[0])));
    c.add(
        new Case(
            "diag",
            shapes(3, s11),
            domains(3, any),
            v -> v[0].tape().diag(v[0], v[1], v[2]),
            (x, d) -> CommonOps_DDRM.diag(d[0].data[0], d[1].data[0], d[2].data[0])));
    c.add(
        new Case(
            "block [[X, 0], [Y, Z]]",
            new int[][] {{2, 3}, {1, 3}, {1, 2}},
            domains(3, any),
            v -> v[0].tape().block(new Var[][] {{v[0], null}, {v[1], v[2]}}),
            (x, d) -> {
              DMatrixRMaj y = new DMatrixRMaj(3, 5);
              CommonOps_DDRM.insert(d[0], y, 0, 0);
              CommonOps_DDRM.insert(d[1], y, 2, 0);
              CommonOps_DDRM.insert(d[2], y, 2, 3);
              return y;
            }));

    // The square-root primitive at full rank (rank-deficient inputs: TriaOnTapeTest).
    for (TriaRule rule : TriaRule.values()) {
      c.add(
          unary(
              "tria " + rule + " 3 × 5",
              new int[] {3, 5},
              any,
              v -> v.tria(rule),
              (x, dx) -> TriaAdjoint.jvp(rule, x, dx)));
    }
    c.add(
        unary(
            "tria MASKED 4 × 4",
            new int[] {4, 4},
            any,
            v -> v.tria(TriaRule.MASKED),
            (x, dx) -> TriaAdjoint.jvp(TriaRule.MASKED, x, dx)));
    c.add(
        unary(
            "tria MASKED 5 × 2 (wide L, zero columns)",
            new int[] {5, 2},
            any,
            v -> v.tria(TriaRule.MASKED).slice(0, 5, 0, 2),
            (x, dx) ->
                CommonOps_DDRM.extract(TriaAdjoint.jvp(TriaRule.MASKED, x, dx), 0, 5, 0, 2)));
    return c;
  }

  /**
   * The forward rule and the independent tangent compute the same derivative by different sums
   * (measured ≤ 2e-16 relative to ‖dy‖); 1e-13 as for the dot products.
   */
  private static final double FORWARD_TOLERANCE = 1e-13;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forwardPassMatchesTheTangent(Case op) {
    Random rng = new Random(op.name().hashCode() + 2L);
    DMatrixRMaj[] x = draw(rng, op);
    DMatrixRMaj[] dx = gaussianLike(rng, x);
    Tape tape = new Tape();
    Var[] inputs = variables(tape, x);
    Var y = op.op().apply(inputs);
    tape.forward(new double[0], inputs, dx);
    DMatrixRMaj expected = op.tangent().at(x, dx);
    DMatrixRMaj difference = y.tangent();
    CommonOps_DDRM.subtractEquals(difference, expected);
    double err = norm(difference) / Math.max(norm(expected), 1);
    assertTrue(err <= FORWARD_TOLERANCE, "‖ẏ − dy‖ / ‖dy‖ = " + err);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void adjointIsTheTransposeOfTheTangent(Case op) {
    double err = dotProductError(op);
    assertTrue(err <= DOT_PRODUCT_TOLERANCE, "|⟨ȳ, dy⟩ − Σ⟨x̄, dx⟩| / scale = " + err);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void adjointMatchesFiniteDifferencesOfAScalarLoss(Case op) {
    double err = finiteDifferenceError(op);
    assertTrue(
        err <= FINITE_DIFFERENCE_TOLERANCE,
        "adjoint vs central differences, largest relative error " + err);
  }

  /** {@code |⟨ȳ, dy⟩ − Σ_i ⟨x̄_i, dx_i⟩| / Σ_i ‖x̄_i‖ ‖dx_i‖} for random x, dx and ȳ. */
  static double dotProductError(Case op) {
    Random rng = new Random(op.name().hashCode());
    DMatrixRMaj[] x = draw(rng, op);
    DMatrixRMaj[] dx = gaussianLike(rng, x);
    Tape tape = new Tape();
    Var[] inputs = variables(tape, x);
    Var y = op.op().apply(inputs);
    DMatrixRMaj yBar = gaussian(rng, y.rows(), y.cols());
    tape.seed(y, yBar);
    tape.backwardAdd(new double[0]);

    double reverse = 0;
    double scale = 0;
    for (int i = 0; i < x.length; i++) {
      reverse += inner(inputs[i].adjoint(), dx[i]);
      scale += norm(inputs[i].adjoint()) * norm(dx[i]);
    }
    double forward = inner(yBar, op.tangent().at(x, dx));
    return Math.abs(forward - reverse) / Math.max(scale, 1);
  }

  /**
   * The largest over inputs of {@code ‖x̄_i − FD_i‖ / ‖FD_i‖}, with {@code FD_i} the central
   * differences of {@code ⟨W, y(x)⟩} in the entries of {@code x_i} and {@code ȳ = W}.
   */
  static double finiteDifferenceError(Case op) {
    Random rng = new Random(op.name().hashCode() + 1L);
    DMatrixRMaj[] x = draw(rng, op);
    Tape tape = new Tape();
    Var[] inputs = variables(tape, x);
    Var y = op.op().apply(inputs);
    DMatrixRMaj W = gaussian(rng, y.rows(), y.cols());
    tape.seed(y, W);
    tape.backwardAdd(new double[0]);

    double worst = 0;
    for (int i = 0; i < x.length; i++) {
      final int which = i;
      DMatrixRMaj fd =
          centralDifferences(
              xi -> {
                DMatrixRMaj[] moved = x.clone();
                moved[which] = xi;
                return inner(W, op.op().apply(constants(new Tape(), moved)).value());
              },
              x[i]);
      worst = Math.max(worst, relativeError(inputs[i].adjoint(), fd));
    }
    return worst;
  }

  /** Gaussian matrices of the shapes of x (tangent directions). */
  private static DMatrixRMaj[] gaussianLike(Random rng, DMatrixRMaj[] x) {
    DMatrixRMaj[] out = new DMatrixRMaj[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = gaussian(rng, x[i].numRows, x[i].numCols);
    }
    return out;
  }

  /** The lower triangle of A (entries above the diagonal set to zero). */
  private static DMatrixRMaj lowerTriangle(DMatrixRMaj A) {
    DMatrixRMaj L = A.copy();
    for (int i = 0; i < L.numRows; i++) {
      for (int j = i + 1; j < L.numCols; j++) {
        L.unsafe_set(i, j, 0);
      }
    }
    return L;
  }

  /** A⁻¹ B by LU (EJML), independent of the substitutions under test. */
  private static DMatrixRMaj solve(DMatrixRMaj A, DMatrixRMaj B) {
    DMatrixRMaj X = new DMatrixRMaj(A.numCols, B.numCols);
    if (!CommonOps_DDRM.solve(A, B, X)) {
      throw new IllegalStateException("singular test matrix");
    }
    return X;
  }

  // ---------------------------------------------------------------- case builders

  private static Case unary(
      String name,
      int[] shape,
      Domain domain,
      Function<Var, Var> op,
      BinaryOperator<DMatrixRMaj> tangent) {
    return new Case(
        name,
        new int[][] {shape},
        new Domain[] {domain},
        v -> op.apply(v[0]),
        (x, d) -> tangent.apply(x[0], d[0]));
  }

  private static Case binary(
      String name,
      int[] a,
      int[] b,
      Domain da,
      Domain db,
      Function<Var[], Var> op,
      Tangent tangent) {
    return new Case(name, new int[][] {a, b}, new Domain[] {da, db}, op, tangent);
  }

  /** An elementwise function on a 3 × 2 input: {@code dy_i = f'(x_i) dx_i}. */
  private static Case function(
      String name, Domain domain, Function<Var, Var> op, DoubleUnaryOperator derivative) {
    return unary(
        name,
        new int[] {3, 2},
        domain,
        op,
        (x, dx) -> {
          DMatrixRMaj dy = new DMatrixRMaj(x.numRows, x.numCols);
          for (int i = 0; i < dy.getNumElements(); i++) {
            dy.data[i] = derivative.applyAsDouble(x.data[i]) * dx.data[i];
          }
          return dy;
        });
  }

  private static int[][] shapes(int count, int[] shape) {
    int[][] s = new int[count][];
    Arrays.fill(s, shape);
    return s;
  }

  private static Domain[] domains(int count, Domain domain) {
    Domain[] d = new Domain[count];
    Arrays.fill(d, domain);
    return d;
  }

  private static DMatrixRMaj[] draw(Random rng, Case op) {
    DMatrixRMaj[] x = new DMatrixRMaj[op.shapes().length];
    for (int i = 0; i < x.length; i++) {
      int[] s = op.shapes()[i];
      x[i] =
          op.domains()[i] == Domain.POSITIVE
              ? positive(rng, s[0], s[1])
              : gaussian(rng, s[0], s[1]);
    }
    return x;
  }

  private static Var[] variables(Tape tape, DMatrixRMaj[] x) {
    Var[] v = new Var[x.length];
    for (int i = 0; i < x.length; i++) {
      v[i] = tape.variable(x[i]);
    }
    return v;
  }

  private static Var[] constants(Tape tape, DMatrixRMaj[] x) {
    Var[] v = new Var[x.length];
    for (int i = 0; i < x.length; i++) {
      v[i] = tape.constant(x[i]);
    }
    return v;
  }

  // ---------------------------------------------------------------- tangent algebra

  /** A 1 × 1 {@code s} broadcast to the shape of {@code like} (other shapes pass through). */
  private static DMatrixRMaj bc(DMatrixRMaj s, DMatrixRMaj like) {
    if (s.numRows == like.numRows && s.numCols == like.numCols) {
      return s;
    }
    DMatrixRMaj y = new DMatrixRMaj(like.numRows, like.numCols);
    y.fill(s.data[0]);
    return y;
  }

  private static DMatrixRMaj sum(DMatrixRMaj a, DMatrixRMaj b) {
    return CommonOps_DDRM.add(a, b, null);
  }

  private static DMatrixRMaj scaled(double s, DMatrixRMaj a) {
    DMatrixRMaj y = new DMatrixRMaj(a.numRows, a.numCols);
    CommonOps_DDRM.scale(s, a, y);
    return y;
  }

  private static DMatrixRMaj had(DMatrixRMaj a, DMatrixRMaj b) {
    return CommonOps_DDRM.elementMult(a, b, null);
  }

  private static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
    return CommonOps_DDRM.mult(a, b, null);
  }

  /** d(a / b) = da / b − a db / b², elementwise. */
  private static DMatrixRMaj quotientTangent(
      DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj da, DMatrixRMaj db) {
    DMatrixRMaj dy = new DMatrixRMaj(a.numRows, a.numCols);
    for (int i = 0; i < dy.getNumElements(); i++) {
      double bi = b.data[i];
      dy.data[i] = da.data[i] / bi - a.data[i] * db.data[i] / (bi * bi);
    }
    return dy;
  }
}
