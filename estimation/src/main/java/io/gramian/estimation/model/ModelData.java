package io.gramian.estimation.model;

import io.gramian.datasets.TimeSeries;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The data a model is fitted to: observations {@code y} (T × ny, NaN for missing) and optional
 * regressors {@code exog} (T × k, no missing values), with their names, and the series' name and
 * time labels for summaries, tables and forecasts ({@link #series()}). Immutable (the matrices are
 * copied in and must not be modified through the accessors).
 */
public final class ModelData {

  /** The name of a series given as plain numbers, as statsmodels calls it. */
  public static final String DEFAULT_NAME = "y";

  private final DMatrixRMaj y;
  private final DMatrixRMaj exog;
  private final List<String> exogNames;
  private final TimeSeries series; // null: plain numbers, named and labelled on demand

  /** Observations and regressors without a name or time labels (see {@link #series()}). */
  public ModelData(DMatrixRMaj y, DMatrixRMaj exog, List<String> exogNames) {
    this(y, exog, exogNames, null);
  }

  /**
   * A univariate series (its name and time index kept for summaries and forecasts) with regressors.
   */
  public ModelData(TimeSeries series, DMatrixRMaj exog, List<String> exogNames) {
    this(new DMatrixRMaj(series.length(), 1, true, series.values()), exog, exogNames, series);
  }

  private ModelData(DMatrixRMaj y, DMatrixRMaj exog, List<String> exogNames, TimeSeries series) {
    this.series = series;
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

  /** A univariate series with no regressors, its name and time index kept. */
  public static ModelData of(TimeSeries series) {
    return new ModelData(series, null, null);
  }

  /**
   * The observations of column 0 as a named series on its time index: the series given, or for
   * plain numbers one named {@value #DEFAULT_NAME} on the integer index 1 … T.
   */
  public TimeSeries series() {
    if (series != null) {
      return series;
    }
    double[] values = new double[y.numRows];
    for (int t = 0; t < values.length; t++) {
      values[t] = y.get(t, 0);
    }
    return TimeSeries.of(DEFAULT_NAME, values);
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
