package io.gramian.estimation.results;

import io.gramian.datasets.TimeSeries;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.SmootherResult;
import io.gramian.kalman.StateSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The filtered and smoothed states of a fit, an immutable value: per period, the observation, its
 * one-step prediction, the signal (the fitted observation without its noise, row 0 of H_t x_t +
 * d_t) filtered and smoothed, and each named state's filtered and smoothed mean and standard
 * deviation (its variance is {@link Estimate#variance(int) sd²}). NaN marks a value that is missing
 * or undefined: an observation that is missing, or a prediction or filtered estimate that depends
 * on the arbitrary initial mean of a diffuse state (see {@link #of}).
 *
 * <pre>
 *   prediction        H_t m⁻_t + d_t,   H_t P⁻_t H_tᵀ + R_t      (given y_0 … y_{t−1})
 *   filtered signal   H_t m⁺_t + d_t,   H_t P⁺_t H_tᵀ            (given y_0 … y_t)
 *   smoothed signal   H_t m^s_t + d_t,  H_t P^s_t H_tᵀ           (given y_0 … y_{T−1})
 *   state i           m_{t,i},          P_{t,ii}
 * </pre>
 *
 * @param times the time labels, such as {@code 1871} or {@code 1949-01}
 * @param observations y_t, NaN where missing
 * @param prediction the one-step prediction of y_t from y_0 … y_{t−1} and its standard deviation
 *     (noise included)
 * @param filteredSignal the signal H_t x_t + d_t given y_0 … y_t (noise excluded)
 * @param smoothedSignal the signal H_t x_t + d_t given all observations (noise excluded)
 * @param stateNames the states' names, one per state, all different
 * @param filtered per state, its filtered estimates (given y_0 … y_t)
 * @param smoothed per state, its smoothed estimates (given all observations)
 */
public record StateEstimates(
    List<String> times,
    double[] observations,
    Estimate prediction,
    Estimate filteredSignal,
    Estimate smoothedSignal,
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
    Objects.requireNonNull(filteredSignal, "filteredSignal");
    Objects.requireNonNull(smoothedSignal, "smoothedSignal");
    observations = observations.clone();
    int n = times.size();
    if (filteredSignal.length() != n || smoothedSignal.length() != n) {
      throw new IllegalArgumentException(
          "the states table has "
              + n
              + " times, "
              + filteredSignal.length()
              + " filtered and "
              + smoothedSignal.length()
              + " smoothed signal estimates");
    }
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

  /** The number of periods. */
  public int length() {
    return times.size();
  }

  /** The filtered estimates of the state named {@code name}. */
  public Estimate filtered(String name) {
    return filtered.get(indexOf(name));
  }

  /** The smoothed estimates of the state named {@code name}. */
  public Estimate smoothed(String name) {
    return smoothed.get(indexOf(name));
  }

  private int indexOf(String name) {
    int i = stateNames.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no state " + name + "; the states are " + stateNames);
    }
    return i;
  }

  /**
   * The table of a filter and smoother run on a univariate series. The prediction is row 0 of H_t
   * m⁻_t + d_t with variance H_t P⁻_t H_tᵀ + R_t. Left out (NaN), because they depend on the
   * arbitrary initial mean rather than the data: the prediction at diffuse steps ({@link
   * FilterResult#isDiffuse}), and the filtered states and signal while some diffuse initial
   * direction is not yet identified by the observations so far.
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
    double[][] signal = new double[4][T];
    double[][] fm = new double[nx][T];
    double[][] fs = new double[nx][T];
    double[][] sm = new double[nx][T];
    double[][] ss = new double[nx][T];
    for (int t = 0; t < T; t++) {
      if (filter.isDiffuse(t)) {
        pm[t] = Double.NaN;
        ps[t] = Double.NaN;
      } else {
        double[] h = StateMoments.row(system.H(t), 0);
        pm[t] = StateMoments.mean(h, filter.predictedMean(t)) + system.d(t).get(0, 0);
        ps[t] =
            Math.sqrt(
                StateMoments.variance(h, filter.predictedFactor(t))
                    + StateMoments.rowVariance(system.cholR(t), 0));
      }
      boolean identified = StateMoments.filteredIdentified(filter, t);
      double[] h = StateMoments.row(system.H(t), 0);
      double d = system.d(t).get(0, 0);
      signal[0][t] = identified ? StateMoments.mean(h, filter.filteredMean(t)) + d : Double.NaN;
      signal[1][t] =
          identified ? Math.sqrt(StateMoments.variance(h, filter.filteredFactor(t))) : Double.NaN;
      signal[2][t] = StateMoments.mean(h, smoother.smoothedMean(t)) + d;
      signal[3][t] = Math.sqrt(StateMoments.variance(h, smoother.smoothedFactor(t)));
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
        new Estimate(signal[0], signal[1]),
        new Estimate(signal[2], signal[3]),
        stateNames,
        List.of(filtered),
        List.of(smoothed));
  }
}
