package io.gramian.estimation.arima;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeriesFrame;
import io.gramian.estimation.model.ModelData;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The series of the ARIMA reference cases, from the datasets bundled with Gramian (identical to the
 * project's shared reference data, see the datasets README):
 *
 * <ul>
 *   <li>Nile: annual flow at Aswan, 1871–1970; NileNA: the same with observations 21–40 and 61–80
 *       missing (R's {@code arima} and {@code StructTS} examples);
 *   <li>presidents: quarterly approval ratings 1945–1974, 6 missing values;
 *   <li>AirPassengers, in logs (natural and base 10): the airline model's series;
 *   <li>log10 of Seatbelts' {@code drivers} with R's regressors {@code kms} = log10(kms) − 4,
 *       {@code PetrolPrice} and {@code law} ({@code example(arima)}).
 * </ul>
 */
final class ArimaSeries {

  /** The regressor names of {@link #seatbelts()}. */
  static final List<String> SEATBELT_REGRESSORS = List.of("kms", "PetrolPrice", "law");

  private ArimaSeries() {}

  static ModelData nile() {
    return ModelData.of(Datasets.nile().values());
  }

  /** The Nile with observations 21–40 and 61–80 (1-based) missing. */
  static ModelData nileNA() {
    double[] y = Datasets.nile().values();
    for (int t = 20; t < 40; t++) {
      y[t] = Double.NaN;
      y[t + 40] = Double.NaN;
    }
    return ModelData.of(y);
  }

  static ModelData presidents() {
    return ModelData.of(Datasets.presidents().values());
  }

  static ModelData logAir() {
    return ModelData.of(Datasets.airPassengers().log().values());
  }

  static ModelData log10Air() {
    return ModelData.of(Datasets.airPassengers().log10().values());
  }

  /** log10(drivers) with the regressors log10(kms) − 4, PetrolPrice, law. */
  static ModelData seatbelts() {
    TimeSeriesFrame frame = Datasets.seatbelts();
    double[] y = frame.column("drivers").log10().values();
    double[] kms = frame.column("kms").log10().values();
    double[] petrol = frame.column("PetrolPrice").values();
    double[] law = frame.column("law").values();
    DMatrixRMaj exog = new DMatrixRMaj(y.length, 3);
    for (int t = 0; t < y.length; t++) {
      exog.set(t, 0, kms[t] - 4);
      exog.set(t, 1, petrol[t]);
      exog.set(t, 2, law[t]);
    }
    return new ModelData(new DMatrixRMaj(y.length, 1, true, y), exog, SEATBELT_REGRESSORS);
  }

  /**
   * A series by the names of {@code sarimax_exact_diffuse.csv}: data {@code nile}, {@code
   * air_passengers}, {@code presidents} or {@code seatbelts}, transform {@code none}, {@code log}
   * or {@code log10} (seatbelts is always {@link #seatbelts()}).
   */
  static ModelData byName(String data, String transform) {
    switch (data + "/" + transform) {
      case "nile/none":
        return nile();
      case "presidents/none":
        return presidents();
      case "air_passengers/log":
        return logAir();
      case "air_passengers/log10":
        return log10Air();
      case "seatbelts/log10":
        return seatbelts();
      default:
        throw new IllegalArgumentException("no series " + data + " with transform " + transform);
    }
  }
}
