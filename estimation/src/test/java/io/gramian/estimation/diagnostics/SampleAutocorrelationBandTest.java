package io.gramian.estimation.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The correlogram's white-noise band ±Φ⁻¹(0.975)/√n. */
class SampleAutocorrelationBandTest {

  @Test
  void bandIsTheNormalQuantileOverRootN() {
    assertEquals(1.959963984540054 / 10, SampleAutocorrelation.whiteNoiseBound(100), 1e-16);
    assertEquals(StandardNormal.Z95, SampleAutocorrelation.whiteNoiseBound(1), 0);
    assertThrows(IllegalArgumentException.class, () -> SampleAutocorrelation.whiteNoiseBound(0));
  }
}
