package io.gramian.estimation.batch;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeIndex;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.results.ForecastStep;
import io.gramian.estimation.results.OriginalScaleForecast;
import io.gramian.estimation.results.OriginalScaleStep;
import io.gramian.estimation.results.SeriesForecast;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batch API: independent of the number of threads to the last bit, failures as results, the
 * published Nile fit reproduced inside a batch, a specification that survives serialisation.
 */
class BatchFitTest {

  /**
   * The Nile local level's exact-diffuse ℓ (statsmodels, KFAS); the fit reaches it to about 1e-9
   * relative, so 1e-6 absolute leaves room without hiding a wrong likelihood.
   */
  private static final double NILE_LOGLIK = -633.4645636362;

  private static final double NILE_LOGLIK_TOLERANCE = 1e-6;

  /** Seeded local-level series of 120 to 200 monthly periods, plus the Nile. */
  private static List<TimeSeries> series(int count, long seed) {
    Random random = new Random(seed);
    List<TimeSeries> list = new ArrayList<>();
    list.add(Datasets.nile().withName("nile"));
    for (int s = 0; s < count; s++) {
      int n = 120 + random.nextInt(81);
      double level = 100 * random.nextGaussian();
      double sigmaLevel = 0.2 + random.nextDouble();
      double sigmaIrregular = 0.5 + 2 * random.nextDouble();
      double[] y = new double[n];
      for (int t = 0; t < n; t++) {
        y[t] = level + sigmaIrregular * random.nextGaussian();
        level += sigmaLevel * random.nextGaussian();
      }
      list.add(TimeSeries.of("s" + s, TimeIndex.monthly(2000, 1, n), y));
    }
    return list;
  }

  @Test
  void oneAndFourThreadsGiveTheSameResultsToTheLastBit() {
    BatchFit batch = new BatchFit(FitSpec.of(ModelSpec.named("local-level")).withForecast(3));
    List<TimeSeries> input = series(24, 11);
    List<SeriesResult> one = batch.fitAll(input, 1);
    List<SeriesResult> four = batch.fitAll(input, 4);
    assertEquals(input.size(), one.size());
    for (int i = 0; i < input.size(); i++) {
      assertEquals(input.get(i).name(), four.get(i).id(), "input order");
      assertTrue(one.get(i).isOk(), one.get(i).toString());
      assertEquals(one.get(i), four.get(i), "series " + input.get(i).name());
    }
  }

  @Test
  void theNileInABatchIsThePublishedFit() {
    BatchFit batch = new BatchFit(FitSpec.of(ModelSpec.named("local-level")));
    SeriesResult nile = batch.fitAll(series(3, 5), 2).get(0);
    assertEquals("nile", nile.id());
    assertEquals(100, nile.nobs());
    SeriesFit fit = nile.fitted().orElseThrow();
    assertEquals(NILE_LOGLIK, fit.logLikelihood(), NILE_LOGLIK_TOLERANCE);
    assertEquals(List.of("sigma2.irregular", "sigma2.level"), batch.parameterNames());
    // AIC counts 2 parameters and 1 diffuse state (conventions)
    assertEquals(-2 * fit.logLikelihood() + 2 * 3, fit.aic(), 1e-9);
  }

  /**
   * A log batch's forecast on both scales is the single fit's: the modelled mean and 95% bounds and
   * their original-scale median, log-normal mean and bounds ({@code SeriesForecast.originalScale}),
   * to the last bit.
   */
  @Test
  void aLogBatchForecastsOnTheModelledAndTheOriginalScale() {
    FitSpec spec =
        FitSpec.of(ModelSpec.named("local-level"))
            .withTransform(SeriesTransform.LOG)
            .withForecast(4);
    TimeSeries air = Datasets.airPassengers().withName("air");
    SeriesFit batch = new BatchFit(spec).fit(air).fitted().orElseThrow();
    FitResult single =
        MaximumLikelihood.fit(spec.model().create(), ModelData.of(air.log()), spec.fitOptions());
    SeriesForecast modelled = single.forecast(4);
    OriginalScaleForecast original = modelled.originalScale(Math.E);
    assertEquals(4, batch.forecast().size());
    for (ForecastPoint p : batch.forecast()) {
      ForecastStep step = modelled.step(p.step());
      OriginalScaleStep back = original.step(p.step());
      assertEquals(step.mean(), p.mean(), 0.0);
      assertEquals(step.widest().lower(), p.lower(), 0.0);
      assertEquals(back.median(), p.originalMedian(), 0.0);
      assertEquals(back.mean(), p.originalMean(), 0.0);
      assertEquals(back.widest().lower(), p.originalLower(), 0.0);
      assertEquals(back.widest().upper(), p.originalUpper(), 0.0);
    }
    SeriesResult result = new BatchFit(spec).fit(air);
    assertEquals(
        ForecastsTable.columns(SeriesTransform.LOG).size(),
        ForecastsTable.cells(result, SeriesTransform.LOG).get(0).size());
  }

  @Test
  void seriesThatCannotBeFittedAreFailedResultsAndTheBatchGoesOn() {
    BatchFit batch =
        new BatchFit(
            FitSpec.of(ModelSpec.named("bsm").withSeasonal(12)).withTransform(SeriesTransform.LOG));
    double nan = Double.NaN;
    List<TimeSeries> input = new ArrayList<>();
    input.add(TimeSeries.of("short", 1, 2, 3));
    input.add(TimeSeries.of("missing", nan, nan, nan, nan));
    input.add(TimeSeries.of("constant", 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5));
    input.add(TimeSeries.of("negative", 5, 4, 3, -1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    input.add(Datasets.airPassengers().withName("air"));
    List<SeriesResult> results = batch.fitAll(input, 3);
    for (int i = 0; i < 4; i++) {
      SeriesResult r = results.get(i);
      assertEquals(SeriesResult.Status.FAILED, r.status(), r.toString());
      assertNull(r.fit());
      assertFalse(r.message().isBlank());
      assertFalse(r.message().contains("\n"), r.message());
      assertEquals(input.get(i).length(), r.nobs());
    }
    assertTrue(results.get(1).message().contains("no observed value"), results.get(1).message());
    assertTrue(results.get(2).message().contains("constant"), results.get(2).message());
    assertTrue(results.get(3).message().contains("log"), results.get(3).message());
    assertTrue(results.get(4).isOk(), results.get(4).toString());
  }

  @Test
  void aSpecificationThatDescribesNoModelIsRefusedAtOnce() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new BatchFit(FitSpec.of(ModelSpec.named("arima"))));
    assertTrue(e.getMessage().contains("--order"), e.getMessage());
    IllegalArgumentException fixed =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new BatchFit(
                    FitSpec.of(ModelSpec.named("local-level"))
                        .withFixed(Map.of("sigma2.trend", 1.0))));
    assertTrue(fixed.getMessage().contains("sigma2.trend"), fixed.getMessage());
  }

  @Test
  void theSpecificationAndResultsSurviveSerialisation() throws Exception {
    FitSpec spec =
        FitSpec.of(ModelSpec.named("arima").withOrder("1,1,1"))
            .withFixed(Map.of("ar.L1", 0.5))
            .withForecast(2);
    FitSpec copy = roundTrip(spec);
    assertEquals(spec, copy);
    BatchFit here = new BatchFit(spec);
    BatchFit there = new BatchFit(copy);
    TimeSeries nile = Datasets.nile();
    SeriesResult result = here.fit(nile);
    assertTrue(result.isOk(), result.toString());
    assertEquals(result, there.fit(nile));
    assertEquals(result, roundTrip(result));
    assertEquals(0.5, result.fit().estimate("ar.L1"));
    assertTrue(
        Double.isNaN(result.fit().standardError("ar.L1")),
        "a fixed parameter has no standard error");
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
