package io.gramian.spark;

import io.gramian.datasets.TimeIndex;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.batch.BatchFit;
import io.gramian.estimation.batch.FitSpec;
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
 * Fits the rows of one id (a long table: id, time, value) as one series, inside the executor, and
 * returns its results row in the column order of {@code results.csv}.
 *
 * <p>Rows are ordered by the time column (numbers by value, anything else, such as ISO dates, as
 * text); the series is indexed 1, 2, …, n.
 */
final class SeriesRows implements FlatMapGroupsFunction<String, Row, Row> {
  private static final long serialVersionUID = 1L;

  private final FitSpec spec;
  private final String timeColumn;
  private final String valueColumn;

  SeriesRows(FitSpec spec, String timeColumn, String valueColumn) {
    this.spec = spec;
    this.timeColumn = timeColumn;
    this.valueColumn = valueColumn;
  }

  @Override
  public Iterator<Row> call(String id, Iterator<Row> rows) {
    List<Row> list = new ArrayList<>();
    rows.forEachRemaining(list::add);
    list.sort(Comparator.comparing(row -> TimeKey.of(row.getAs(timeColumn))));
    double[] values = new double[list.size()];
    for (int i = 0; i < values.length; i++) {
      Object cell = list.get(i).getAs(valueColumn);
      values[i] = cell == null ? Double.NaN : Double.parseDouble(cell.toString());
    }
    BatchFit batch = new BatchFit(spec);
    SeriesResult result = batch.fit(TimeSeries.of(id, TimeIndex.integers(values.length), values));
    Object[] cells = ResultsTable.cells(result, batch.parameterNames()).toArray();
    return List.of(RowFactory.create(cells)).iterator();
  }
}
