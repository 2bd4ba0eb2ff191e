package io.gramian.estimation.batch;

import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.fit.ConstantSeries;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelSizeException;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.results.ForecastStep;
import io.gramian.estimation.results.Interval;
import io.gramian.estimation.results.OriginalScaleForecast;
import io.gramian.estimation.results.OriginalScaleStep;
import io.gramian.estimation.results.SeriesForecast;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One model specification fitted to many series, each by {@link MaximumLikelihood#fit} on its own,
 * on a pool of threads.
 *
 * <pre>{@code
 * BatchFit batch = new BatchFit(FitSpec.of(ModelSpec.named("local-level")).withForecast(12));
 * List<SeriesResult> results = batch.fitAll(series, 4);            // in the order given
 * batch.fitAll(iterator, 4, r -> out.println(ResultsTable.csvRow(r, batch.parameterNames())));
 * }</pre>
 *
 * <p>A series that cannot be fitted (too short for the model, all missing, constant, a value the
 * transform cannot take, a computation that fails) is a {@link SeriesResult} with status {@code
 * failed} and a one-line reason, never an exception that stops the batch. A series whose optimiser
 * did not converge is ok, with {@code converged} false.
 *
 * <p>Each series is fitted by one thread from start to end, with a model and workspaces of its own,
 * and the results are delivered in the order of the input: they are the same, to the last bit,
 * whatever the number of threads and however the threads are scheduled.
 *
 * <p>Thread-safe: a {@code BatchFit} holds only its immutable specification; {@link #fit} may be
 * called from any number of threads at once, and so may {@link #fitAll} (each call runs its own
 * pool).
 */
public final class BatchFit {

  /**
   * Series in flight per thread when streaming: enough that a thread rarely waits for a slow series
   * ahead of it to be delivered, few enough that memory holds a handful of series per thread.
   */
  static final int IN_FLIGHT_PER_THREAD = 8;

  private final FitSpec spec;
  private final List<String> parameterNames;

  /**
   * A batch fitting {@code spec}'s model.
   *
   * @throws IllegalArgumentException naming the option, when the specification does not describe a
   *     model, or fixes a parameter the model does not have
   */
  public BatchFit(FitSpec spec) {
    this.spec = spec;
    if (!spec.model().components().exogVarying().isEmpty()) {
      throw new IllegalArgumentException(
          "--exog-varying needs regressor columns, which fitting many series does not read");
    }
    StateSpaceModel model = spec.model().create();
    this.parameterNames = List.copyOf(model.parameterNames());
    for (String name : spec.fixed().keySet()) {
      if (!parameterNames.contains(name)) {
        throw new IllegalArgumentException(
            "--fix names "
                + name
                + ", which is not a parameter of "
                + spec.model().spelling()
                + "; its parameters are "
                + String.join(", ", parameterNames));
      }
    }
  }

  /** The specification every series is fitted with. */
  public FitSpec spec() {
    return spec;
  }

  /** The model's parameters, statsmodels' names, in its order: the columns of the results. */
  public List<String> parameterNames() {
    return parameterNames;
  }

  /** The number of threads to use by default: one per processor the JVM may use. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Fits one series, on the calling thread. Its id is the series' name; its forecast periods
   * continue its time index.
   *
   * @return ok with the fit, or failed with a one-line reason; never throws for the data
   */
  public SeriesResult fit(TimeSeries series) {
    String id = series.name();
    int nobs = series.length();
    try {
      TimeSeries y = spec.transform().apply(series);
      if (y.observedCount() == 0) {
        return SeriesResult.failed(id, nobs, "the series has no observed value");
      }
      ModelData data = ModelData.of(y);
      double constant = ConstantSeries.constantValue(data);
      if (!Double.isNaN(constant)) {
        return SeriesResult.failed(
            id,
            nobs,
            String.format(
                Locale.ROOT,
                "the series is constant (all %d observed values are %s): the likelihood has no"
                    + " maximum",
                y.observedCount(),
                Double.toString(constant)));
      }
      StateSpaceModel model = spec.model().create();
      FitOptions options = spec.fitOptions();
      FitResult fit;
      try {
        fit = MaximumLikelihood.fit(model, data, options);
      } catch (ModelSizeException e) {
        throw e.withSubject(spec.model().spelling());
      }
      return SeriesResult.ok(id, nobs, summary(fit));
    } catch (RuntimeException e) {
      return SeriesResult.failed(id, nobs, reason(e));
    }
  }

  /**
   * Fits every series on {@code threads} threads; the results in the order of {@code series}.
   *
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public List<SeriesResult> fitAll(List<TimeSeries> series, int threads) {
    List<SeriesResult> results = new ArrayList<>(series.size());
    fitAll(series.iterator(), threads, results::add);
    return results;
  }

  /**
   * Fits the series {@code series} yields on {@code threads} threads, and hands each result to
   * {@code sink} on the calling thread, in the order of the input, as soon as it and every result
   * before it are done. At most {@value #IN_FLIGHT_PER_THREAD} series per thread are read ahead, so
   * memory does not grow with the number of series. {@code series} is read on the calling thread.
   *
   * <p>An exception from {@code series} (bad input) or from {@code sink} stops the batch: the
   * series in flight are abandoned and the exception propagates.
   *
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public void fitAll(Iterator<TimeSeries> series, int threads, Consumer<SeriesResult> sink) {
    if (threads < 1) {
      throw new IllegalArgumentException(
          "the number of threads must be at least 1, got " + threads);
    }
    if (threads == 1) {
      while (series.hasNext()) {
        sink.accept(fit(series.next()));
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    Deque<Future<SeriesResult>> inFlight = new ArrayDeque<>();
    int window = threads * IN_FLIGHT_PER_THREAD;
    try {
      while (series.hasNext() || !inFlight.isEmpty()) {
        while (inFlight.size() < window && series.hasNext()) {
          TimeSeries next = series.next();
          inFlight.addLast(pool.submit(() -> fit(next)));
        }
        sink.accept(await(inFlight.removeFirst()));
      }
    } finally {
      for (Future<SeriesResult> f : inFlight) {
        f.cancel(true);
      }
      pool.shutdownNow();
    }
  }

  /** The result of a fit in flight; {@link #fit} returns rather than throws, Errors excepted. */
  private static SeriesResult await(Future<SeriesResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("the batch was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("a fit threw " + cause, cause);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "gramian-batch-fit-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * What a batch keeps of a fit: the numbers, and the forecast (95% interval) when asked for. A
   * standard error the fit leaves undefined stays NaN.
   */
  private SeriesFit summary(FitResult fit) {
    List<ForecastPoint> forecast = new ArrayList<>();
    int horizon = spec.forecastHorizon();
    if (horizon > 0) {
      SeriesForecast modelled = fit.forecast(horizon);
      OptionalDouble base = spec.transform().logBase();
      OriginalScaleForecast original =
          base.isPresent() ? modelled.originalScale(base.getAsDouble()) : null;
      for (ForecastStep step : modelled.steps()) {
        Interval interval = step.widest();
        if (original == null) {
          forecast.add(
              new ForecastPoint(
                  step.step(), step.period(), step.mean(), interval.lower(), interval.upper()));
        } else {
          OriginalScaleStep back = original.step(step.step());
          forecast.add(
              new ForecastPoint(
                  step.step(),
                  step.period(),
                  step.mean(),
                  interval.lower(),
                  interval.upper(),
                  back.median(),
                  back.mean(),
                  back.widest().lower(),
                  back.widest().upper()));
        }
      }
    }
    return new SeriesFit(
        fit.logLikelihood(),
        fit.criteria().aic(),
        fit.criteria().bic(),
        fit.criteria().hqic(),
        fit.converged(),
        fit.iterations(),
        fit.parameterNames(),
        fit.estimates(),
        fit.standardErrors(),
        forecast);
  }

  /** The one-line reason for a failure: its message, or what failed when it has none. */
  private static String reason(RuntimeException e) {
    String message = e.getMessage();
    boolean expected = e instanceof IllegalArgumentException || e instanceof ArithmeticException;
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    message = message.lines().findFirst().orElse("").strip();
    return expected ? message : "internal error (" + e.getClass().getName() + "): " + message;
  }
}
