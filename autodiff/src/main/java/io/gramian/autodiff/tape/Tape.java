package io.gramian.autodiff.tape;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A record of matrix operations for reverse-mode differentiation: the map {@code θ ↦ (F, c, H, d,
 * cholQ, cholR, m0, cholP0, cholPinf)} of a model, built once per evaluation and swept backwards
 * once per set of output adjoints; or swept forwards once per direction of θ ({@link #forward}),
 * which gives a Jacobian with few columns in fewer passes than it has rows.
 *
 * <pre>
 *   seed:      ȳ_o  for each output y_o          ({@link #seed})
 *   sweep:     x̄_i += (∂y/∂x_i)ᵀ ȳ, last operation first
 *   gradient:  g_j += Σ_o ⟨ȳ_o, ∂y_o/∂θ_j⟩         ({@link #backwardAdd})
 * </pre>
 *
 * <p>Inputs are scalar {@link #parameter parameters} θ_j (their derivatives land in slot j of a
 * gradient array), matrix {@link #variable variables} (their adjoints are read with {@link
 * Var#adjoint()}) and constants. Values are built with the operations of {@link Var}, the assembly
 * methods here ({@link #fromEntries}, {@link #block}, {@link #diag}) and {@link StationaryFactor}.
 * Only values that depend on a parameter or variable are recorded.
 *
 * <p>Not thread-safe: one tape per evaluation and per thread.
 */
public final class Tape {

  private final List<Var> nodes = new ArrayList<>();
  private final TriaWorkspace triaWorkspace = new TriaWorkspace();
  private int parameterCount;

  /** An empty tape. */
  public Tape() {}

  // ---------------------------------------------------------------- inputs

  /**
   * A scalar input θ_index, whose derivative {@link #backwardAdd} adds to {@code gradient[index]}.
   * Several parameters may share an index; their derivatives add.
   *
   * @param index slot in the gradient array, ≥ 0
   * @param value θ_index, finite
   */
  public Var parameter(int index, double value) {
    if (index < 0) {
      throw new IllegalArgumentException("parameter: index " + index + " is negative");
    }
    requireFinite("parameter " + index, value);
    parameterCount = Math.max(parameterCount, index + 1);
    Var p =
        new Var(
            this,
            scalarMatrix(value),
            "parameter " + index,
            Var.Role.PARAMETER,
            index,
            new Var[0],
            null,
            null);
    nodes.add(p);
    return p;
  }

  /**
   * A matrix input whose adjoint is kept: after a reverse pass {@link Var#adjoint()} holds the
   * derivative of the seeded outputs with respect to its entries (summed over passes).
   *
   * @param value r × c, finite. Copied.
   */
  public Var variable(DMatrixRMaj value) {
    requireFinite("variable", value);
    Var v = new Var(this, value.copy(), "variable", Var.Role.VARIABLE, -1, new Var[0], null, null);
    nodes.add(v);
    return v;
  }

  /** A 1 × 1 constant. */
  public Var constant(double value) {
    requireFinite("constant", value);
    return constantOf(scalarMatrix(value), "constant");
  }

  /**
   * A constant matrix.
   *
   * @param value r × c, finite. Copied.
   */
  public Var constant(DMatrixRMaj value) {
    requireFinite("constant", value);
    return constantOf(value.copy(), "constant");
  }

  /** The r × c zero matrix, a constant. */
  public Var zeros(int rows, int cols) {
    return constantOf(new DMatrixRMaj(rows, cols), "zeros");
  }

  /** The n × n identity, a constant. */
  public Var identity(int n) {
    return constantOf(CommonOps_DDRM.identity(n), "identity");
  }

  // ---------------------------------------------------------------- assembly

  /**
   * The r × c matrix with the given 1 × 1 entries in row-major order; a null entry is 0.
   *
   * @param entries r·c values, each 1 × 1 or null
   */
  public Var fromEntries(int rows, int cols, Var... entries) {
    return Assembly.fromEntries(this, rows, cols, entries);
  }

  /**
   * The n × n diagonal matrix {@code diag(s₁, …, s_n)}; a null entry is 0.
   *
   * @param diagonal n values, each 1 × 1 or null
   */
  public Var diag(Var... diagonal) {
    int n = diagonal.length;
    Var[] entries = new Var[n * n];
    for (int i = 0; i < n; i++) {
      entries[i * n + i] = diagonal[i];
    }
    return Assembly.fromEntries(this, n, n, entries);
  }

  /**
   * The block matrix {@code [[B₀₀, B₀₁, …], [B₁₀, …], …]}. A null block is a zero block whose
   * height is that of the other blocks in its block row and whose width is that of the other blocks
   * in its block column; every block row and column needs one non-null block.
   *
   * @param blocks a rectangular array of blocks; those in a block row share their row count, those
   *     in a block column their column count
   */
  public Var block(Var[][] blocks) {
    return Assembly.block(this, blocks);
  }

  // ---------------------------------------------------------------- reverse pass

  /**
   * Adds {@code outputBar} to the adjoint of {@code output}. Seed every output whose adjoint is
   * known (for a model: FBar, cholQBar, … from the filter's reverse sweep), then call {@link
   * #backwardAdd} once. A seed on a constant is ignored.
   *
   * @param outputBar the shape of output. Not modified.
   */
  public void seed(Var output, DMatrixRMaj outputBar) {
    requireOwn(output, "seed");
    requireFinite("seed", outputBar);
    if (outputBar.numRows != output.rows() || outputBar.numCols != output.cols()) {
      throw new IllegalArgumentException(
          "seed: the adjoint is "
              + outputBar.numRows
              + " × "
              + outputBar.numCols
              + " but the value ("
              + output
              + ") is "
              + output.rows()
              + " × "
              + output.cols());
    }
    DMatrixRMaj adjoint = output.adjointToUpdate();
    if (adjoint != null) {
      CommonOps_DDRM.addEquals(adjoint, outputBar);
    }
  }

  /** Adds {@code outputBar} to the adjoint of a 1 × 1 {@code output}. */
  public void seed(Var output, double outputBar) {
    seed(output, scalarMatrix(outputBar));
  }

  /**
   * The reverse pass: pulls the seeded adjoints back through every recorded operation, last first,
   * and adds each parameter's derivative to {@code gradient[index]} (+=). Afterwards every adjoint
   * except those of variables is zero again, so the tape can be seeded and swept once more (for
   * instance one output at a time, for the rows of a Jacobian).
   *
   * @param gradient length at least the largest parameter index + 1; the derivatives are added to
   *     it. Modified.
   * @throws ArithmeticException if an adjoint becomes infinite or NaN (a derivative on the path is
   *     infinite, such as that of √x at 0), naming the operation; {@code gradient} is then
   *     unchanged, the transient adjoints are cleared and the variables' adjoints are undefined
   */
  public void backwardAdd(double[] gradient) {
    if (gradient.length < parameterCount) {
      throw new IllegalArgumentException(
          "backwardAdd: the gradient has "
              + gradient.length
              + " slots but parameter index "
              + (parameterCount - 1)
              + " is on the tape");
    }
    try {
      for (int k = nodes.size() - 1; k >= 0; k--) {
        Var node = nodes.get(k);
        if (node.adjoint == null || node.pullback == null) {
          continue;
        }
        node.pullback.addToInputs(node.adjoint);
        for (Var input : node.inputs) {
          if (input != null && input.adjoint != null) {
            requireFiniteAdjoint(node, input.adjoint);
          }
        }
      }
      for (Var node : nodes) {
        if (node.role == Var.Role.PARAMETER && node.adjoint != null) {
          gradient[node.parameterIndex] += node.adjoint.data[0];
        }
      }
    } finally {
      for (Var node : nodes) {
        if (node.adjoint != null && node.role != Var.Role.VARIABLE) {
          node.adjoint.zero();
        }
      }
    }
  }

  /**
   * Allocating convenience: the reverse pass into a new array, {@code g_j = Σ_o ⟨ȳ_o, ∂y_o/∂θ_j⟩}.
   *
   * @param numParameters length of the result, at least the largest parameter index + 1
   */
  public double[] gradient(int numParameters) {
    double[] gradient = new double[numParameters];
    backwardAdd(gradient);
    return gradient;
  }

  // ---------------------------------------------------------------- forward pass

  /**
   * The forward (tangent) pass: every recorded value's directional derivative along the parameters'
   * tangents, first operation first,
   *
   * <pre>
   *   θ̇_j = parameterTangent[j],   ẏ = Σ_i (∂y/∂x_i) ẋ_i   (variables held fixed: ẋ = 0)
   * </pre>
   *
   * read afterwards with {@link Var#tangent()}. One pass gives the derivative of every output along
   * one direction of θ: with few parameters and many output entries (a model's system matrices),
   * cheaper than one {@link #backwardAdd reverse pass} per entry. Each operation's forward rule is
   * the transpose of its reverse rule, so the two passes give the same Jacobian to rounding (for
   * {@code tria}, the same rule's map T in both).
   *
   * @param parameterTangent θ̇, length at least the largest parameter index + 1. Not modified.
   * @throws ArithmeticException if a tangent becomes infinite or NaN, naming the operation
   */
  public void forward(double[] parameterTangent) {
    forward(parameterTangent, new Var[0], new DMatrixRMaj[0]);
  }

  /**
   * {@link #forward(double[])} with tangents for some {@link #variable variables} too (the others
   * held fixed): the tape's tangent along matrix inputs, for tests of the operations' forward
   * rules.
   *
   * @param variables variables of this tape. Not modified.
   * @param variableTangents their tangents, their shapes. Not modified.
   */
  void forward(double[] parameterTangent, Var[] variables, DMatrixRMaj[] variableTangents) {
    if (parameterTangent.length < parameterCount) {
      throw new IllegalArgumentException(
          "forward: the tangent has "
              + parameterTangent.length
              + " entries but parameter index "
              + (parameterCount - 1)
              + " is on the tape");
    }
    for (int j = 0; j < parameterTangent.length; j++) {
      requireFinite("forward: the tangent of parameter " + j, parameterTangent[j]);
    }
    for (Var node : nodes) {
      if (node.role == Var.Role.VARIABLE) {
        node.tangent = null;
      }
    }
    for (int i = 0; i < variables.length; i++) {
      requireOwn(variables[i], "forward");
      if (variables[i].role != Var.Role.VARIABLE) {
        throw new IllegalArgumentException("forward: " + variables[i] + " is not a variable");
      }
      requireFinite("forward: a variable's tangent", variableTangents[i]);
      variables[i].tangent = variableTangents[i].copy();
    }
    for (Var node : nodes) {
      if (node.role == Var.Role.PARAMETER) {
        double t = parameterTangent[node.parameterIndex];
        node.tangent = t == 0.0 ? null : scalarMatrix(t);
      } else if (node.role == Var.Role.OPERATION) {
        node.tangent = null;
        if (anyTangent(node.inputs)) {
          DMatrixRMaj t = new DMatrixRMaj(node.value.numRows, node.value.numCols);
          node.pushforward.addFromInputs(t);
          int bad = firstNonFinite(t);
          if (bad >= 0) {
            throw new ArithmeticException(
                "forward: the derivative of "
                    + node.op
                    + " is not finite here (a tangent entry is "
                    + t.data[bad]
                    + "); √x and x^p with p < 1 have an infinite derivative at 0");
          }
          node.tangent = t;
        }
      }
    }
  }

  private static boolean anyTangent(Var[] inputs) {
    for (Var input : inputs) {
      if (input != null && input.tangent != null) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- for the operations

  /**
   * Records the result of an operation. The result is active (and recorded) when an input is;
   * otherwise it is a constant and the pullback is dropped.
   *
   * @param op the operation's name, for messages
   * @param value the result; must be finite
   * @param pullback the reverse rule; it may assume every input is non-null when needed and must
   *     skip inputs whose {@link Var#adjointToUpdate()} is null
   * @param pushforward the forward rule; it must skip inputs whose {@link Var#tangent} is null
   * @param inputs the operands (null entries are ignored), all on this tape
   */
  Var record(
      String op, DMatrixRMaj value, Pullback pullback, Pushforward pushforward, Var... inputs) {
    boolean active = false;
    for (Var input : inputs) {
      if (input != null) {
        requireOwn(input, op);
        active |= input.isActive();
      }
    }
    requireFiniteResult(op, value);
    if (!active) {
      return constantOf(value, op);
    }
    Var result = new Var(this, value, op, Var.Role.OPERATION, -1, inputs, pullback, pushforward);
    nodes.add(result);
    return result;
  }

  /** Throws unless {@code v} belongs to this tape. */
  void requireOwn(Var v, String op) {
    if (v.tape != this) {
      throw new IllegalArgumentException(op + ": " + v + " belongs to another tape");
    }
  }

  TriaWorkspace triaWorkspace() {
    return triaWorkspace;
  }

  /** Recorded nodes (parameters, variables and active operations). */
  int size() {
    return nodes.size();
  }

  private Var constantOf(DMatrixRMaj value, String op) {
    return new Var(this, value, op, Var.Role.CONSTANT, -1, new Var[0], null, null);
  }

  private static DMatrixRMaj scalarMatrix(double value) {
    DMatrixRMaj m = new DMatrixRMaj(1, 1);
    m.data[0] = value;
    return m;
  }

  private static void requireFinite(String what, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + ": value " + value + " is not finite");
    }
  }

  private static void requireFinite(String what, DMatrixRMaj value) {
    int bad = firstNonFinite(value);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          what
              + ": entry ("
              + bad / value.numCols
              + ", "
              + bad % value.numCols
              + ") is "
              + value.data[bad]);
    }
  }

  private static void requireFiniteResult(String op, DMatrixRMaj value) {
    int bad = firstNonFinite(value);
    if (bad >= 0) {
      throw new ArithmeticException(
          op
              + ": entry ("
              + bad / value.numCols
              + ", "
              + bad % value.numCols
              + ") of the "
              + value.numRows
              + " × "
              + value.numCols
              + " result is "
              + value.data[bad]);
    }
  }

  private static void requireFiniteAdjoint(Var node, DMatrixRMaj inputBar) {
    int bad = firstNonFinite(inputBar);
    if (bad >= 0) {
      throw new ArithmeticException(
          "backward: the derivative of "
              + node.op
              + " is not finite here (an input adjoint"
              + " entry is "
              + inputBar.data[bad]
              + "); √x and x^p with p < 1 have an infinite"
              + " derivative at 0");
    }
  }

  /** Index of the first NaN or infinite entry, or −1. */
  static int firstNonFinite(DMatrixRMaj m) {
    int len = m.getNumElements();
    for (int i = 0; i < len; i++) {
      if (!Double.isFinite(m.data[i])) {
        return i;
      }
    }
    return -1;
  }
}
