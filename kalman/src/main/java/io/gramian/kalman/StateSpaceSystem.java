package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * A time-invariant {@link StateSpace}: one set of matrices for every step. Immutable: the
 * constructor copies its arguments and checks their shapes and that every entry is finite, naming
 * the offending matrix.
 *
 * <pre>
 *   F: nx × nx   c: nx × 1   H: ny × nx   d: ny × 1
 *   cholQ: nx × q   cholR: ny × r   m0: nx × 1   cholP0: nx × k
 * </pre>
 *
 * The getters return the stored matrices themselves, for the filter's allocation-free loop: callers
 * must not modify them.
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

  /** A builder of a system from named matrices; c, d and m0 default to zero, cholPinf to none. */
  public static SystemMatrices.Builder<DMatrixRMaj, StateSpaceSystem> builder() {
    return new SystemMatrices.Builder<>(StateSpaceSystem::new);
  }

  /**
   * A system of these matrices: {@code F, H, cholQ, cholR, cholP0} are required; {@code c, d, m0}
   * default to zero and {@code cholPinf} to none (nx × 0). The vectors may be given as rows.
   *
   * @throws IllegalArgumentException naming the matrix that is missing, whose shape is wrong or
   *     that has a non-finite entry
   */
  public StateSpaceSystem(SystemMatrices<DMatrixRMaj> matrices) {
    DMatrixRMaj F = matrices.F();
    DMatrixRMaj H = matrices.H();
    require(F != null, "F is required");
    require(H != null, "H is required");
    require(matrices.cholQ() != null, "cholQ is required");
    require(matrices.cholR() != null, "cholR is required");
    require(matrices.cholP0() != null, "cholP0 is required");
    int nx = F.numRows;
    int ny = H.numRows;
    checkShape("F", F, nx, nx);
    checkShape("H", H, ny, nx);
    checkRows("cholQ", matrices.cholQ(), nx);
    checkRows("cholR", matrices.cholR(), ny);
    checkRows("cholP0", matrices.cholP0(), nx);
    this.F = checkedCopy("F", F);
    this.c = vectorOrZero("c", matrices.c(), nx);
    this.H = checkedCopy("H", H);
    this.d = vectorOrZero("d", matrices.d(), ny);
    this.cholQ = checkedCopy("cholQ", matrices.cholQ());
    this.cholR = checkedCopy("cholR", matrices.cholR());
    this.m0 = vectorOrZero("m0", matrices.m0(), nx);
    this.cholP0 = checkedCopy("cholP0", matrices.cholP0());
    if (matrices.cholPinf() == null) {
      this.cholPinf = new DMatrixRMaj(nx, 0);
    } else {
      checkRows("cholPinf", matrices.cholPinf(), nx);
      this.cholPinf = checkedCopy("cholPinf", matrices.cholPinf());
    }
  }

  /** The matrices of this system, by name (the stored matrices themselves: not to be modified). */
  public SystemMatrices<DMatrixRMaj> matrices() {
    return SystemMatrices.<DMatrixRMaj>builder()
        .F(F)
        .c(c)
        .H(H)
        .d(d)
        .cholQ(cholQ)
        .cholR(cholR)
        .m0(m0)
        .cholP0(cholP0)
        .cholPinf(cholPinf)
        .build();
  }

  /** A copy of this system with another initial state and no diffuse direction. */
  public StateSpaceSystem withInitialState(DMatrixRMaj m0, DMatrixRMaj cholP0) {
    return withInitialState(m0, cholP0, null);
  }

  /** A copy of this system with another initial state, including diffuse directions. */
  public StateSpaceSystem withInitialState(
      DMatrixRMaj m0, DMatrixRMaj cholP0, DMatrixRMaj cholPinf) {
    return builder().setAll(matrices()).m0(m0).cholP0(cholP0).cholPinf(cholPinf).build();
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
  public int diffuseRank() {
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

  private static DMatrixRMaj vectorOrZero(String name, DMatrixRMaj v, int length) {
    return v == null ? new DMatrixRMaj(length, 1) : checkedCopy(name, vector(name, v, length));
  }

  private static DMatrixRMaj vector(String name, DMatrixRMaj v, int length) {
    if (v.numCols == 1 && v.numRows == length) {
      return v;
    }
    if (v.numRows == 1 && v.numCols == length) {
      return new DMatrixRMaj(length, 1, true, v.data);
    }
    throw new IllegalArgumentException(
        name
            + " has "
            + v.numRows
            + " × "
            + v.numCols
            + " entries, expected a vector of length "
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
      throw new IllegalArgumentException(name + " has " + A.numRows + " rows, expected " + rows);
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
