package io.gramian.autodiff.tape;

import io.gramian.autodiff.TriaRule;
import org.ejml.data.DMatrixRMaj;

/**
 * A value on a {@link Tape}: a matrix {@code y} (r × c; a scalar is 1 × 1) together with how it was
 * computed, so that {@link Tape#backwardAdd(double[])} can pull adjoints back through it.
 *
 * <p>Operations return new values and record themselves on the tape; they never modify their
 * operands. Elementwise arithmetic ({@link #add}, {@link #sub}, {@link #mul}, {@link #div}) takes
 * operands of equal shape or a 1 × 1 operand, which is broadcast: {@code s.mul(M)} scales a matrix,
 * {@code A.mul(B)} is the elementwise (Hadamard) product and {@code a.mul(b)} the product of
 * scalars. {@link #times} is the matrix product. The elementwise functions ({@link #exp}, {@link
 * #log}, …) apply entry by entry. An operation whose result has a NaN or infinite entry (log of a
 * negative number, division by zero, overflow) throws {@link ArithmeticException} at once, naming
 * the operation.
 *
 * <p>A value that depends on no {@link Tape#parameter parameter} or {@link Tape#variable variable}
 * is a constant: it is not recorded and costs nothing in the reverse pass.
 */
public final class Var {

  /** What kind of node this is; decides what the reverse pass does with its adjoint. */
  enum Role {
    CONSTANT,
    PARAMETER,
    VARIABLE,
    OPERATION
  }

  final Tape tape;
  final DMatrixRMaj value;
  final String op;
  final Role role;

  /** Slot of the gradient array, for a parameter; −1 otherwise. */
  final int parameterIndex;

  /** Inputs of an operation (null entries allowed); empty for leaves. */
  final Var[] inputs;

  /** The operation's reverse rule; null for leaves and constants. */
  final Pullback pullback;

  /** The operation's forward rule; null for leaves and constants. */
  final Pushforward pushforward;

  /** Adjoint ȳ, allocated when the first contribution arrives. */
  DMatrixRMaj adjoint;

  /** Tangent ẏ of the last {@link Tape#forward} pass; null where it is zero (and for constants). */
  DMatrixRMaj tangent;

  /**
   * Which entries may depend on a parameter or variable (row-major), for a value the assembling
   * operations built from parts; null: every entry of an active value.
   */
  private boolean[] activeEntries;

  Var(
      Tape tape,
      DMatrixRMaj value,
      String op,
      Role role,
      int parameterIndex,
      Var[] inputs,
      Pullback pullback,
      Pushforward pushforward) {
    this.tape = tape;
    this.value = value;
    this.op = op;
    this.role = role;
    this.parameterIndex = parameterIndex;
    this.inputs = inputs;
    this.pullback = pullback;
    this.pushforward = pushforward;
  }

  /** Whether the reverse pass needs this node's adjoint (it depends on a parameter or variable). */
  boolean isActive() {
    return role != Role.CONSTANT;
  }

  /**
   * Whether this value depends on no parameter or variable: its derivative with respect to every
   * input is zero, a seed on it is ignored, and a caller building a Jacobian row by row can skip
   * it.
   */
  public boolean isConstant() {
    return !isActive();
  }

  /**
   * Whether entry (i, j) may depend on a parameter or variable: false for every entry of a
   * constant; for a matrix assembled from parts ({@link Tape#fromEntries}, {@link Tape#block},
   * {@link Tape#diag}, {@link #slice}), false where the entry was copied from a constant or left
   * empty; true otherwise. It follows the structure of the computation, not the value at hand, so
   * it holds at every parameter value: the derivative of an entry for which it is false is zero
   * everywhere, and a caller may skip that entry's adjoint or Jacobian row.
   */
  public boolean isActiveEntry(int i, int j) {
    if (!isActive()) {
      return false;
    }
    return activeEntries == null || activeEntries[i * value.numCols + j];
  }

  /** Records which entries of an assembled value are active (see {@link #isActiveEntry}). */
  void activeEntries(boolean[] mask) {
    if (isActive()) {
      activeEntries = mask;
    }
  }

  /**
   * The adjoint to add this node's contributions to (allocated as zeros on first use), or {@code
   * null} for a constant, whose adjoint is not needed.
   */
  DMatrixRMaj adjointToUpdate() {
    if (!isActive()) {
      return null;
    }
    if (adjoint == null) {
      adjoint = new DMatrixRMaj(value.numRows, value.numCols);
    }
    return adjoint;
  }

  // ---------------------------------------------------------------- access

  /** The tape this value is recorded on. */
  public Tape tape() {
    return tape;
  }

  /** The value, r × c. Callers must not modify it. */
  public DMatrixRMaj value() {
    return value;
  }

  /** The value of a 1 × 1. */
  public double scalar() {
    if (value.numRows != 1 || value.numCols != 1) {
      throw new IllegalStateException(
          op + ": scalar() of a " + value.numRows + " × " + value.numCols + " value");
    }
    return value.data[0];
  }

  /** Rows r. */
  public int rows() {
    return value.numRows;
  }

  /** Columns c. */
  public int cols() {
    return value.numCols;
  }

  /**
   * The adjoint of a {@link Tape#variable variable}, r × c: the derivative of the seeded outputs
   * (weighted by their seeds) with respect to its entries, summed over every reverse pass so far.
   * Adjoints of other nodes are transient and not exposed.
   *
   * @return a view, valid until the next reverse pass. Not to be modified.
   * @throws IllegalStateException if this is not a variable
   */
  public DMatrixRMaj adjoint() {
    if (role != Role.VARIABLE) {
      throw new IllegalStateException(
          "adjoint(): only a variable keeps its adjoint, and this is a " + op + " value");
    }
    return adjointToUpdate();
  }

  /**
   * The tangent of the last {@link Tape#forward} pass, r × c: {@code ẏ = Σ_j (∂y/∂θ_j) θ̇_j}, the
   * directional derivative of this value along the parameters' tangents (variables held fixed).
   * Zero for a constant, and before the first forward pass.
   *
   * @return a new matrix
   */
  public DMatrixRMaj tangent() {
    return tangent == null ? new DMatrixRMaj(value.numRows, value.numCols) : tangent.copy();
  }

  @Override
  public String toString() {
    return op + " " + value.numRows + " × " + value.numCols;
  }

  // ---------------------------------------------------------------- elementwise arithmetic

  /** {@code y = x + b}, elementwise; a 1 × 1 operand is broadcast. */
  public Var add(Var b) {
    return Elementwise.add(this, b);
  }

  /** {@code y = x + b} for a constant b, entry by entry. */
  public Var add(double b) {
    return Elementwise.add(this, tape.constant(b));
  }

  /** {@code y = x − b}, elementwise; a 1 × 1 operand is broadcast. */
  public Var sub(Var b) {
    return Elementwise.sub(this, b);
  }

  /** {@code y = x ∘ b}, elementwise; a 1 × 1 operand is broadcast (a scaling). */
  public Var mul(Var b) {
    return Elementwise.mul(this, b);
  }

  /** {@code y = b x} for a constant b. */
  public Var mul(double b) {
    return Elementwise.mul(this, tape.constant(b));
  }

  /** {@code y = x ⊘ b}, elementwise; a 1 × 1 operand is broadcast. */
  public Var div(Var b) {
    return Elementwise.div(this, b);
  }

  // ---------------------------------------------------------------- elementwise functions

  /** {@code y = −x}. */
  public Var neg() {
    return Elementwise.neg(this);
  }

  /** {@code y = exp(x)}, entry by entry. */
  public Var exp() {
    return Elementwise.exp(this);
  }

  /** {@code y = log(x)}, entry by entry; every entry must be positive. */
  public Var log() {
    return Elementwise.log(this);
  }

  /**
   * {@code y = √x}, entry by entry; every entry must be non-negative. The derivative at 0 is
   * infinite: a reverse pass that reaches it throws.
   */
  public Var sqrt() {
    return Elementwise.sqrt(this);
  }

  /** {@code y = x²}, entry by entry. */
  public Var square() {
    return Elementwise.square(this);
  }

  /** {@code y = tanh(x)}, entry by entry. */
  public Var tanh() {
    return Elementwise.tanh(this);
  }

  /** {@code y = x^p}, entry by entry, for a constant exponent p. */
  public Var pow(double p) {
    return Elementwise.pow(this, p);
  }

  // ---------------------------------------------------------------- linear algebra

  /** Matrix product {@code y = x b}: (n × k)(k × m) → n × m. */
  public Var times(Var b) {
    return LinearAlgebra.times(this, b);
  }

  /** {@code y = xᵀ}: r × c → c × r. */
  public Var transpose() {
    return LinearAlgebra.transpose(this);
  }

  /**
   * {@code y = L⁻¹ b} with L = this, lower triangular (n × n; entries above the diagonal are not
   * read) and b n × m, by forward substitution; differentiated in L and b.
   *
   * @throws ArithmeticException when a pivot of L is zero or the solution is not finite
   */
  public Var solveLower(Var b) {
    return TriangularSolves.lower(this, b);
  }

  /**
   * {@code y = L⁻ᵀ b} with L = this, lower triangular (n × n; entries above the diagonal are not
   * read) and b n × m, by back substitution; differentiated in L and b.
   *
   * @throws ArithmeticException when a pivot of L is zero or the solution is not finite
   */
  public Var solveLowerTransposed(Var b) {
    return TriangularSolves.lowerTransposed(this, b);
  }

  /**
   * {@code L = tria(x)}: for x (n × m), the lower-triangular L (n × n) with {@code L Lᵀ = x xᵀ} and
   * {@code diag(L) ≥ 0}, differentiated by {@code rule} ({@link io.gramian.autodiff.TriaAdjoint}).
   * Any rank is a normal input; for a rank-deficient x, every rule is exact for losses that depend
   * on x only through {@code x xᵀ}, and {@link TriaRule#MASKED} also where the blocks of L are read
   * (docs/tria.md).
   */
  public Var tria(TriaRule rule) {
    return TriaOnTape.tria(this, rule);
  }

  // ---------------------------------------------------------------- parts

  /** The 1 × 1 entry {@code y = x_ij} (zero-based). */
  public Var entry(int i, int j) {
    return Assembly.slice(this, i, i + 1, j, j + 1);
  }

  /** The block {@code y = x[r0:r1, c0:c1]} (zero-based, end-exclusive): (r1 − r0) × (c1 − c0). */
  public Var slice(int r0, int r1, int c0, int c1) {
    return Assembly.slice(this, r0, r1, c0, c1);
  }
}
