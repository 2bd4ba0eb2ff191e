package io.gramian.kalman;

/**
 * The sizes a filter workspace is built for: {@code nx, ny} and the column counts
 * {@code q, r, k} of the factors {@code cholQ, cholR, cholP0}.
 */
public record Dimensions(int nx, int ny, int q, int r, int k) {

  public Dimensions {
    if (nx < 1 || ny < 1 || q < 0 || r < 0 || k < 0) {
      throw new IllegalArgumentException(
          "dimensions must have nx ≥ 1, ny ≥ 1 and q, r, k ≥ 0; got nx=" + nx + " ny=" + ny
              + " q=" + q + " r=" + r + " k=" + k);
    }
  }

  /** The sizes of a system. */
  public static Dimensions of(StateSpace system) {
    return new Dimensions(system.nx(), system.ny(), system.q(), system.r(), system.k());
  }

  /** Largest column count of a predicted factor: k at the first step, nx afterwards. */
  int predictedCols() {
    return Math.max(nx, k);
  }

  /** Rows of the update block [[H S⁻, cholR], [S⁻, 0]] with every observation present. */
  int updateRows() {
    return ny + nx;
  }

  /** Largest column count of the update block. */
  int updateCols() {
    return predictedCols() + r;
  }

  /** Largest column count of the predict block [F S, cholQ]. */
  int predictCols() {
    return predictedCols() + q;
  }
}
