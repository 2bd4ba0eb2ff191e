package io.gramian.datasets;

import java.util.List;

/**
 * The text of a CSV file split into fields: the column names of its header (and the line it is on)
 * and its data rows, each with the line it starts on. Every row has one field per column.
 */
record CsvTable(String source, int headerLine, List<String> columnNames, List<Row> rows) {

  /** One data row: the 1-based line it starts on and its fields, trimmed. */
  record Row(int line, List<String> fields) {}

  CsvTable {
    columnNames = List.copyOf(columnNames);
    rows = List.copyOf(rows);
  }

  /** Where the field of {@code column} in {@code row} is. */
  CellLocation location(Row row, int column) {
    return new CellLocation(source, row.line(), columnNames.get(column));
  }
}
