package io.gramian.estimation.fit;

import io.gramian.estimation.model.LikelihoodEquivalent;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ParameterBlock;
import io.gramian.estimation.model.ParameterLayout;
import io.gramian.estimation.optim.DifferentiableFunction;
import io.gramian.estimation.transform.Identity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The maximum-likelihood problem in coordinates that do not depend on the units of the data or of
 * the regressors: the optimiser moves θ̃ with θ = u ∘ θ̃ (entrywise) and minimises
 *
 * <pre>
 *   f̃(θ̃) = −( ℓ(u ∘ θ̃) + m · ln s ) / n,      ∇f̃ = −u ∘ ∇ℓ / n
 * </pre>
 *
 * with n the observed values, s the data's robust scale ({@link DataScale}) and m = n − d the
 * observations whose density carries the units of y (d diffuse states: an exactly diffuse step
 * contributes log F∞, which has none). ℓ + m ln s is the log-likelihood of y/s, so f̃ is the same
 * number whatever units y is written in, and the optimiser's tests on |f̃| with it.
 *
 * <p>The units u_j, one per free parameter:
 *
 * <ul>
 *   <li>a variance (θ_j = σ, the standard deviation): s, so θ̃_j = σ/s;
 *   <li>a real coefficient (a mean, a regression coefficient; {@link Identity}): √(n / I_jj), with
 *       I_jj = Σ_t (∂ℓ_t/∂θ_j)² the outer product of the scores at the start, so that f̃ has
 *       curvature about 1 along θ̃_j whatever the units of y and of the regressor (a regressor t³
 *       with values to 10⁶ beside a constant); s when I_jj is not positive;
 *   <li>a dimensionless parameter (AR/MA coefficients, damping, frequency: already on a scale of
 *       one through their transforms): 1.
 * </ul>
 *
 * Scaling y by a (and the start values with it) scales every u_j by exactly what the parameter's
 * θ_j scales by, so the optimiser sees the same θ̃, f̃ and ∇f̃ up to rounding. The mapping back θ =
 * u ∘ θ̃ is exact: ℓ, standard errors and information criteria are computed on the original data at
 * θ.
 *
 * <p>With a {@link LikelihoodEquivalent} ({@link #evaluatingEquivalent}) the problem is the same,
 * its units, n, s and m those of the model itself, but ℓ is evaluated as ℓ_e + offset.
 */
final class ScaledProblem implements DifferentiableFunction {

  private final LogLikelihood likelihood;

  /** What ℓ is evaluated as: {@link #likelihood}, or an equivalent's plus {@link #offset}. */
  private final LogLikelihood evaluated;

  private final double offset;

  private final double[] units;
  private final double observations;
  private final double shift;
  private final double[] gradient;
  private final List<double[]> evaluatedPoints = new ArrayList<>();
  private final List<Double> evaluatedLogLikelihoods = new ArrayList<>();

  private ScaledProblem(
      LogLikelihood likelihood,
      LogLikelihood evaluated,
      double offset,
      double[] units,
      double observations,
      double shift) {
    this.likelihood = likelihood;
    this.evaluated = evaluated;
    this.offset = offset;
    this.units = units;
    this.observations = observations;
    this.shift = shift;
    this.gradient = new double[units.length];
  }

  /**
   * The problem around the start θ₀.
   *
   * @param theta0 the start, unconstrained, free parameters only. Not modified.
   * @throws ArithmeticException when ℓ cannot be evaluated at θ₀
   */
  static ScaledProblem at(LogLikelihood likelihood, double[] theta0) {
    ParameterLayout layout = likelihood.layout();
    double n = likelihood.data().observedCount();
    double s = DataScale.of(likelihood.data());
    int diffuse = likelihood.system(layout.natural(theta0)).diffuseRank();
    double[] units = new double[theta0.length];
    double[] information = null;
    List<ParameterBlock> blocks = likelihood.model().parameterBlocks();
    int i = 0;
    for (ParameterBlock block : blocks) {
      for (int b = 0; b < block.size(); b++, i++) {
        int j = layout.freeIndex(i);
        if (j < 0) {
          continue;
        }
        if (block.variance()) {
          units[j] = s;
        } else if (block.transform() instanceof Identity) {
          if (information == null) {
            information = scoreSquares(likelihood.scores(theta0));
          }
          double u = Math.sqrt(n / information[j]);
          units[j] = u > 0 && Double.isFinite(u) ? u : s;
        } else {
          units[j] = 1;
        }
      }
    }
    return new ScaledProblem(likelihood, likelihood, 0.0, units, n, (n - diffuse) * Math.log(s));
  }

  /**
   * This problem, its units, n and shift unchanged, with ℓ evaluated as {@code equivalent}'s plus
   * {@code offset} (ℓ = ℓ_e + offset for every θ, {@link LikelihoodEquivalent}).
   *
   * @param equivalent the equivalent model's likelihood on the same data, with the same free
   *     parameters
   */
  ScaledProblem evaluatingEquivalent(LogLikelihood equivalent, double offset) {
    if (!equivalent.layout().names().equals(likelihood.layout().names())
        || equivalent.layout().freeCount() != likelihood.layout().freeCount()) {
      throw new IllegalArgumentException(
          "the equivalent likelihood's parameters "
              + equivalent.layout().names()
              + " are not the model's "
              + likelihood.layout().names());
    }
    return new ScaledProblem(likelihood, equivalent, offset, units, observations, shift);
  }

  /** Σ_t s_tj² for each column j of the scores. */
  private static double[] scoreSquares(double[][] scores) {
    int k = scores.length == 0 ? 0 : scores[0].length;
    double[] sum = new double[k];
    for (double[] row : scores) {
      for (int j = 0; j < k; j++) {
        sum[j] += row[j] * row[j];
      }
    }
    return sum;
  }

  /** u, one unit per free parameter (a copy). */
  double[] units() {
    return units.clone();
  }

  /** θ̃ = θ / u. */
  double[] scaled(double[] theta) {
    double[] out = new double[theta.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = theta[j] / units[j];
    }
    return out;
  }

  /** θ = u ∘ θ̃. */
  double[] theta(double[] scaled) {
    double[] out = new double[scaled.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = units[j] * scaled[j];
    }
    return out;
  }

  /** The log-likelihood ℓ of the original data whose scaled objective value is {@code value}. */
  double logLikelihood(double value) {
    return -value * observations - shift;
  }

  /**
   * ℓ of the original data at θ = u ∘ θ̃ when this problem has evaluated exactly that θ̃ (the
   * optimiser's answer is always one of its evaluations), so that the fit need not run the filter
   * again at its estimate; empty otherwise. It is the ℓ of {@link LogLikelihood#valueAndGradient},
   * equal to {@link LogLikelihood#value} up to rounding. Empty too when ℓ was evaluated through an
   * equivalent: the fit's ℓ is then the model's own, from one more filter pass.
   */
  OptionalDouble evaluatedLogLikelihood(double[] scaled) {
    if (evaluated != likelihood) {
      return OptionalDouble.empty();
    }
    for (int i = evaluatedPoints.size() - 1; i >= 0; i--) {
      if (Arrays.equals(evaluatedPoints.get(i), scaled)) {
        return OptionalDouble.of(evaluatedLogLikelihoods.get(i));
      }
    }
    return OptionalDouble.empty();
  }

  /** f̃(θ̃) and ∇f̃ (see the class comment). */
  @Override
  public double valueAndGradient(double[] scaled, double[] gradientOut) {
    double ll = evaluated.valueAndGradient(theta(scaled), gradient);
    evaluatedPoints.add(scaled.clone());
    evaluatedLogLikelihoods.add(ll + offset);
    for (int j = 0; j < gradientOut.length; j++) {
      gradientOut[j] = -units[j] * gradient[j] / observations;
    }
    return -(ll + (offset + shift)) / observations;
  }
}
