package io.gramian.datasets;

/** Where a value sits in a data file: the file, its 1-based line and its column's name. */
record CellLocation(String source, int line, String column) {

  /** An exception describing {@code problem} at this location. */
  DataFormatException error(String problem) {
    return new DataFormatException(source, line, column, problem);
  }
}
