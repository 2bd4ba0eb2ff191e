package io.gramian.estimation.models;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeriesFrame;
import io.gramian.estimation.model.ModelData;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The series of the reference cases, from the datasets bundled with Gramian (copies of the
 * project's shared reference data; see the datasets README):
 *
 * <ul>
 *   <li>Nile: annual flow at Aswan, 1871–1970 (Durbin &amp; Koopman 2012).
 *   <li>NileNA: the Nile with observations 21–40 and 61–80 missing (R's {@code StructTS} and {@code
 *       KalmanLike} examples).
 *   <li>ln KSI: log of UK car drivers killed or seriously injured, 1969–1984 ({@code drivers} of
 *       seatbelts.csv), with the regressors of Commandeur &amp; Koopman (2007): {@code petrol} =
 *       log(PetrolPrice) and {@code law}, the seat-belt law dummy (1 from February 1983).
 *   <li>unemp: US unemployment rate, quarterly 1959Q1–2009Q3 (us_macro_quarterly.csv), with the
 *       regressor {@code log_realgdp} = log(realgdp) of statsmodels' KFAS test.
 * </ul>
 */
final class ReferenceSeries {

  private ReferenceSeries() {}

  static ModelData nile() {
    return ModelData.of(Datasets.nile().values());
  }

  /** The Nile with observations 21–40 and 61–80 (1-based) missing. */
  static ModelData nileNA() {
    double[] y = Datasets.nile().values();
    for (int t = 20; t < 40; t++) {
      y[t] = Double.NaN;
    }
    for (int t = 60; t < 80; t++) {
      y[t] = Double.NaN;
    }
    return ModelData.of(y);
  }

  /** ln KSI with the named regressors among {@code petrol} and {@code law}. */
  /** ln AirPassengers (monthly, 1949–1960). */
  static ModelData lnAirPassengers() {
    return ModelData.of(log(Datasets.airPassengers().values()));
  }

  static ModelData lnKsi(String... exog) {
    TimeSeriesFrame seatbelts = Datasets.seatbelts();
    double[] y = log(seatbelts.column("drivers").values());
    double[][] columns = new double[exog.length][];
    for (int j = 0; j < exog.length; j++) {
      switch (exog[j]) {
        case "petrol":
          columns[j] = log(seatbelts.column("PetrolPrice").values());
          break;
        case "law":
          columns[j] = seatbelts.column("law").values();
          break;
        default:
          throw new IllegalArgumentException("no regressor " + exog[j]);
      }
    }
    return withExog(y, columns, List.of(exog));
  }

  static ModelData unemp() {
    return ModelData.of(Datasets.usMacroQuarterly().column("unemp").values());
  }

  /** unemp with the regressor {@code log_realgdp}. */
  static ModelData unempWithLogRealGdp() {
    TimeSeriesFrame macro = Datasets.usMacroQuarterly();
    return withExog(
        macro.column("unemp").values(),
        new double[][] {log(macro.column("realgdp").values())},
        List.of("log_realgdp"));
  }

  /** Population variance of the observed values of the series. */
  static double variance(ModelData data) {
    return StartValues.variance(data.observed(0));
  }

  static ModelData withExog(double[] y, double[][] columns, List<String> names) {
    DMatrixRMaj X = new DMatrixRMaj(y.length, columns.length);
    for (int j = 0; j < columns.length; j++) {
      for (int t = 0; t < y.length; t++) {
        X.set(t, j, columns[j][t]);
      }
    }
    return new ModelData(new DMatrixRMaj(y.length, 1, true, y), X, new ArrayList<>(names));
  }

  private static double[] log(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.log(x[i]);
    }
    return y;
  }
}
