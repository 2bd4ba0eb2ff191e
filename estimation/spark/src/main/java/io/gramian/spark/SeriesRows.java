package io.gramian.spark;

import io.gramian.datasets.LongSeries;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.batch.BatchFit;
import io.gramian.estimation.batch.FitSpec;
import io.gramian.estimation.batch.ForecastsTable;
import io.gramian.estimation.batch.ResultsTable;
import io.gramian.estimation.batch.SeriesResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Fits the rows of one id ({@link LongRows#SCHEMA}: id, position, time, value) as one series,
 * inside the executor, and returns its row of {@link FitManySpark#fitsSchema}: the cells of {@code
 * results.csv} and the forecast.
 *
 * <p>The rows are put in input order (their position), then the series is made as {@code fit-many}
 * makes it from a long file ({@link LongSeries}): put in time order, its time index checked, its
 * missing values read as a file's. So its forecast periods continue its time index as there.
 */
final class SeriesRows implements FlatMapGroupsFunction<String, Row, Row> {
  private static final long serialVersionUID = 1L;

  private final FitSpec spec;
  private final String source;
  private final String timeName;
  private final String valueName;
  private transient BatchFit batch;

  /**
   * @param source the input, as messages about a series' rows name it
   * @param timeName the time column's name, {@code null} when there is none
   * @param valueName the value column's name (a wide file: "value")
   */
  SeriesRows(FitSpec spec, String source, String timeName, String valueName) {
    this.spec = spec;
    this.source = source;
    this.timeName = timeName;
    this.valueName = valueName;
  }

  @Override
  public Iterator<Row> call(String id, Iterator<Row> rows) {
    List<Row> list = new ArrayList<>();
    rows.forEachRemaining(list::add);
    list.sort(Comparator.comparingLong(row -> row.getLong(LongRows.POSITION)));
    List<String> times = timeName == null ? null : new ArrayList<>(list.size());
    List<String> values = new ArrayList<>(list.size());
    for (Row row : list) {
      if (times != null) {
        times.add(row.getString(LongRows.TIME));
      }
      values.add(row.getString(LongRows.VALUE));
    }
    TimeSeries series =
        LongSeries.of(source + " (id " + id + ")", id, timeName, valueName, times, values);
    BatchFit fit = batch();
    SeriesResult result = fit.fit(series);
    List<Object> cells = new ArrayList<>(ResultsTable.cells(result, fit.parameterNames()));
    List<List<Object>> forecast = ForecastsTable.cells(result, spec.transform());
    Row[] steps = new Row[forecast.size()];
    for (int i = 0; i < steps.length; i++) {
      List<Object> step = forecast.get(i);
      steps[i] = RowFactory.create(step.subList(1, step.size()).toArray()); // without the id
    }
    cells.add(steps);
    return List.of(RowFactory.create(cells.toArray())).iterator();
  }

  /** One batch per task (built on first use), as {@code fit-many} has one for all its series. */
  private BatchFit batch() {
    if (batch == null) {
      batch = new BatchFit(spec);
    }
    return batch;
  }
}
