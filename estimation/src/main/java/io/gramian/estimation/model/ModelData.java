package io.gramian.estimation.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The data a model is fitted to: observations {@code y} (T × ny, NaN for missing) and optional
 * regressors {@code exog} (T × k, no missing values), with their names. Immutable (the matrices are
 * copied in and must not be modified through the accessors).
 */
public final class ModelData {

  private final DMatrixRMaj y;
  private final DMatrixRMaj exog;
  private final List<String> exogNames;

  public ModelData(DMatrixRMaj y, DMatrixRMaj exog, List<String> exogNames) {
    this.y = y.copy();
    this.exog = exog == null ? new DMatrixRMaj(y.numRows, 0) : exog.copy();
    this.exogNames = List.copyOf(exogNames == null ? List.of() : exogNames);
    if (this.exog.numRows != y.numRows) {
      throw new IllegalArgumentException(
          "the regressors have " + this.exog.numRows + " rows but the series has " + y.numRows);
    }
    if (this.exogNames.size() != this.exog.numCols) {
      throw new IllegalArgumentException(
          this.exogNames.size() + " regressor names for " + this.exog.numCols + " columns");
    }
    for (int t = 0; t < this.exog.numRows; t++) {
      for (int j = 0; j < this.exog.numCols; j++) {
        if (!Double.isFinite(this.exog.get(t, j))) {
          throw new IllegalArgumentException(
              "regressor \""
                  + this.exogNames.get(j)
                  + "\" has no finite value at observation "
                  + (t + 1)
                  + "; regressors may not be missing");
        }
      }
    }
  }

  /** A univariate series with no regressors. */
  public static ModelData of(double... y) {
    return new ModelData(new DMatrixRMaj(y.length, 1, true, y), null, null);
  }

  /** Observations, T × ny (do not modify). */
  public DMatrixRMaj y() {
    return y;
  }

  /** Regressors, T × k (do not modify). */
  public DMatrixRMaj exog() {
    return exog;
  }

  public List<String> exogNames() {
    return exogNames;
  }

  public int length() {
    return y.numRows;
  }

  /** Number of observed (non-NaN) values. */
  public int observedCount() {
    int n = 0;
    for (int i = 0; i < y.getNumElements(); i++) {
      if (!Double.isNaN(y.data[i])) {
        n++;
      }
    }
    return n;
  }

  /** The observed values of column j (NaN dropped), for start values. */
  public double[] observed(int j) {
    double[] v = new double[y.numRows];
    int n = 0;
    for (int t = 0; t < y.numRows; t++) {
      double x = y.get(t, j);
      if (!Double.isNaN(x)) {
        v[n++] = x;
      }
    }
    return java.util.Arrays.copyOf(v, n);
  }
}
