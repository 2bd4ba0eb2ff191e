package io.gramian.spark;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import io.gramian.datasets.LongSeries;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * An input table as the rows the fit groups: one per id and period, {@code id, position, time,
 * value}, the cells as text (as a CSV file holds them), {@code position} increasing in input order
 * (so a series without a time column keeps its order through the shuffle).
 */
final class LongRows {
  private LongRows() {}

  static final int ID = 0;
  static final int POSITION = 1;
  static final int TIME = 2;
  static final int VALUE = 3;

  static final StructType SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("id", DataTypes.StringType, false),
              DataTypes.createStructField("position", DataTypes.LongType, false),
              DataTypes.createStructField("time", DataTypes.StringType, true),
              DataTypes.createStructField("value", DataTypes.StringType, true)));

  /** The time column: {@code named} (checked), else found by name, else none ({@code null}). */
  static String timeColumn(Dataset<Row> data, String named, List<String> notTime) {
    List<String> names = List.of(data.columns());
    if (named != null) {
      column(names, named, "--time");
      return named;
    }
    int found = LongSeries.timeColumnByName(names, notTime);
    return found < 0 ? null : names.get(found);
  }

  /** A long table's rows. */
  static Dataset<Row> ofLong(Dataset<Row> data, String id, String time, String value) {
    List<String> names = List.of(data.columns());
    column(names, id, "--id");
    column(names, value, "--value");
    Column timeCell = time == null ? lit(null) : data.col(quoted(time));
    return data.select(
            data.col(quoted(id)).cast("string").as("id"),
            monotonically_increasing_id().as("position"),
            timeCell.cast("string").as("time"),
            data.col(quoted(value)).cast("string").as("value"))
        .as(Encoders.row(SCHEMA));
  }

  /** A wide table's rows: each value column a series, its id the column's name. */
  static Dataset<Row> ofWide(Dataset<Row> data, List<String> columns, String time) {
    List<String> names = List.of(data.columns());
    List<String> series = new ArrayList<>();
    for (String name : columns != null ? columns : names) {
      if (columns != null) {
        column(names, name, "--columns");
      }
      if (!name.equals(time)) {
        series.add(name);
      }
    }
    if (series.isEmpty()) {
      throw new IllegalArgumentException("the data has no value column to fit");
    }
    int[] valueIndex = series.stream().mapToInt(names::indexOf).toArray();
    String[] ids = series.toArray(new String[0]);
    int timeIndex = time == null ? -1 : names.indexOf(time);
    int positionIndex = names.size();
    Dataset<Row> numbered = data.withColumn("gramian_position", monotonically_increasing_id());
    FlatMapFunction<Row, Row> unpivot =
        row -> {
          List<Row> out = new ArrayList<>(ids.length);
          long position = row.getLong(positionIndex);
          String timeText = timeIndex < 0 ? null : text(row.get(timeIndex));
          for (int k = 0; k < ids.length; k++) {
            out.add(RowFactory.create(ids[k], position, timeText, text(row.get(valueIndex[k]))));
          }
          return out.iterator();
        };
    return numbered.flatMap(unpivot, Encoders.row(SCHEMA));
  }

  private static String text(Object cell) {
    return cell == null ? null : cell.toString();
  }

  private static void column(List<String> names, String name, String option) {
    if (!names.contains(name)) {
      throw new IllegalArgumentException(
          option
              + " names the column "
              + name
              + ", which the data does not have; its columns are "
              + String.join(", ", names));
    }
  }

  /** A column name as Spark's col() reads it literally (dots and backquotes escaped). */
  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
