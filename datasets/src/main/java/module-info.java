/**
 * Time series, their calendar index, CSV reading and the bundled data sets. A named module: its one
 * dependency, Commons CSV, has a stable module name.
 */
module io.gramian.datasets {
  requires org.apache.commons.csv;

  exports io.gramian.datasets;
}
