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
    // format holds: strings, numbers, booleans or lists of them, or a record of such components
    // (StructuralOptions), whose components are options of the same level
    assertHoldable(ModelSpec.class);
  }

  private static void assertHoldable(Class<?> record) {
    for (RecordComponent c : record.getRecordComponents()) {
      Class<?> t = c.getType();
      if (t.isRecord()) {
        assertHoldable(t);
        continue;
      }
      assertTrue(
          t == String.class
              || t == Integer.class
              || t == int.class
              || t == Double.class
              || t == double.class
              || t == boolean.class
              || t == Boolean.class
              || t == List.class,
          record.getSimpleName() + "." + c.getName() + " has type " + t);
    }
  }

  @Test
  void structuralComponentsAreOptionsOfTheSameLevelAndReadBack() {
    ModelSpec spec =
        ModelSpec.builder("local-level")
            .cycle()
            .dampedCycle()
            .autoregressive(2)
            .exogVarying("unemp")
            .build();
    Map<String, Object> options = spec.options();
    assertEquals(
        List.of("model", "cycle", "damped-cycle", "autoregressive", "exog-varying"),
        List.copyOf(options.keySet()));
    assertEquals(spec, ModelSpec.fromOptions(options));
    // a specification without components reads back with none (StructuralOptions.NONE)
    assertEquals(
        ModelSpec.named("local-level").withSeasonal(12),
        ModelSpec.fromOptions(ModelSpec.named("local-level").withSeasonal(12).options()));
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
