package io.gramian.consumer;

import io.gramian.autodiff.TriaRule;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.fit.ParameterEstimate;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.models.UnobservedComponents;
import io.gramian.estimation.results.SeriesForecast;
import io.gramian.estimation.results.StateEstimates;
import io.gramian.kalman.Dimensions;
import io.gramian.kalman.SquareRootFilter;
import io.gramian.kalman.StateSpaceSystem;
import io.gramian.kalman.SystemGradient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * A program as a user of the library writes it, with the exported API only: build a system,
 * filter it, take its gradient, fit a model, and read the fit's summary, smoothed states and
 * forecast. It reads the Nile series (the CSV file named by its
 * one argument) with plain Java and prints {@code name=value} lines for the test to check.
 */
public final class LibraryConsumer {

  private LibraryConsumer() {}

  public static void main(String[] args) throws IOException {
    double[] nile = secondColumn(Path.of(args[0]));
    DMatrixRMaj y = new DMatrixRMaj(nile.length, 1, true, nile);

    // A local level with a proper prior, at fixed noise scales.
    double sigmaLevel = Math.sqrt(1469.1);
    StateSpaceSystem system = localLevel(sigmaLevel);
    SquareRootFilter filter = SquareRootFilter.forSystem(system);
    double loglik = filter.logLikelihood(system, y);

    SystemGradient gradient = new SystemGradient(Dimensions.of(system));
    double loglikAgain = filter.logLikelihoodGradient(system, y, TriaRule.MASKED, gradient);

    // The analytic derivative with respect to cholQ against a central difference.
    double h = 1e-4 * sigmaLevel;
    double difference =
        (filter.logLikelihood(localLevel(sigmaLevel + h), y)
                - filter.logLikelihood(localLevel(sigmaLevel - h), y))
            / (2 * h);

    FitResult fit =
        MaximumLikelihood.fit(
            UnobservedComponents.localLevel(), ModelData.of(nile), FitOptions.defaults());

    print("filter.loglikelihood", loglik);
    print("gradient.loglikelihood", loglikAgain);
    print("gradient.cholQ", gradient.cholQBar.get(0, 0));
    print("difference.cholQ", difference);
    // What gramian fit prints and writes, from the fit: summary, states, forecast.
    String summary = fit.summary();
    StateEstimates states = fit.states();
    SeriesForecast forecast = fit.forecast(10, 80, 95);
    ParameterEstimate level = fit.parameter("sigma2.level");

    print("fit.loglikelihood", fit.logLikelihood());
    print("fit.sigma2.level", level.estimate());
    print("fit.sigma2.level.se", level.standardError());
    print("fit.sigma2.level.lower95", level.confidenceInterval(95).lower());
    print("summary.sigma2_rows", summary.lines().filter(l -> l.startsWith("sigma2.")).count());
    print("states.smoothed.level.first", states.smoothed("level").mean(0));
    print("states.filtered.level.last", states.filtered("level").mean(nile.length - 1));
    print("forecast.mean.1", forecast.step(1).mean());
    print("forecast.se.1", forecast.step(1).standardError());
    print("forecast.lower80.1", forecast.step(1).interval(80).lower());
    print("forecast.upper95.10", forecast.step(10).interval(95).upper());
  }

  private static StateSpaceSystem localLevel(double sigmaLevel) {
    return StateSpaceSystem.builder()
        .F(scalar(1))
        .H(scalar(1))
        .cholQ(scalar(sigmaLevel))
        .cholR(scalar(Math.sqrt(15099.0)))
        .m0(scalar(1120))
        .cholP0(scalar(100))
        .build();
  }

  private static DMatrixRMaj scalar(double value) {
    return new DMatrixRMaj(new double[][] {{value}});
  }

  private static void print(String name, double value) {
    System.out.println(name + "=" + String.format(Locale.ROOT, "%.17g", value));
  }

  private static double[] secondColumn(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    return lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
  }
}
