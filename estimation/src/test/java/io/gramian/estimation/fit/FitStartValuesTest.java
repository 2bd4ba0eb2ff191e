package io.gramian.estimation.fit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.models.UnobservedComponents;
import org.junit.jupiter.api.Test;

/**
 * {@link FitOptions#withStart} with the wrong number of values names the argument and the count.
 */
class FitStartValuesTest {

  private static void assertRefused(double[] start, String... fragments) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MaximumLikelihood.fit(
                    UnobservedComponents.localLevel(),
                    ModelData.of(Datasets.nile().values()),
                    FitOptions.defaults().withStart(start)));
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), e.getMessage());
    }
  }

  @Test
  void tooFewValues() {
    assertRefused(
        new double[] {15000},
        "FitOptions.withStart",
        "1 value given",
        "has 2 parameters",
        "sigma2.irregular, sigma2.level");
  }

  @Test
  void tooManyValues() {
    assertRefused(
        new double[] {1, 2, 3}, "FitOptions.withStart", "3 values given", "has 2 parameters");
  }

  @Test
  void aValueThatIsNotFinite() {
    assertRefused(new double[] {15000, Double.NaN}, "FitOptions.withStart", "sigma2.level");
  }
}
