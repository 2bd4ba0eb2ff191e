package io.gramian.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import io.gramian.estimation.batch.BatchFit;
import io.gramian.estimation.batch.FitSpec;
import io.gramian.estimation.batch.ForecastsTable;
import io.gramian.estimation.batch.SeriesTransform;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code fit-many} as a Spark job: a long table (id, time, value) or a wide one (a column per
 * series), grouped by id with {@code groupByKey} + {@code flatMapGroups}, each series fitted inside
 * the executor by {@link BatchFit#fit}, one row per series with the columns of {@code results.csv}
 * and, with a forecast, the rows of {@code forecasts.csv}.
 *
 * <p>{@link #fitLong} and {@link #fitWide} give the fits: the results' columns and a last column
 * {@value #FORECAST} (an array of {@code step, period, mean, lower, upper}); {@link #results} and
 * {@link #forecasts} read the two tables from them. {@link #main} is the entry point of {@code
 * spark-submit} (docs/many-series.md).
 */
public final class FitManySpark {
  private FitManySpark() {}

  /** The fits' last column: the forecast steps of the series. */
  public static final String FORECAST = "forecast";

  /**
   * The fits of every id of a long table, one row per id.
   *
   * @param timeColumn the time column, or {@code null} to find it by name (date, time, year, month,
   *     quarter, period, index) or go without (each id's rows in input order)
   * @throws IllegalArgumentException naming the option, for a column the data does not have
   */
  public static Dataset<Row> fitLong(
      Dataset<Row> data, FitSpec spec, String idColumn, String timeColumn, String valueColumn) {
    String time = LongRows.timeColumn(data, timeColumn, List.of(idColumn, valueColumn));
    return fit(
        LongRows.ofLong(data, idColumn, time, valueColumn),
        spec,
        new SeriesRows(spec, "the table", time, valueColumn));
  }

  /**
   * The fits of every value column of a wide table (or those {@code columns} names), one row per
   * column, its id the column's name.
   *
   * @param timeColumn the time column, or {@code null} to find it by name or go without
   * @throws IllegalArgumentException naming the option, for a column the data does not have
   */
  public static Dataset<Row> fitWide(
      Dataset<Row> data, FitSpec spec, List<String> columns, String timeColumn) {
    String time = LongRows.timeColumn(data, timeColumn, List.of());
    return fit(
        LongRows.ofWide(data, columns, time),
        spec,
        new SeriesRows(spec, "the table", time, "value"));
  }

  private static Dataset<Row> fit(Dataset<Row> rows, FitSpec spec, SeriesRows fitOne) {
    BatchFit batch = new BatchFit(spec);
    return rows.groupByKey(
            (MapFunction<Row, String>) row -> row.getString(LongRows.ID), Encoders.STRING())
        .flatMapGroups(fitOne, Encoders.row(fitsSchema(batch.parameterNames(), spec.transform())));
  }

  /** The results table ({@code results.csv}'s columns) of the fits. */
  public static Dataset<Row> results(Dataset<Row> fits) {
    return fits.drop(FORECAST);
  }

  /**
   * The forecasts table ({@code forecasts.csv}'s columns, with the original scale's after a
   * logarithm) of the fits: none for a failed series.
   */
  public static Dataset<Row> forecasts(Dataset<Row> fits) {
    StructType step =
        (StructType) ((ArrayType) fits.schema().apply(FORECAST).dataType()).elementType();
    Dataset<Row> steps = fits.select(col("id"), explode(col(FORECAST)).as("f"));
    List<Column> columns = new ArrayList<>();
    columns.add(col("id"));
    for (String name : step.fieldNames()) {
      columns.add(col("f.`" + name + "`").as(name));
    }
    return steps.select(columns.toArray(Column[]::new));
  }

  /**
   * The fits' schema: the results' columns, then {@value #FORECAST}, an array of steps with the
   * columns of {@link ForecastsTable#columns} for this transform but the id.
   */
  static StructType fitsSchema(List<String> parameterNames, SeriesTransform transform) {
    List<StructField> fields = new ArrayList<>();
    for (String name : ForecastsTable.columns(transform)) {
      switch (name) {
        case "id" -> {}
        case "step" -> fields.add(DataTypes.createStructField(name, DataTypes.IntegerType, false));
        case "period" -> fields.add(DataTypes.createStructField(name, DataTypes.StringType, false));
        default -> fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
      }
    }
    StructType step = DataTypes.createStructType(fields);
    return ResultsSchema.of(parameterNames)
        .add(FORECAST, DataTypes.createArrayType(step, false), false);
  }

  /**
   * {@code DATA [--id C --value C | --columns A,B] [--time C] [model options] [--forecast H
   * --forecast-out DIR] --out DIR} ({@link SparkArguments}): reads CSV (or Parquet when DATA ends
   * in .parquet), writes CSV (or Parquet when DIR ends in .parquet). Bad options: one line on
   * standard error and exit status 2, before Spark starts.
   */
  public static void main(String[] args) {
    SparkArguments arguments;
    try {
      arguments = SparkArguments.parse(args);
    } catch (SparkArguments.Exit exit) {
      System.exit(exit.status());
      return;
    }
    SparkSession spark = SparkSession.builder().appName("gramian fit-many").getOrCreate();
    int status = 0;
    try {
      run(spark, arguments);
    } catch (Exception e) { // a failed job is a SparkException, a checked one
      status = SparkArguments.report(e);
    } finally {
      spark.stop();
    }
    System.exit(status);
  }

  /** Runs {@link #main}'s job in {@code spark} with the arguments {@code args}. */
  static void run(SparkSession spark, String[] args) {
    run(spark, SparkArguments.parseOrThrow(args));
  }

  private static void run(SparkSession spark, SparkArguments a) {
    FitSpec spec = a.fitSpec();
    Dataset<Row> data =
        a.data.endsWith(".parquet")
            ? spark.read().parquet(a.data)
            : spark.read().option("header", "true").csv(a.data);
    Dataset<Row> fits =
        a.id != null
            ? fitLong(data, spec, a.id, a.time, a.value)
            : fitWide(data, spec, a.columns, a.time);
    fits = fits.persist(); // read twice with a forecast: fitted once
    write(results(fits), a.out);
    if (a.forecastOut != null) {
      write(forecasts(fits), a.forecastOut);
    }
    fits.unpersist();
  }

  private static void write(Dataset<Row> table, String out) {
    if (out.endsWith(".parquet")) {
      table.write().parquet(out);
    } else {
      // an empty message is an empty cell, as in results.csv (Spark would quote it)
      table.coalesce(1).write().option("header", "true").option("emptyValue", "").csv(out);
    }
  }
}
