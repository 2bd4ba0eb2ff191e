package io.gramian.estimation.diagnostics;

import java.time.LocalDateTime;

/**
 * The header block of {@link SummaryTable}: what statsmodels' {@code MLEResults.summary()} prints
 * above the parameter table.
 *
 * @param title the centred first line, at most 78 characters (statsmodels: "Statespace Model
 *     Results", or e.g. "Unobserved Components Results")
 * @param dependentVariable "Dep. Variable", the series' name
 * @param modelName "Model", e.g. {@code local level}
 * @param date "Date" and "Time": when the summary was made, passed in (never read from the clock
 *     here) so output is reproducible
 * @param firstLabel "Sample", the first period's label (e.g. {@code 1871})
 * @param lastLabel the last period's label, printed below it as {@code - 1970}
 * @param nobs "No. Observations", the number of periods T (missing ones included)
 * @param logLikelihood "Log Likelihood" ℓ
 * @param criteria AIC, BIC and HQIC
 * @param covarianceType "Covariance Type"
 */
public record SummaryHeader(
    String title,
    String dependentVariable,
    String modelName,
    LocalDateTime date,
    String firstLabel,
    String lastLabel,
    int nobs,
    double logLikelihood,
    InformationCriteria criteria,
    CovarianceType covarianceType) {

  /** Validates the header. */
  public SummaryHeader {
    requireText(title, "title");
    if (title.length() > SummaryTable.WIDTH) {
      throw new IllegalArgumentException(
          "summary header: the title is longer than " + SummaryTable.WIDTH + " characters");
    }
    requireText(dependentVariable, "dependent variable");
    requireText(modelName, "model name");
    requireText(firstLabel, "first sample label");
    requireText(lastLabel, "last sample label");
    if (date == null || criteria == null || covarianceType == null) {
      throw new IllegalArgumentException(
          "summary header: date, criteria and covariance type must not be null");
    }
    if (nobs < 1) {
      throw new IllegalArgumentException("summary header: nobs " + nobs + " is below 1");
    }
    if (!Double.isFinite(logLikelihood)) {
      throw new IllegalArgumentException(
          "summary header: the log-likelihood must be finite, got " + logLikelihood);
    }
  }

  private static void requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("summary header: the " + what + " must not be blank");
    }
    if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "summary header: the " + what + " must be one line, got " + s);
    }
  }
}
