package io.gramian.estimation.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model specification ↔ its options by command-line name, as saved fits store it. */
class ModelSpecOptionsTest {

  @Test
  void optionsAreNamedAsOnTheCommandLineAndReadBack() {
    ModelSpec spec =
        new ModelSpec(
            "arima",
            null,
            "trig",
            "0,1,0",
            "0,1,1,12",
            true,
            "1,4",
            "2",
            "approximate-diffuse",
            1e7);
    Map<String, Object> options = spec.options();
    assertEquals(
        List.of(
            "model",
            "seasonal-type",
            "order",
            "seasonal-order",
            "mean",
            "ar-lags",
            "ma-lags",
            "init",
            "kappa"),
        List.copyOf(options.keySet()));
    assertEquals(spec, ModelSpec.fromOptions(options));
    assertEquals(
        ModelSpec.named("local-level"), ModelSpec.fromOptions(Map.of("model", "local-level")));
  }

  @Test
  void everyComponentIsAnOption() {
    // a new ModelSpec component is saved with no other change, as long as its type is one the
    // format holds: strings, numbers, booleans or lists of them
    for (RecordComponent c : ModelSpec.class.getRecordComponents()) {
      Class<?> t = c.getType();
      assertTrue(
          t == String.class
              || t == Integer.class
              || t == int.class
              || t == Double.class
              || t == double.class
              || t == boolean.class
              || t == Boolean.class
              || t == List.class,
          c.getName() + " has type " + t);
    }
  }

  @Test
  void unknownOptionsAndWrongKindsAreRefusedByName() {
    Map<String, Object> unknown = new LinkedHashMap<>();
    unknown.put("model", "local-level");
    unknown.put("wavelets", 3.0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.fromOptions(unknown));
    assertTrue(e.getMessage().startsWith("model option \"wavelets\" is unknown"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelSpec.fromOptions(Map.of("model", "bsm", "seasonal", 12.5)));
    assertEquals("model option \"seasonal\" should be an integer, not 12.5", e.getMessage());
  }
}
