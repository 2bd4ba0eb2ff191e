/**
 * Time series, the CSV files they are read from, and the datasets bundled with Gramian.
 *
 * <ul>
 *   <li>{@link io.gramian.datasets.TimeSeries}: one named column of doubles (NaN = missing) on a
 *       {@link io.gramian.datasets.TimeIndex} of a given {@link io.gramian.datasets.Frequency}.
 *   <li>{@link io.gramian.datasets.TimeSeriesFrame}: several named columns sharing one index.
 *   <li>{@link io.gramian.datasets.CsvTimeSeriesReader}: reads a frame from a CSV file, reporting
 *       malformed input as a {@link io.gramian.datasets.DataFormatException} that names the file,
 *       line and column.
 *   <li>{@link io.gramian.datasets.Datasets}: the classic series bundled with the library (Nile, UK
 *       driver deaths, seat belts, air passengers, presidents' approval, US macro data).
 * </ul>
 *
 * <p>All values are immutable.
 */
package io.gramian.datasets;
