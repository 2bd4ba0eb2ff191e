package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * A time-invariant {@link StateSpace}: one set of matrices for every step. Immutable: the
 * constructor copies its arguments and checks their shapes and that every entry is finite,
 * naming the offending matrix.
 *
 * <pre>
 *   F: nx × nx   c: nx × 1   H: ny × nx   d: ny × 1
 *   cholQ: nx × q   cholR: ny × r   m0: nx × 1   cholP0: nx × k
 * </pre>
 *
 * The getters return the stored matrices themselves, for the filter's allocation-free loop:
 * callers must not modify them.
 */
public final class StateSpaceSystem implements StateSpace {

  private final DMatrixRMaj F;
  private final DMatrixRMaj c;
  private final DMatrixRMaj H;
  private final DMatrixRMaj d;
  private final DMatrixRMaj cholQ;
  private final DMatrixRMaj cholR;
  private final DMatrixRMaj m0;
  private final DMatrixRMaj cholP0;
  private final DMatrixRMaj cholPinf;

  /**
   * @param c state intercept, nx × 1 (or {@code null} for zero)
   * @param d observation intercept, ny × 1 (or {@code null} for zero)
   * @throws IllegalArgumentException naming the matrix whose shape is wrong or that has a
   *     non-finite entry
   */
  public StateSpaceSystem(
      DMatrixRMaj F,
      DMatrixRMaj c,
      DMatrixRMaj H,
      DMatrixRMaj d,
      DMatrixRMaj cholQ,
      DMatrixRMaj cholR,
      DMatrixRMaj m0,
      DMatrixRMaj cholP0) {
    this(F, c, H, d, cholQ, cholR, m0, cholP0, null);
  }

  /**
   * A system with exactly diffuse initial directions: {@code x_0 = m0 + cholPinf δ + cholP0 η}
   * with δ diffuse (P₁ = κ cholPinf cholPinfᵀ + cholP0 cholP0ᵀ, κ → ∞).
   *
   * @param cholPinf nx × d diffuse directions ({@code null} for none)
   */
  public StateSpaceSystem(
      DMatrixRMaj F,
      DMatrixRMaj c,
      DMatrixRMaj H,
      DMatrixRMaj d,
      DMatrixRMaj cholQ,
      DMatrixRMaj cholR,
      DMatrixRMaj m0,
      DMatrixRMaj cholP0,
      DMatrixRMaj cholPinf) {
    require(F != null, "F is required");
    require(H != null, "H is required");
    require(cholQ != null, "cholQ is required");
    require(cholR != null, "cholR is required");
    require(m0 != null, "m0 is required");
    require(cholP0 != null, "cholP0 is required");
    int nx = F.numRows;
    int ny = H.numRows;
    checkShape("F", F, nx, nx);
    checkShape("H", H, ny, nx);
    checkRows("cholQ", cholQ, nx);
    checkRows("cholR", cholR, ny);
    checkShape("m0", m0, nx, 1);
    checkRows("cholP0", cholP0, nx);
    this.F = checkedCopy("F", F);
    this.c = c == null ? new DMatrixRMaj(nx, 1) : checkedCopy("c", vector("c", c, nx));
    this.H = checkedCopy("H", H);
    this.d = d == null ? new DMatrixRMaj(ny, 1) : checkedCopy("d", vector("d", d, ny));
    this.cholQ = checkedCopy("cholQ", cholQ);
    this.cholR = checkedCopy("cholR", cholR);
    this.m0 = checkedCopy("m0", m0);
    this.cholP0 = checkedCopy("cholP0", cholP0);
    if (cholPinf == null) {
      this.cholPinf = new DMatrixRMaj(nx, 0);
    } else {
      checkRows("cholPinf", cholPinf, nx);
      this.cholPinf = checkedCopy("cholPinf", cholPinf);
    }
  }

  /** A copy of this system with another initial state. */
  public StateSpaceSystem withInitialState(DMatrixRMaj m0, DMatrixRMaj cholP0) {
    return new StateSpaceSystem(F, c, H, d, cholQ, cholR, m0, cholP0, cholPinf);
  }

  /** A copy of this system with another initial state, including diffuse directions. */
  public StateSpaceSystem withInitialState(
      DMatrixRMaj m0, DMatrixRMaj cholP0, DMatrixRMaj cholPinf) {
    return new StateSpaceSystem(F, c, H, d, cholQ, cholR, m0, cholP0, cholPinf);
  }

  @Override
  public int nx() {
    return F.numRows;
  }

  @Override
  public int ny() {
    return H.numRows;
  }

  @Override
  public int q() {
    return cholQ.numCols;
  }

  @Override
  public int r() {
    return cholR.numCols;
  }

  @Override
  public int k() {
    return cholP0.numCols;
  }

  @Override
  public DMatrixRMaj F(int t) {
    return F;
  }

  @Override
  public DMatrixRMaj c(int t) {
    return c;
  }

  @Override
  public DMatrixRMaj H(int t) {
    return H;
  }

  @Override
  public DMatrixRMaj d(int t) {
    return d;
  }

  @Override
  public DMatrixRMaj cholQ(int t) {
    return cholQ;
  }

  @Override
  public DMatrixRMaj cholR(int t) {
    return cholR;
  }

  @Override
  public DMatrixRMaj m0() {
    return m0;
  }

  @Override
  public DMatrixRMaj cholP0() {
    return cholP0;
  }

  @Override
  public int d() {
    return cholPinf.numCols;
  }

  @Override
  public DMatrixRMaj cholPinf() {
    return cholPinf;
  }

  @Override
  public boolean isTimeInvariant() {
    return true;
  }

  private static DMatrixRMaj vector(String name, DMatrixRMaj v, int length) {
    if (v.numCols == 1 && v.numRows == length) {
      return v;
    }
    if (v.numRows == 1 && v.numCols == length) {
      return new DMatrixRMaj(length, 1, true, v.data);
    }
    throw new IllegalArgumentException(
        name + " has " + v.numRows + " × " + v.numCols + " entries, expected a vector of length "
            + length);
  }

  private static void checkShape(String name, DMatrixRMaj A, int rows, int cols) {
    if (A.numRows != rows || A.numCols != cols) {
      throw new IllegalArgumentException(
          name + " is " + A.numRows + " × " + A.numCols + ", expected " + rows + " × " + cols);
    }
  }

  private static void checkRows(String name, DMatrixRMaj A, int rows) {
    if (A.numRows != rows) {
      throw new IllegalArgumentException(
          name + " has " + A.numRows + " rows, expected " + rows);
    }
  }

  private static DMatrixRMaj checkedCopy(String name, DMatrixRMaj A) {
    for (int i = 0; i < A.numRows; i++) {
      for (int j = 0; j < A.numCols; j++) {
        double v = A.unsafe_get(i, j);
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(
              name + "[" + i + "][" + j + "] = " + v + " is not finite");
        }
      }
    }
    return A.copy();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
