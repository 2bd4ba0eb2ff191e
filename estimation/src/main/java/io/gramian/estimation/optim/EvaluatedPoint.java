package io.gramian.estimation.optim;

/**
 * A feasible point with f and ∇f there. Package-private and trusted: the arrays are owned, never
 * modified after construction.
 *
 * @param x the point, length n
 * @param value f(x), finite
 * @param gradient ∇f(x), length n, finite
 */
record EvaluatedPoint(double[] x, double value, double[] gradient) {}
