/**
 * Saved fits: a fit written to a {@code gramian-fit} JSON file and read back ({@link
 * io.gramian.estimation.saved.SavedFit}), to forecast without refitting, from the saved data or
 * from new or extended data, and to start a refit at the saved estimates.
 */
package io.gramian.estimation.saved;
