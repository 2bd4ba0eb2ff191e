package io.gramian.estimation.plot;

import io.gramian.datasets.TimeSeries;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.SmootherResult;
import io.gramian.kalman.StateSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * The table {@link StatesCsv} writes, an immutable value: per time, the observation, its one-step
 * prediction, and each state's filtered and smoothed mean and standard deviation. NaN marks a value
 * that is missing or undefined.
 *
 * @param times the time labels, such as {@code 1871} or {@code 1949-01}
 * @param observations y_t, NaN where missing
 * @param prediction the one-step prediction of y_t from y_0 … y_{t−1} and its standard deviation
 *     (noise included)
 * @param stateNames the states' names, one per state, all different
 * @param filtered per state, its filtered estimates (given y_0 … y_t)
 * @param smoothed per state, its smoothed estimates (given every observation)
 */
public record StateEstimates(
    List<String> times,
    double[] observations,
    Estimate prediction,
    List<String> stateNames,
    List<Estimate> filtered,
    List<Estimate> smoothed) {

  /** Copies the inputs and checks that the lengths agree and the state names differ. */
  public StateEstimates {
    times = List.copyOf(times);
    stateNames = List.copyOf(stateNames);
    filtered = List.copyOf(filtered);
    smoothed = List.copyOf(smoothed);
    Objects.requireNonNull(prediction, "prediction");
    observations = observations.clone();
    int n = times.size();
    if (observations.length != n || prediction.length() != n) {
      throw new IllegalArgumentException(
          "the states table has "
              + n
              + " times, "
              + observations.length
              + " observations and "
              + prediction.length()
              + " predictions");
    }
    int nx = stateNames.size();
    if (filtered.size() != nx || smoothed.size() != nx) {
      throw new IllegalArgumentException(
          "the states table has "
              + nx
              + " state names, "
              + filtered.size()
              + " filtered and "
              + smoothed.size()
              + " smoothed states");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < nx; i++) {
      String name = stateNames.get(i);
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("state " + (i + 1) + " has no name");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            "two states are named \""
                + name
                + "\"; the columns of the states table need "
                + "different names");
      }
      if (filtered.get(i).length() != n || smoothed.get(i).length() != n) {
        throw new IllegalArgumentException(
            "state "
                + name
                + " has "
                + filtered.get(i).length()
                + " filtered and "
                + smoothed.get(i).length()
                + " smoothed estimates for "
                + n
                + " times");
      }
    }
  }

  @Override
  public double[] observations() {
    return observations.clone();
  }

  /**
   * The table of a filter and smoother run on a univariate series. The prediction is row 0 of H_t
   * m⁻_t + d_t with variance H_t P⁻_t H_tᵀ + R_t. Left out (NaN), because they depend on the
   * arbitrary initial mean rather than the data: the prediction at diffuse steps ({@link
   * FilterResult#isDiffuse}), and the filtered states while some diffuse initial direction is not
   * yet identified by the observations so far.
   *
   * @param series the data the filter ran on (its labels and values)
   * @param system the system the filter ran with
   * @param filter the filter's output
   * @param smoother the smoother's output
   * @param stateNames the states' names, one per state ({@code StateSpaceModel#stateNames})
   */
  public static StateEstimates of(
      TimeSeries series,
      StateSpace system,
      FilterResult filter,
      SmootherResult smoother,
      List<String> stateNames) {
    int T = filter.steps();
    int nx = filter.nx();
    if (series.length() != T) {
      throw new IllegalArgumentException(
          "the series \""
              + series.name()
              + "\" has "
              + series.length()
              + " observations but the filter ran over "
              + T
              + " steps");
    }
    if (smoother.steps() != T) {
      throw new IllegalArgumentException(
          "the smoother ran over " + smoother.steps() + " steps but the filter over " + T);
    }
    if (stateNames.size() != nx) {
      throw new IllegalArgumentException(stateNames.size() + " state names for " + nx + " states");
    }
    double[] pm = new double[T];
    double[] ps = new double[T];
    double[][] fm = new double[nx][T];
    double[][] fs = new double[nx][T];
    double[][] sm = new double[nx][T];
    double[][] ss = new double[nx][T];
    for (int t = 0; t < T; t++) {
      if (filter.isDiffuse(t)) {
        pm[t] = Double.NaN;
        ps[t] = Double.NaN;
      } else {
        DMatrixRMaj H = system.H(t);
        double[] h = StateMoments.row(H, 0);
        pm[t] = StateMoments.mean(h, filter.predictedMean(t)) + system.d(t).get(0, 0);
        ps[t] =
            Math.sqrt(
                StateMoments.variance(h, filter.predictedFactor(t))
                    + StateMoments.rowVariance(system.cholR(t), 0));
      }
      boolean identified = StateMoments.filteredIdentified(filter, t);
      double[] m = filter.filteredMean(t);
      double[] s = StateMoments.rowNorms(filter.filteredFactor(t));
      double[] msm = smoother.smoothedMean(t);
      double[] ssd = smoother.smoothedStd(t);
      for (int i = 0; i < nx; i++) {
        fm[i][t] = identified ? m[i] : Double.NaN;
        fs[i][t] = identified ? s[i] : Double.NaN;
        sm[i][t] = msm[i];
        ss[i][t] = ssd[i];
      }
    }
    Estimate[] filtered = new Estimate[nx];
    Estimate[] smoothed = new Estimate[nx];
    for (int i = 0; i < nx; i++) {
      filtered[i] = new Estimate(fm[i], fs[i]);
      smoothed[i] = new Estimate(sm[i], ss[i]);
    }
    return new StateEstimates(
        series.index().labels(),
        series.values(),
        new Estimate(pm, ps),
        stateNames,
        List.of(filtered),
        List.of(smoothed));
  }
}
