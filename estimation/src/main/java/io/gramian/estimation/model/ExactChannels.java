package io.gramian.estimation.model;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.kalman.SystemMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Any model of several series with some columns observed exactly and some defined by linear
 * identities. The inner model describes the p₀ series it names; the wrapper's series are those,
 * then the identities' totals (ny = p₀ + number of totals). With A (ny × p₀) the rows of the
 * identity map (row j = e_j for an inner series, Σ_i s_i e_{part i} for a total) and E (ny × ny)
 * the diagonal mask with 0 for an exact series and 1 otherwise:
 *
 * <pre>
 *   H' = A H,   d' = A d,   cholR' = E A cholR,   F, c, cholQ, m0, cholP0, cholPinf unchanged
 * </pre>
 *
 * so an exact series has no observation noise (its row of cholR is zero: R singular, which the
 * square-root filter takes as it is and the masked rule differentiates exactly), and a total's H
 * row, d and cholR row are the signed sums of its parts' (total_t = Σ s_i part_{i,t} holds in the
 * model exactly). The wrapper's matrices are the inner ones times constants on the tape, so the
 * gradient stays the inner model's, pulled back exactly.
 *
 * <p>Where a total and all its parts are observed the total adds nothing: its innovation is the
 * signed sum of the parts', so the joint innovation covariance is singular and the density is that
 * of the parts. {@link #prepare} checks the data there (the total must equal the signed sum of its
 * parts to {@link #IDENTITY_RELATIVE}, else an error naming the row) and leaves the total out of
 * that step. Where a part is missing the total is observed and tells the filter the missing part.
 *
 * <p>An inner parameter that only enters the noise of exact series (a dynamic factor model's {@code
 * sigma2.A} for an exact A) no longer changes the likelihood; {@link
 * #silencedParameters(ModelData)} finds such parameters, to be held fixed at 0. Models whose
 * observations carry no noise of their own (a VAR: cholR = 0) observe every column exactly already,
 * and {@code exact} changes nothing for them.
 */
public final class ExactChannels implements SeveralSeriesModel {

  /**
   * A total and the signed sum of its parts may differ by this much relative to the larger of their
   * magnitudes (and 1): decimal data read from text round at about 1e-16 relative per value.
   */
  public static final double IDENTITY_RELATIVE = 1e-9;

  /**
   * The relative change of one parameter that {@link #silencedParameters} looks for in the
   * matrices: any nonzero change shows in the entries a parameter enters; a small one keeps an
   * autoregression near its stationary start value stationary.
   */
  private static final double PROBE_STEP = 1e-6;

  private final SeveralSeriesModel inner;
  private final List<String> series;
  private final List<ObservationIdentity> identities;
  private final boolean[] exact;
  private final DMatrixRMaj identityMap; // A, ny × p0
  private final DMatrixRMaj maskedMap; // E A, ny × p0

  /**
   * @param inner the model of the series that are not totals
   * @param exactSeries series of the inner model observed without noise
   * @param identities the totals, each a series not among the inner model's, defined by inner
   *     series
   * @throws IllegalArgumentException when an exact series or a part is not one of the inner model's
   *     series, a total is one of them or repeats, or a series is named exact twice
   */
  public ExactChannels(
      SeveralSeriesModel inner, List<String> exactSeries, List<ObservationIdentity> identities) {
    this.inner = inner;
    this.identities = List.copyOf(identities);
    List<String> names = new ArrayList<>(inner.series());
    int p0 = names.size();
    for (ObservationIdentity identity : this.identities) {
      if (names.contains(identity.total())) {
        throw new IllegalArgumentException(
            "the total "
                + identity.total()
                + " of "
                + identity
                + " is also "
                + (inner.series().contains(identity.total())
                    ? "a series of the model; a total is defined by its parts"
                    : "the total of another identity"));
      }
      for (String part : identity.parts()) {
        if (!inner.series().contains(part)) {
          throw new IllegalArgumentException(
              "the part "
                  + part
                  + " of "
                  + identity
                  + " is not one of the modelled series "
                  + inner.series());
        }
      }
      names.add(identity.total());
    }
    this.series = List.copyOf(names);
    int ny = series.size();
    this.exact = new boolean[ny];
    for (String name : exactSeries) {
      int j = inner.series().indexOf(name);
      if (j < 0) {
        throw new IllegalArgumentException(
            series.contains(name)
                ? "the total "
                    + name
                    + " cannot be exact itself: it is exact when its parts are (name them)"
                : "the exact series " + name + " is not one of the series " + series);
      }
      if (exact[j]) {
        throw new IllegalArgumentException("the exact series " + name + " is named twice");
      }
      exact[j] = true;
    }
    identityMap = new DMatrixRMaj(ny, p0);
    for (int j = 0; j < p0; j++) {
      identityMap.set(j, j, 1);
    }
    for (int k = 0; k < this.identities.size(); k++) {
      ObservationIdentity identity = this.identities.get(k);
      for (int i = 0; i < identity.parts().size(); i++) {
        identityMap.set(
            p0 + k, inner.series().indexOf(identity.parts().get(i)), identity.signs().get(i));
      }
    }
    maskedMap = identityMap.copy();
    for (int j = 0; j < p0; j++) {
      if (exact[j]) {
        for (int c = 0; c < p0; c++) {
          maskedMap.set(j, c, 0);
        }
      }
    }
    // a total's noise row is the signed sum of its parts' masked rows
    for (int k = 0; k < this.identities.size(); k++) {
      for (int c = 0; c < p0; c++) {
        double v = 0;
        for (int j = 0; j < p0; j++) {
          v += identityMap.get(p0 + k, j) * maskedMap.get(j, c);
        }
        maskedMap.set(p0 + k, c, v);
      }
    }
  }

  /** The model of the series that are not totals. */
  public SeveralSeriesModel inner() {
    return inner;
  }

  /** The identities, in order. */
  public List<ObservationIdentity> identities() {
    return identities;
  }

  /** The series observed exactly, in the data's order. */
  public List<String> exactSeries() {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < series.size(); j++) {
      if (exact[j]) {
        names.add(series.get(j));
      }
    }
    return names;
  }

  @Override
  public String name() {
    return inner.name();
  }

  /** The inner model's series, then the totals. */
  @Override
  public List<String> series() {
    return series;
  }

  @Override
  public String signalName() {
    return inner.signalName();
  }

  @Override
  public boolean takesRegressors() {
    return inner.takesRegressors();
  }

  @Override
  public List<ParameterBlock> parameterBlocks() {
    return inner.parameterBlocks();
  }

  @Override
  public ModelSize size() {
    return inner.size();
  }

  @Override
  public double[] startParameters(ModelData data) {
    return inner.startParameters(innerData(data));
  }

  @Override
  public ModelMatrices build(Var[] values, ModelData data) {
    ModelMatrices m = inner.build(values, innerData(data));
    Tape tape = values.length > 0 ? values[0].tape() : m.F().tape();
    Var A = tape.constant(identityMap);
    Var EA = tape.constant(maskedMap);
    return new ModelMatrices(
        m.vars()
            .map(
                (which, v) ->
                    switch (which) {
                      case H, d -> A.times(v);
                      case cholR -> EA.times(v);
                      default -> v;
                    }));
  }

  /**
   * The data the likelihood is computed on: the totals left out (NaN) where they and all their
   * parts are observed, after checking the identity holds there.
   *
   * @throws IllegalArgumentException naming the row and the series where a total differs from the
   *     signed sum of its parts, or when the inner model would change the data itself
   *     (differencing) or varies with time through regressors (not supported yet)
   */
  @Override
  public ModelData prepare(ModelData data) {
    requireColumns(data);
    ModelData innerData = innerData(data);
    if (inner.prepare(innerData) != innerData) {
      throw new IllegalArgumentException(
          "exact series and identities go with models that take the data as they are; "
              + inner.name()
              + " transforms them first");
    }
    Tape tape = new Tape();
    double[] start = inner.startParameters(innerData);
    Var[] values = new Var[start.length];
    for (int i = 0; i < start.length; i++) {
      values[i] = tape.constant(isVariance(i) ? Math.sqrt(start[i]) : start[i]);
    }
    ModelMatrices built = inner.build(values, innerData);
    if (!inner.system(built, innerData).isTimeInvariant()) {
      throw new IllegalArgumentException(
          "exact series and identities go with time-invariant models; "
              + inner.name()
              + " varies with time through its regressors");
    }
    requireObservationNoise(built.cholR().value());
    if (identities.isEmpty()) {
      return data;
    }
    DMatrixRMaj y = data.y().copy();
    int p0 = inner.series().size();
    for (int t = 0; t < y.numRows; t++) {
      for (int k = 0; k < identities.size(); k++) {
        double total = y.get(t, p0 + k);
        if (Double.isNaN(total)) {
          continue;
        }
        double sum = 0;
        double scale = Math.max(1, Math.abs(total));
        boolean complete = true;
        for (int j = 0; j < p0; j++) {
          double a = identityMap.get(p0 + k, j);
          if (a != 0) {
            double part = y.get(t, j);
            complete &= !Double.isNaN(part);
            sum += a * part;
            scale = Math.max(scale, Math.abs(part));
          }
        }
        if (!complete) {
          continue;
        }
        if (Math.abs(total - sum) > IDENTITY_RELATIVE * scale) {
          throw new IllegalArgumentException(
              "the identity "
                  + identities.get(k)
                  + " does not hold at row "
                  + (t + 1)
                  + ": "
                  + series.get(p0 + k)
                  + " is "
                  + total
                  + " but "
                  + identities.get(k).toString().substring(series.get(p0 + k).length() + 1)
                  + " is "
                  + sum);
        }
        y.set(t, p0 + k, Double.NaN);
      }
    }
    return new ModelData(y, data.exog(), data.exogNames());
  }

  /**
   * Refuses an exact series whose row of the inner cholR is zero already: its noise, if any, is
   * part of the state (a VAR's innovation, a dynamic factor model's autoregressive errors), so
   * zeroing the row would not make it exact.
   */
  private void requireObservationNoise(DMatrixRMaj cholR) {
    for (int j = 0; j < inner.series().size(); j++) {
      if (!exact[j]) {
        continue;
      }
      boolean zero = true;
      for (int c = 0; c < cholR.numCols; c++) {
        zero &= cholR.get(j, c) == 0;
      }
      if (zero) {
        throw new IllegalArgumentException(
            "the series "
                + series.get(j)
                + " has no observation noise of its own in model "
                + inner.name()
                + " (its noise, if any, is part of the state), so it cannot be made exact");
      }
    }
  }

  @Override
  public int loglikelihoodBurn(ModelData data) {
    return inner.loglikelihoodBurn(innerData(data));
  }

  @Override
  public List<String> stateNames(int nx) {
    return inner.stateNames(nx);
  }

  @Override
  public boolean isVariance(int i) {
    return inner.isVariance(i);
  }

  /**
   * The inner parameters that no matrix of this model depends on any more (they entered only the
   * noise of exact series), each with the value 0 to hold it at: found by changing each parameter
   * in turn from its start value and comparing every system matrix, entry for entry.
   */
  public Map<String, Double> silencedParameters(ModelData data) {
    double[] start = startParameters(data);
    List<String> names = parameterNames();
    SystemMatricesValues base = valuesAt(start, data);
    Map<String, Double> silenced = new LinkedHashMap<>();
    for (int i = 0; i < start.length; i++) {
      double[] moved = start.clone();
      moved[i] += PROBE_STEP * (Math.abs(moved[i]) + 1);
      if (valuesAt(moved, data).equals(base)) {
        silenced.put(names.get(i), 0.0);
      }
    }
    return silenced;
  }

  /** The system matrices' entries at natural values, for comparing two parameter points. */
  private record SystemMatricesValues(List<double[]> entries) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof SystemMatricesValues other) || other.entries.size() != entries.size()) {
        return false;
      }
      for (int i = 0; i < entries.size(); i++) {
        if (!Arrays.equals(entries.get(i), other.entries.get(i))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return entries.size();
    }
  }

  private SystemMatricesValues valuesAt(double[] natural, ModelData data) {
    Tape tape = new Tape();
    Var[] values = new Var[natural.length];
    for (int i = 0; i < natural.length; i++) {
      values[i] = tape.constant(isVariance(i) ? Math.sqrt(natural[i]) : natural[i]);
    }
    ModelMatrices m = build(values, data);
    List<double[]> entries = new ArrayList<>();
    for (SystemMatrix which : SystemMatrix.values()) {
      entries.add(m.vars().get(which).value().data.clone());
    }
    return new SystemMatricesValues(entries);
  }

  /** The inner model's columns (the first p₀) with the regressors. */
  private ModelData innerData(ModelData data) {
    requireColumns(data);
    int p0 = inner.series().size();
    if (p0 == series.size()) {
      return data;
    }
    DMatrixRMaj y = new DMatrixRMaj(data.length(), p0);
    for (int t = 0; t < y.numRows; t++) {
      for (int j = 0; j < p0; j++) {
        y.set(t, j, data.y().get(t, j));
      }
    }
    return new ModelData(y, data.exog(), data.exogNames());
  }

  private void requireColumns(ModelData data) {
    if (data.y().numCols != series.size()) {
      throw new IllegalArgumentException(
          "the model of the series "
              + series
              + " needs "
              + series.size()
              + " columns of data, not "
              + data.y().numCols);
    }
  }
}
