package io.gramian.estimation.models;

import static io.gramian.estimation.models.ReferenceChecks.FIT_LOGLIK_SLACK;
import static io.gramian.estimation.models.ReferenceChecks.LOGLIK_RELATIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact diffuse reference cases of {@code cases.csv} that structural models cover (see {@link
 * ExactDiffuseCases} for each family's source): statsmodels 0.13.5's {@code UC_*_exact_diffuse}
 * fits, R optim's {@code Roptim_exactdiffuse_*} fits, the Commandeur &amp; Koopman models {@code
 * CK_statsmodels_*} and the R {@code StructTS} estimates {@code StructTS_*_DKdiffuse_at_coef}.
 *
 * <ul>
 *   <li>ℓ at the reference parameters within {@link ReferenceChecks#LOGLIK_RELATIVE};
 *   <li>for the maxima, a fit from the model's own start values reaching the reference ℓ less
 *       {@link ReferenceChecks#FIT_LOGLIK_SLACK}, with every estimate within {@link
 *       ReferenceChecks#ESTIMATE_RELATIVE} (or, for a variance at zero, within {@link
 *       ReferenceChecks#ZERO_VARIANCE_FRACTION} of the series' variance).
 * </ul>
 */
class ExactDiffuseReferenceTest {

  static List<ReferenceCase> cases() {
    return ExactDiffuseCases.all();
  }

  static List<ReferenceCase> maxima() {
    return ExactDiffuseCases.all().stream()
        .filter(ReferenceCase::maximum)
        .collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logLikelihoodAtTheReferenceParameters(ReferenceCase c) {
    double ll = ReferenceChecks.loglik(c.model(), c.data(), c.natural());
    assertEquals(c.loglik(), ll, LOGLIK_RELATIVE * Math.abs(c.loglik()), c.id());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maxima")
  void fitReproducesTheReferenceMaximum(ReferenceCase c) {
    FitResult fit = MaximumLikelihood.fit(c.model(), c.data(), FitOptions.defaults());
    assertTrue(fit.converged(), c.id() + ": " + fit.optimizerMessage());
    assertTrue(
        fit.logLikelihood() >= c.loglik() - FIT_LOGLIK_SLACK,
        c.id() + ": ℓ = " + fit.logLikelihood() + " below the reference " + c.loglik());
    double varY = ReferenceSeries.variance(c.data());
    double[] reference = c.natural();
    double[] estimate = fit.estimates();
    for (int i = 0; i < reference.length; i++) {
      String name = fit.parameterNames().get(i);
      double error =
          ReferenceChecks.estimateError(
              estimate[i], reference[i], name.startsWith("sigma2."), varY);
      assertTrue(
          error <= 1,
          c.id()
              + ": "
              + name
              + " = "
              + estimate[i]
              + ", reference "
              + reference[i]
              + " (error "
              + error
              + " tolerances)");
    }
  }
}
