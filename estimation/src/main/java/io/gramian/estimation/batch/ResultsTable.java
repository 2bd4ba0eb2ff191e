package io.gramian.estimation.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The table of a batch's results, one row per series ({@code results.csv} of {@code gramian
 * fit-many}): the columns {@code id,status,message,nobs,loglikelihood,aic,bic,hqic,converged,
 * iterations}, then for each parameter {@code NAME,NAME.std_error} (statsmodels' names). {@code
 * status} is {@code ok} or {@code failed}; {@code message} is empty when ok; an undefined value
 * (every fitted column of a failed series, the standard error of a fixed parameter or of a variance
 * at its zero boundary) is empty; numbers read back exactly.
 *
 * <p>{@link #cells} gives a row as typed values, for a writer that keeps types (a Spark row, say),
 * {@link #csvRow} the same row as CSV text. Thread-safe: stateless.
 */
public final class ResultsTable {

  /** The columns before the parameters', in order. */
  public static final List<String> FIXED_COLUMNS =
      List.of(
          "id",
          "status",
          "message",
          "nobs",
          "loglikelihood",
          "aic",
          "bic",
          "hqic",
          "converged",
          "iterations");

  /** The suffix of a parameter's standard-error column. */
  public static final String STD_ERROR_SUFFIX = ".std_error";

  private ResultsTable() {}

  /** Every column name, in order, for a model with these parameters. */
  public static List<String> columns(List<String> parameterNames) {
    List<String> columns = new ArrayList<>(FIXED_COLUMNS);
    for (String name : parameterNames) {
      columns.add(name);
      columns.add(name + STD_ERROR_SUFFIX);
    }
    return Collections.unmodifiableList(columns);
  }

  /**
   * One row as typed cells, in {@link #columns} order: {@code id}, {@code status} and {@code
   * message} as String, {@code nobs} and {@code iterations} as Integer, {@code converged} as
   * Boolean, the other numbers as Double; {@code null} where undefined.
   *
   * @param parameterNames the table's parameters ({@link BatchFit#parameterNames()})
   * @throws IllegalArgumentException when an ok result's parameters are not these
   */
  public static List<Object> cells(SeriesResult result, List<String> parameterNames) {
    List<Object> cells = new ArrayList<>(FIXED_COLUMNS.size() + 2 * parameterNames.size());
    cells.add(result.id());
    cells.add(result.status().spelling());
    cells.add(result.message());
    cells.add(result.nobs());
    SeriesFit fit = result.fit();
    if (fit == null) {
      while (cells.size() < FIXED_COLUMNS.size() + 2 * parameterNames.size()) {
        cells.add(null);
      }
      return Collections.unmodifiableList(cells);
    }
    if (!fit.parameterNames().equals(parameterNames)) {
      throw new IllegalArgumentException(
          "series "
              + result.id()
              + " has the parameters "
              + fit.parameterNames()
              + ", the table "
              + parameterNames);
    }
    cells.add(fit.logLikelihood());
    cells.add(fit.aic());
    cells.add(fit.bic());
    cells.add(fit.hqic());
    cells.add(fit.converged());
    cells.add(fit.iterations());
    double[] estimates = fit.estimates();
    double[] standardErrors = fit.standardErrors();
    for (int i = 0; i < estimates.length; i++) {
      cells.add(estimates[i]);
      cells.add(Double.isNaN(standardErrors[i]) ? null : standardErrors[i]); // undefined: empty
    }
    return Collections.unmodifiableList(cells);
  }

  /** The CSV header line (no line break). */
  public static String csvHeader(List<String> parameterNames) {
    return CsvText.line(columns(parameterNames));
  }

  /** One result as a CSV line (no line break); see {@link #cells}. */
  public static String csvRow(SeriesResult result, List<String> parameterNames) {
    return CsvText.line(cells(result, parameterNames));
  }
}
