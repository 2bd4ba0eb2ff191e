package io.gramian.kalman;

/**
 * The sizes a filter workspace is built for: {@code nx, ny}, the column counts {@code q, r, k} of
 * the factors {@code cholQ, cholR, cholP0}, and the number {@code diffuseRank} of exactly diffuse
 * initial directions (the columns of {@code cholPinf}).
 */
public record Dimensions(int nx, int ny, int q, int r, int k, int diffuseRank) {

  public Dimensions {
    if (nx < 1 || ny < 1 || q < 0 || r < 0 || k < 0 || diffuseRank < 0) {
      throw new IllegalArgumentException(
          "dimensions must have nx ≥ 1, ny ≥ 1 and q, r, k, diffuseRank ≥ 0; got nx="
              + nx
              + " ny="
              + ny
              + " q="
              + q
              + " r="
              + r
              + " k="
              + k
              + " diffuseRank="
              + diffuseRank);
    }
  }

  /** Sizes without diffuse directions. */
  public Dimensions(int nx, int ny, int q, int r, int k) {
    this(nx, ny, q, r, k, 0);
  }

  /** The sizes of a system. */
  public static Dimensions of(StateSpace system) {
    return new Dimensions(
        system.nx(), system.ny(), system.q(), system.r(), system.k(), system.diffuseRank());
  }

  /** Columns of the mean matrix the filter carries: the mean and its diffuse sensitivities. */
  int meanCols() {
    return 1 + diffuseRank;
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

  /**
   * Largest column count of the one-step predictor's array [[H S⁻, cholR, 0], [F S⁻, 0, cholQ]]
   * ({@link PredictorArray}).
   */
  int predictorArrayCols() {
    return predictedCols() + r + q;
  }

  /** Rows of the largest block the filter triangularises: the update or the predict block. */
  int triaRows() {
    return Math.max(updateRows(), nx);
  }

  /** Columns of the largest block the filter triangularises. */
  int triaCols() {
    return Math.max(updateCols(), predictCols());
  }

  /** Columns of the diffuse collapse block [L_{t−1}, V_tᵀ] (w rows, w = 1 + d). */
  int collapseCols() {
    return meanCols() + ny;
  }
}
