package io.gramian.estimation.diagnostics;

/**
 * How the parameter covariance matrix is estimated, spelled as statsmodels' {@code cov_type}:
 *
 * <pre>
 *   OPG     (Σ_t s_t s_tᵀ)⁻¹               s_t = ∂ℓ_t/∂θ, per-observation scores (tangent sweeps)
 *   OIM     (−∇²ℓ)⁻¹                       ∇²ℓ by central differences of the analytic gradient
 *   ROBUST  (−∇²ℓ)⁻¹ (Σ s_t s_tᵀ) (−∇²ℓ)⁻¹   the sandwich
 * </pre>
 */
public enum CovarianceType {
  /** Outer product of the per-observation score vectors. */
  OPG("opg"),
  /** Observed information matrix (the negative Hessian of ℓ). */
  OIM("oim"),
  /** Sandwich (quasi-maximum-likelihood) estimator H⁻¹ · OPG · H⁻¹. */
  ROBUST("robust");

  private final String label;

  CovarianceType(String label) {
    this.label = label;
  }

  /** statsmodels' spelling: {@code opg}, {@code oim} or {@code robust}. */
  public String label() {
    return label;
  }

  /** The type for its label, as given on the command line. */
  public static CovarianceType parse(String name) {
    for (CovarianceType t : values()) {
      if (t.label.equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown covariance type \"" + name + "\"; use opg, oim or robust");
  }
}
