/**
 * One model specification fitted to many series: {@link io.gramian.estimation.batch.BatchFit} on a
 * thread pool of a given size, a small immutable {@link io.gramian.estimation.batch.SeriesResult}
 * per series (a series that cannot be fitted is a {@code failed} result, never an exception that
 * stops the batch), and the tables {@code gramian fit-many} writes ({@link
 * io.gramian.estimation.batch.ResultsTable}, {@link io.gramian.estimation.batch.ForecastsTable}).
 * The specification ({@link io.gramian.estimation.batch.FitSpec}, {@link
 * io.gramian.estimation.batch.ModelSpec}) is a serialisable value, so a distributed job can ship it
 * to its workers and rebuild the same fit there.
 */
package io.gramian.estimation.batch;
