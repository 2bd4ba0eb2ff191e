package io.gramian.estimation.select;

import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.model.ModelData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Fits candidates of one series on a fixed number of threads, each model once (a model asked for
 * again is its first fit). Each fit is deterministic and independent of the others, so the results
 * do not depend on the number of threads or on the order the fits finish in. Not thread-safe: one
 * search uses it from one thread.
 */
final class CandidatePool implements AutoCloseable {

  private final ModelData data;
  private final int period;
  private final ExecutorService executor;
  private final Map<ModelSpec, Future<Candidate>> fits = new HashMap<>();
  private final Consumer<Candidate> onFitted;
  private final int threads;

  /**
   * @param data the (transformed) series
   * @param period the search's seasonal period (1 for none)
   * @param threads at least 1
   * @param onFitted told of each candidate as the search takes it (progress), on the caller's
   *     thread
   */
  CandidatePool(ModelData data, int period, int threads, Consumer<Candidate> onFitted) {
    if (threads < 1) {
      throw new IllegalArgumentException(
          "the number of threads must be at least 1, got " + threads);
    }
    this.data = data;
    this.period = period;
    this.onFitted = onFitted;
    this.threads = threads;
    AtomicInteger count = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread t = new Thread(task, "gramian-select-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** The number of threads fitting. */
  int threads() {
    return threads;
  }

  /** Starts the fits of {@code specs} not yet started, without waiting. */
  void start(List<ModelSpec> specs, Candidate.Family family) {
    for (ModelSpec spec : specs) {
      fits.computeIfAbsent(
          spec, s -> executor.submit(() -> CandidateFit.of(s, family, data, period)));
    }
  }

  /** The candidate of {@code spec}, fitting it now if it was not started. */
  Candidate get(ModelSpec spec, Candidate.Family family) {
    start(List.of(spec), family);
    Candidate c = await(fits.get(spec));
    onFitted.accept(c);
    return c;
  }

  /** The candidates of {@code specs}, in their order, fitted in parallel. */
  List<Candidate> getAll(List<ModelSpec> specs, Candidate.Family family) {
    start(specs, family);
    List<Candidate> out = new ArrayList<>(specs.size());
    for (ModelSpec spec : specs) {
      out.add(get(spec, family));
    }
    return out;
  }

  private static Candidate await(Future<Candidate> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("the model search was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("a candidate's fit threw " + cause, cause);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
