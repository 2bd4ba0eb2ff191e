package io.gramian.estimation.model;

/**
 * A model whose log-likelihood on given data is another's up to a constant, with the same
 * parameters, and cheaper to evaluate:
 *
 * <pre>
 *   ℓ(θ) = ℓ_e(θ) + offset        for every θ,   so ∇ℓ = ∇ℓ_e and both have the same maximum
 * </pre>
 *
 * A fit's optimiser may evaluate ℓ_e + offset in place of ℓ ({@link
 * StateSpaceModel#likelihoodEquivalent}); ℓ at the estimate, the standard errors and the filter's
 * results are computed with the model itself.
 *
 * @param model the equivalent model, with the model's parameters in the same order
 * @param offset ℓ − ℓ_e
 */
public record LikelihoodEquivalent(StateSpaceModel model, double offset) {}
