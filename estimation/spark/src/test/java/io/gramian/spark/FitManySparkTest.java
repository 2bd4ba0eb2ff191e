package io.gramian.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.TimeIndex;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.batch.BatchFit;
import io.gramian.estimation.batch.FitSpec;
import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.batch.ResultsTable;
import io.gramian.estimation.batch.SeriesResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job in local[2] against the batch API (what fit-many runs) on the same series. */
class FitManySparkTest {
  /** Same code and data on both sides; only summation order inside Spark's JVM could differ. */
  private static final double AGREEMENT = 1e-9;

  private static final int SERIES = 24;
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("FitManySparkTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Seeded local-level series of 60 to 100 points; one too short to fit. */
  private static List<TimeSeries> series() {
    Random random = new Random(11);
    List<TimeSeries> all = new ArrayList<>();
    for (int s = 0; s < SERIES; s++) {
      int n = s == 0 ? 1 : 60 + random.nextInt(41);
      double[] y = new double[n];
      double level = 10 * random.nextGaussian();
      for (int t = 0; t < n; t++) {
        level += 0.5 * random.nextGaussian();
        y[t] = level + random.nextGaussian();
      }
      all.add(TimeSeries.of("s" + s, TimeIndex.integers(n), y));
    }
    return all;
  }

  /** A long CSV with the rows of each id in reverse time order, ids interleaved. */
  private static Path longCsv(List<TimeSeries> all, Path dir) throws IOException {
    StringBuilder csv = new StringBuilder("id,time,value\n");
    for (TimeSeries one : all) {
      double[] y = one.values();
      for (int t = y.length - 1; t >= 0; t--) {
        csv.append(one.name()).append(',').append(t + 1).append(',').append(y[t]).append('\n');
      }
    }
    Path file = dir.resolve("long.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void agreesWithTheBatchFitSeriesBySeries(@TempDir Path dir) throws IOException {
    List<TimeSeries> all = series();
    FitSpec spec = FitSpec.of(ModelSpec.named("local-level"));
    BatchFit batch = new BatchFit(spec);
    List<String> columns = ResultsTable.columns(batch.parameterNames());
    Map<String, List<Object>> expected = new HashMap<>();
    for (SeriesResult result : batch.fitAll(all, 1)) {
      expected.put(result.id(), ResultsTable.cells(result, batch.parameterNames()));
    }

    Dataset<Row> data = spark.read().option("header", "true").csv(longCsv(all, dir).toString());
    List<Row> rows = FitManySpark.fit(data, spec, "id", "time", "value").collectAsList();

    assertEquals(columns, List.of(rows.get(0).schema().fieldNames()));
    assertEquals(SERIES, rows.size());
    int failed = 0;
    for (Row row : rows) {
      List<Object> want = expected.get(row.getString(0));
      for (int c = 0; c < columns.size(); c++) {
        Object got = row.get(c);
        if (want.get(c) instanceof Double w && got instanceof Double g) {
          assertEquals(w, g, AGREEMENT * Math.max(1, Math.abs(w)), columns.get(c));
        } else {
          assertEquals(want.get(c), got, row.getString(0) + " " + columns.get(c));
        }
      }
      failed += "failed".equals(row.getString(1)) ? 1 : 0;
    }
    assertEquals(1, failed);
  }

  @Test
  void mainWritesResultsCsvWithTheResultsColumns(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("results");
    FitManySpark.run(
        spark,
        new String[] {
          longCsv(series(), dir).toString(), "--model", "local-level", "--out", out.toString()
        });
    Path part;
    try (var files = Files.list(out)) {
      part = files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().get();
    }
    List<String> lines = Files.readAllLines(part);
    BatchFit batch = new BatchFit(FitSpec.of(ModelSpec.named("local-level")));
    assertEquals(ResultsTable.csvHeader(batch.parameterNames()), lines.get(0));
    assertEquals(SERIES + 1, lines.size());
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("s0,failed,")));
  }
}
