package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * Shape checks of caller-owned outputs at the public entry points, once per call (never per step,
 * and allocating nothing unless the check fails): the message names the argument, the shape
 * expected and the shape given.
 */
final class ArgumentShapes {

  private ArgumentShapes() {}

  /**
   * @throws IllegalArgumentException {@code "gradient.FBar is 3 × 3, expected nx × nx = 2 × 2"}
   */
  static void require(String name, DMatrixRMaj m, String shape, int rows, int cols) {
    if (m == null) {
      throw new IllegalArgumentException(
          name + " is null, expected " + shape + " = " + rows + " × " + cols);
    }
    if (m.numRows != rows || m.numCols != cols) {
      throw new IllegalArgumentException(
          name
              + " is "
              + m.numRows
              + " × "
              + m.numCols
              + ", expected "
              + shape
              + " = "
              + rows
              + " × "
              + cols);
    }
  }

  /**
   * The accumulator's matrices for step 0 and the initial state against the system's dimensions
   * (AdjointAccumulator's shapes).
   */
  static void requireAdjoints(AdjointAccumulator g, Dimensions d) {
    int nx = d.nx();
    int ny = d.ny();
    require("gradient.FBar", g.FBar(0), "nx × nx", nx, nx);
    require("gradient.cBar", g.cBar(0), "nx × 1", nx, 1);
    require("gradient.HBar", g.HBar(0), "ny × nx", ny, nx);
    require("gradient.dBar", g.dBar(0), "ny × 1", ny, 1);
    require("gradient.cholQBar", g.cholQBar(0), "nx × q", nx, d.q());
    require("gradient.cholRBar", g.cholRBar(0), "ny × r", ny, d.r());
    require("gradient.m0Bar", g.m0Bar(), "nx × 1", nx, 1);
    require("gradient.cholP0Bar", g.cholP0Bar(), "nx × k", nx, d.k());
    if (d.diffuseRank() > 0) { // without diffuse directions the sweep never adds into it
      require("gradient.cholPinfBar", g.cholPinfBar(), "nx × d", nx, d.diffuseRank());
    }
  }
}
