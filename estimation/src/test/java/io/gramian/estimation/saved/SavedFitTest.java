package io.gramian.estimation.saved;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeriesFrame;
import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.batch.SeriesTransform;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.results.SeriesForecast;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fit written as a gramian-fit file and read back: the same numbers, the same forecast. */
class SavedFitTest {

  @TempDir Path dir;

  private static final ModelSpec AIRLINE =
      ModelSpec.named("arima").withOrder("0,1,1").withSeasonalOrder("0,1,1,12");

  /** The airline model fitted once to log air passengers, and its saved form. */
  private static final FitResult FIT;

  private static final SavedFit SAVED;

  static {
    TimeSeriesFrame frame = Datasets.load("air_passengers");
    SavedData data = SavedData.of(frame, "air_passengers.csv", "passengers", List.of());
    ModelData modelData =
        new ModelData(
            SeriesTransform.LOG.apply(frame.column("passengers")),
            new org.ejml.data.DMatrixRMaj(frame.length(), 0),
            List.of());
    FIT = MaximumLikelihood.fit(AIRLINE.create(), modelData, FitOptions.defaults());
    SAVED = SavedFit.of(AIRLINE, SeriesTransform.LOG, Map.of(), data, List.of(), FIT);
  }

  @Test
  void readsBackWhatItWrites() throws Exception {
    SavedFit saved = SAVED;
    Path file = dir.resolve("air.fit.json");
    saved.write(file);
    SavedFit back = SavedFit.read(file);
    assertEquals(AIRLINE, back.model());
    assertEquals(SeriesTransform.LOG, back.transform());
    assertEquals(List.of("ma.L1", "ma.S.L12", "sigma2"), back.parameterNames());
    assertArrayEquals(FIT.estimates(), back.estimates());
    assertArrayEquals(FIT.standardErrors(), back.standardErrors());
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(FIT.parameterCovariance()[i], back.covariance()[i]);
      // the covariance's diagonal is the square of the standard errors
      assertEquals(
          FIT.standardErrors()[i] * FIT.standardErrors()[i],
          back.covariance()[i][i],
          1e-12 * back.covariance()[i][i]);
    }
    assertEquals(FIT.logLikelihood(), back.logLikelihood());
    assertEquals("monthly", back.data().frequency());
    assertEquals("1949-01", back.data().time().get(0));
    assertEquals(144, back.data().nobs());
    assertEquals(saved.toJson(), back.toJson());
  }

  @Test
  void forecastsFromTheSavedDataAsTheFitDid() {
    SavedFit saved = SavedFit.fromJson(SAVED.toJson(), "air.fit.json");
    SeriesForecast direct = FIT.forecast(12, 80, 95);
    SeriesForecast again = saved.forecast(saved.savedData(), 12, 80, 95);
    assertArrayEquals(direct.mean(), again.mean()); // the same bits
    assertArrayEquals(direct.standardError(), again.standardError());
    assertEquals(direct.periods(), again.periods());
  }

  @Test
  void refusesOtherFilesAndNewerVersions() {
    String text = SAVED.toJson();
    JsonFormatException e =
        assertThrows(
            JsonFormatException.class,
            () -> SavedFit.fromJson(text.replace("\"version\": 1", "\"version\": 2"), "f.json"));
    assertTrue(
        e.getMessage().startsWith("f.json is a gramian-fit of version 2, newer"), e.getMessage());
    e =
        assertThrows(
            JsonFormatException.class,
            () -> SavedFit.fromJson(text.replace("gramian-fit", "other"), "f.json"));
    assertTrue(e.getMessage().startsWith("f.json is not a saved Gramian fit"), e.getMessage());
    e =
        assertThrows(
            JsonFormatException.class,
            () -> SavedFit.fromJson(text.replace("\"std_errors\"", "\"stderr\""), "f.json"));
    assertEquals("f.json: the field \"std_errors\" is missing", e.getMessage());
  }
}
