package io.gramian.spark;

import io.gramian.estimation.batch.BatchFit;
import io.gramian.estimation.batch.FitSpec;
import io.gramian.estimation.batch.ModelSpec;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code fit-many} as a Spark job: a long table (id, time, value) grouped by id with {@code
 * groupByKey} + {@code flatMapGroups}, each series fitted inside the executor, one results row per
 * series with the columns of {@code results.csv}.
 */
public final class FitManySpark {
  private FitManySpark() {}

  /** The results of fitting every id of {@code data} with {@code spec}. */
  public static Dataset<Row> fit(
      Dataset<Row> data, FitSpec spec, String idColumn, String timeColumn, String valueColumn) {
    BatchFit batch = new BatchFit(spec);
    return data.groupByKey(
            (MapFunction<Row, String>) row -> String.valueOf(row.<Object>getAs(idColumn)),
            Encoders.STRING())
        .flatMapGroups(
            new SeriesRows(spec, timeColumn, valueColumn),
            Encoders.row(ResultsSchema.of(batch.parameterNames())));
  }

  /**
   * {@code DATA --model MODEL [--seasonal S] [--id C] [--time C] [--value C] --out DIR}: reads CSV
   * (or Parquet when DATA ends in .parquet) and writes the results as CSV (or Parquet when DIR ends
   * in .parquet).
   */
  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().appName("gramian fit-many").getOrCreate();
    try {
      run(spark, args);
    } finally {
      spark.stop();
    }
  }

  /** Runs {@link #main}'s job in {@code spark}. */
  static void run(SparkSession spark, String[] args) {
    Map<String, String> options = new HashMap<>();
    String input = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      } else {
        input = args[i];
      }
    }
    if (input == null || !options.containsKey("model") || !options.containsKey("out")) {
      System.err.println(
          "usage: FitManySpark DATA --model MODEL [--seasonal S] [--id C] [--time C] [--value C]"
              + " --out DIR");
      System.exit(2);
    }
    ModelSpec model = ModelSpec.named(options.get("model"));
    if (options.containsKey("seasonal")) {
      model = model.withSeasonal(Integer.parseInt(options.get("seasonal")));
    }
    Dataset<Row> data =
        input.endsWith(".parquet")
            ? spark.read().parquet(input)
            : spark.read().option("header", "true").csv(input);
    Dataset<Row> results =
        fit(
            data,
            FitSpec.of(model),
            options.getOrDefault("id", "id"),
            options.getOrDefault("time", "time"),
            options.getOrDefault("value", "value"));
    String out = options.get("out");
    if (out.endsWith(".parquet")) {
      results.write().parquet(out);
    } else {
      // an empty message is an empty cell, as in results.csv (Spark would quote it)
      results.coalesce(1).write().option("header", "true").option("emptyValue", "").csv(out);
    }
  }
}
