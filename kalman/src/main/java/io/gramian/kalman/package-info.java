/**
 * The square-root Kalman filter, smoother, forecaster and simulator on {@code tria}, with the
 * log-likelihood's exact gradient by a reverse sweep and its tangent by a forward one ({@code
 * docs/filter.md}). Built on {@code io.gramian.autodiff}; the models and fitting of {@code
 * io.gramian.estimation} build on it.
 */
package io.gramian.kalman;
