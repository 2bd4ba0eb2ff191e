package io.gramian.estimation.select;

import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import java.util.List;

/**
 * Fits one candidate and scores it: maximum likelihood with the library's defaults, the
 * differenced-data ℓ, k, n* and AICc ({@link Candidate}); an ARIMA candidate whose AR or MA
 * polynomial has a root within {@value #ROOT_MARGIN} of the unit circle is rejected, as {@code
 * auto.arima} rejects it ({@code forecast:::myarima}: {@code minroot < 1 + 0.01}).
 */
final class CandidateFit {

  /** auto.arima's margin: a root of modulus below 1.01 rejects the model. */
  static final double ROOT_MARGIN = 1.01;

  private CandidateFit() {}

  /**
   * The scored candidate; never throws for a fit that fails (the candidate is rejected with the
   * failure's message).
   *
   * @param period the search's seasonal period (1 for none)
   */
  static Candidate of(ModelSpec spec, Candidate.Family family, ModelData data, int period) {
    FitResult fit;
    try {
      fit = MaximumLikelihood.fit(spec.create(), data, FitOptions.defaults());
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return Candidate.rejected(spec, family, message.lines().findFirst().orElse("").strip());
    }
    if (!Double.isFinite(fit.logLikelihood())) {
      return Candidate.rejected(spec, family, "the log-likelihood is not finite");
    }
    if (family == Candidate.Family.ARIMA) {
      double root = smallestRoot(fit);
      if (root < ROOT_MARGIN) {
        return Candidate.rejected(
            spec,
            family,
            String.format(
                java.util.Locale.ROOT,
                "a lag polynomial root of modulus %.4f, within %.2f of the unit circle",
                root,
                ROOT_MARGIN - 1));
      }
    }
    DifferencedLikelihood differenced = DifferencedLikelihood.of(fit, period);
    int k = 0;
    for (boolean free : fit.free()) {
      k += free ? 1 : 0;
    }
    int nobsEffective = fit.observed() - differenced.diffuseStates();
    double aicc = Candidate.aicc(differenced.logLikelihood(), k, nobsEffective);
    String rejection =
        Double.isFinite(aicc)
            ? null
            : nobsEffective
                + " effective observations are too few for the AICc of "
                + k
                + " parameters";
    return new Candidate(
        spec,
        family,
        differenced.logLikelihood(),
        fit.logLikelihood(),
        k,
        nobsEffective,
        aicc,
        differenced.differencing(),
        rejection);
  }

  /** The smallest root modulus of the AR and MA polynomials, seasonal factors multiplied in. */
  private static double smallestRoot(FitResult fit) {
    List<String> names = fit.parameterNames();
    double[] estimates = fit.estimates();
    int s = 1;
    for (String name : names) {
      if (name.startsWith("ar.S.L") || name.startsWith("ma.S.L")) {
        s = Integer.parseInt(name.substring("ar.S.L".length()));
        break;
      }
    }
    double ar = LagPolynomialRoots.smallestModulus(polynomial(names, estimates, "ar.", -1, s));
    double ma = LagPolynomialRoots.smallestModulus(polynomial(names, estimates, "ma.", 1, s));
    return Math.min(ar, ma);
  }

  /**
   * The lag polynomial {@code 1 + sign Σ a_i z^i} times {@code 1 + sign Σ b_j z^{js}} from the
   * coefficients named {@code prefix + "L" + i} and {@code prefix + "S.L" + js} (statsmodels'
   * names: AR enters with −, MA with +).
   */
  private static double[] polynomial(
      List<String> names, double[] estimates, String prefix, double sign, int s) {
    int p = 0;
    int seasonalP = 0;
    for (String name : names) {
      if (name.startsWith(prefix + "S.L")) {
        seasonalP = Math.max(seasonalP, Integer.parseInt(name.substring(prefix.length() + 3)) / s);
      } else if (name.startsWith(prefix + "L")) {
        p = Math.max(p, Integer.parseInt(name.substring(prefix.length() + 1)));
      }
    }
    double[] a = new double[p];
    double[] b = new double[seasonalP];
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.startsWith(prefix + "S.L")) {
        b[Integer.parseInt(name.substring(prefix.length() + 3)) / s - 1] = sign * estimates[i];
      } else if (name.startsWith(prefix + "L")) {
        a[Integer.parseInt(name.substring(prefix.length() + 1)) - 1] = sign * estimates[i];
      }
    }
    return LagPolynomialRoots.product(a, b, s);
  }
}
