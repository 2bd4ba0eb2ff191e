package io.gramian.estimation.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.batch.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking rules and the independence of the result from the number of threads. */
class ModelSearchTest {

  @Test
  void theRankingDoesNotDependOnTheNumberOfThreads() {
    TimeSeries nile = Datasets.nile();
    Selection one = ModelSearch.of(1).withThreads(1).select(nile);
    Selection two = ModelSearch.of(1).withThreads(2).select(nile);
    assertEquals(one, two);
    assertEquals("arima --order 1,1,1", one.best().model());
  }

  @Test
  void comparableCandidatesComeFirstThenTheOthersThenTheRejected() {
    DifferencingOrder d1 = new DifferencingOrder(1, 0, 1);
    DifferencingOrder d2 = new DifferencingOrder(2, 0, 1);
    Candidate worse = candidate("arima", 10.0, d1);
    Candidate lowestButOtherData = candidate("local-linear-trend", 1.0, d2);
    Candidate better = candidate("local-level", 5.0, d1);
    Candidate rejected =
        Candidate.rejected(ModelSpec.named("smooth-trend"), Candidate.Family.STRUCTURAL, "why");
    Selection s = Selection.rank(d1, List.of(rejected, worse, lowestButOtherData, better));
    assertEquals(better, s.best());
    List<RankedCandidate> r = s.candidates();
    assertEquals(
        List.of(better, worse, lowestButOtherData, rejected),
        r.stream().map(RankedCandidate::candidate).toList());
    assertTrue(r.get(0).comparable() && r.get(1).comparable());
    assertFalse(r.get(2).comparable() || r.get(3).comparable());
    assertEquals(List.of(1, 2, 3, 4), r.stream().map(RankedCandidate::rank).toList());
  }

  @Test
  void noComparableCandidateIsAFailureOfTheComputation() {
    DifferencingOrder d1 = new DifferencingOrder(1, 0, 1);
    Candidate other = candidate("local-linear-trend", 1.0, new DifferencingOrder(2, 0, 1));
    assertThrows(ArithmeticException.class, () -> Selection.rank(d1, List.of(other)));
  }

  @Test
  void aConstantOrShortSeriesIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelSearch.of(1).select(TimeSeries.of("flat", 3, 3, 3, 3, 3, 3)));
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelSearch.of(1).select(TimeSeries.of("short", 1, 2, 3)));
    assertThrows(IllegalArgumentException.class, () -> ModelSearch.of(0));
  }

  private static Candidate candidate(String model, double aicc, DifferencingOrder d) {
    return new Candidate(
        ModelSpec.named(model), Candidate.Family.STRUCTURAL, -aicc / 2, 0, 1, 50, aicc, d, null);
  }
}
