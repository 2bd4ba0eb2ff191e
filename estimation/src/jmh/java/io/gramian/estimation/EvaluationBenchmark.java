package io.gramian.estimation;

import io.gramian.autodiff.TriaRule;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One evaluation of a fit, ℓ alone and ℓ with its exact gradient ({@link LogLikelihood#value},
 * {@link LogLikelihood#valueAndGradient}), at the maximum-likelihood estimates of the side-by-side
 * fits ({@code SideBySide.fits()}): the cost of the gradient against ℓ where a fit spends its time
 * (each of its evaluations is one ℓ with its gradient).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluationBenchmark {

  @Param({
    "nile_llevel",
    "ksi_bsm",
    "air_airline",
    "ksi_llevel_seasonal",
    "air_bsm_trig",
    "ksi_sarima_210_011"
  })
  public String model;

  private LogLikelihood logLikelihood;
  private double[] theta;
  private double[] gradient;

  @Setup(Level.Trial)
  public void setUp() {
    SideBySide.Fit fit = SideBySide.fits().get(model);
    ModelData data = ModelData.of(fit.series());
    double[] natural = MaximumLikelihood.fit(fit.model(), data, FitOptions.defaults()).estimates();
    logLikelihood = new LogLikelihood(fit.model(), data, Map.of(), TriaRule.MASKED);
    theta = logLikelihood.layout().unconstrained(natural);
    gradient = new double[theta.length];
  }

  @Benchmark
  public double logLikelihood() {
    return logLikelihood.value(theta);
  }

  @Benchmark
  public double logLikelihoodAndGradient() {
    return logLikelihood.valueAndGradient(theta, gradient);
  }
}
