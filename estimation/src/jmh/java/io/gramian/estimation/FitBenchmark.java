package io.gramian.estimation;

import io.gramian.datasets.Datasets;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ParameterLayout;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.models.UnobservedComponents;
import io.gramian.estimation.optim.Bfgs;
import io.gramian.estimation.optim.OptimizationResult;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Maximum-likelihood fits of three reference models, warm, each measured two ways:
 *
 * <ul>
 *   <li>{@code *Fit}: {@link MaximumLikelihood#fit} with {@link FitOptions#defaults()}, the whole
 *       call: BFGS with the exact gradient, then ℓ at the estimate, OPG standard errors (one
 *       tangent sweep per free parameter), the filter's output and the residual diagnostics;
 *   <li>{@code *Optimise}: BFGS alone on −ℓ/n in the unscaled θ (the {@link LogLikelihood}, the
 *       model's start values, {@link Bfgs} with the fit's options), the optimisation as the fit did
 *       it before it worked in scale-free coordinates: a comparison of the two's work. Setup prints
 *       both evaluation counts.
 * </ul>
 *
 * The models: the local level on the Nile (100 values), the basic structural model with a dummy
 * seasonal of period 12 on log UK driver deaths (KSI, 192 values), and the airline model
 * SARIMA(0,1,1)(0,1,1)12 on log AirPassengers (144 values, exactly diffuse differencing states).
 * Setup prints, once per trial, the fit's ℓ, iterations and evaluations (each evaluation is one ℓ
 * with its gradient: a forward filter sweep and a reverse sweep).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FitBenchmark {

  /** One model on its data, with one fit done in setup to report its work. */
  public abstract static class Case {
    StateSpaceModel model;
    ModelData data;
    FitOptions options;

    abstract String label();

    abstract StateSpaceModel model();

    abstract double[] series();

    @Setup(Level.Trial)
    public void setUp() {
      model = model();
      data = ModelData.of(series());
      options = FitOptions.defaults();
      FitResult fit = MaximumLikelihood.fit(model, data, options);
      OptimizationResult opt = optimise(model, data, options);
      System.out.printf(
          Locale.ROOT,
          "%n[FitBenchmark] %s: unscaled BFGS alone: %d evaluations,"
              + " %d iterations, converged %s%n",
          label(),
          opt.evaluations(),
          opt.iterations(),
          opt.converged());
      System.out.printf(
          Locale.ROOT,
          "%n[FitBenchmark] %s: %d free parameters, loglik %.6f, converged %s, iterations %d,"
              + " evaluations (loglik + gradient) %d, estimates %s%n",
          label(),
          opt.x().length,
          fit.logLikelihood(),
          fit.converged(),
          fit.iterations(),
          fit.evaluations(),
          estimates(fit));
    }
  }

  @State(Scope.Benchmark)
  public static class NileLocalLevel extends Case {
    @Override
    String label() {
      return "Nile local level";
    }

    @Override
    StateSpaceModel model() {
      return UnobservedComponents.localLevel();
    }

    @Override
    double[] series() {
      return Datasets.nile().values();
    }
  }

  @State(Scope.Benchmark)
  public static class KsiBsm extends Case {
    @Override
    String label() {
      return "ln KSI BSM (dummy seasonal 12)";
    }

    @Override
    StateSpaceModel model() {
      return UnobservedComponents.bsm(12, "dummy");
    }

    @Override
    double[] series() {
      return log(Datasets.ukDriverDeaths().values());
    }
  }

  @State(Scope.Benchmark)
  public static class Airline extends Case {
    @Override
    String label() {
      return "ln AirPassengers airline (0,1,1)(0,1,1)12";
    }

    @Override
    StateSpaceModel model() {
      return Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12));
    }

    @Override
    double[] series() {
      return log(Datasets.airPassengers().values());
    }
  }

  @Benchmark
  public FitResult nileLocalLevelFit(NileLocalLevel c) {
    return MaximumLikelihood.fit(c.model, c.data, c.options);
  }

  @Benchmark
  public OptimizationResult nileLocalLevelOptimise(NileLocalLevel c) {
    return optimise(c.model, c.data, c.options);
  }

  @Benchmark
  public FitResult ksiBsmFit(KsiBsm c) {
    return MaximumLikelihood.fit(c.model, c.data, c.options);
  }

  @Benchmark
  public OptimizationResult ksiBsmOptimise(KsiBsm c) {
    return optimise(c.model, c.data, c.options);
  }

  @Benchmark
  public FitResult airlineFit(Airline c) {
    return MaximumLikelihood.fit(c.model, c.data, c.options);
  }

  @Benchmark
  public OptimizationResult airlineOptimise(Airline c) {
    return optimise(c.model, c.data, c.options);
  }

  /**
   * The optimisation part of {@link MaximumLikelihood#fit} (no fixed parameters, the model's start
   * values): BFGS on the unconstrained θ, minimising −ℓ(θ)/n with the exact gradient.
   */
  static OptimizationResult optimise(StateSpaceModel model, ModelData data, FitOptions options) {
    LogLikelihood likelihood = new LogLikelihood(model, data, options.fixed(), options.rule());
    ParameterLayout layout = likelihood.layout();
    ModelData prepared = likelihood.data();
    double n = prepared.observedCount();
    double[] theta0 = layout.unconstrained(model.startParameters(prepared));
    return new Bfgs(options.optimizer())
        .minimize(
            (theta, gradient) -> {
              double ll = likelihood.valueAndGradient(theta, gradient);
              for (int i = 0; i < gradient.length; i++) {
                gradient[i] = -gradient[i] / n;
              }
              return -ll / n;
            },
            theta0,
            options.progress());
  }

  static double[] log(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.log(values[i]);
    }
    return out;
  }

  private static String estimates(FitResult fit) {
    StringBuilder s = new StringBuilder("{");
    double[] e = fit.estimates();
    for (int i = 0; i < e.length; i++) {
      s.append(i == 0 ? "" : ", ")
          .append(fit.parameterNames().get(i))
          .append('=')
          .append(String.format(Locale.ROOT, "%.6g", e[i]));
    }
    return s.append('}').toString();
  }
}
