package io.gramian.estimation.cli;

import io.gramian.estimation.diagnostics.CovarianceType;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The estimation options of {@code fit} and {@code fit-many}: held parameters, standard errors. */
final class EstimationOptions {

  @Option(
      names = "--cov-type",
      paramLabel = "TYPE",
      defaultValue = "opg",
      description = "Standard errors: opg, oim or robust (default: ${DEFAULT-VALUE}).")
  String covType;

  @Option(
      names = "--fix",
      split = ",",
      paramLabel = "NAME=VALUE",
      description =
          "Hold parameters at these natural-scale values (a variance may be held at 0);"
              + " the others are estimated.")
  List<String> fix;

  /** The values held fixed, by parameter name (empty when none). */
  Map<String, Double> fixed() {
    return fix == null ? Map.of() : NameValueList.parse("--fix", fix);
  }

  /** How standard errors are computed. */
  CovarianceType covarianceType() {
    return CovarianceType.parse(covType);
  }
}
