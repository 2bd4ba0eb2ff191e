package io.gramian.spark;

import io.gramian.estimation.batch.ResultsTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The Spark schema of {@code results.csv}: the columns of {@link ResultsTable#columns}, typed. */
final class ResultsSchema {
  private ResultsSchema() {}

  /** id, status, message: string; nobs, iterations: int; converged: boolean; the rest: double. */
  static StructType of(List<String> parameterNames) {
    List<StructField> fields = new ArrayList<>();
    for (String column : ResultsTable.columns(parameterNames)) {
      fields.add(DataTypes.createStructField(column, typeOf(column), true));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType typeOf(String column) {
    switch (column) {
      case "id", "status", "message":
        return DataTypes.StringType;
      case "nobs", "iterations":
        return DataTypes.IntegerType;
      case "converged":
        return DataTypes.BooleanType;
      default:
        return DataTypes.DoubleType;
    }
  }
}
