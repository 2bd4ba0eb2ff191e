package io.gramian.estimation.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.estimation.model.StateSpaceModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelSpec} with structural components: its builder, the original constructor, its
 * spelling, the regressors it needs, and serialisation (what fit-many on Spark relies on).
 */
class ModelSpecTest {

  private static ModelSpec daily() {
    return ModelSpec.builder("llevel")
        .seasonal(7)
        .seasonal(365)
        .seasonalType("dummy,trig")
        .harmonics(10)
        .cycle()
        .dampedCycle()
        .autoregressive(1)
        .exogVarying("price")
        .build();
  }

  @Test
  void builderGivesEveryComponent() {
    StateSpaceModel model = daily().create(List.of("promo"));
    assertEquals(
        List.of(
            "sigma2.irregular",
            "sigma2.level",
            "sigma2.seasonal",
            "sigma2.freq_seasonal_365(10)",
            "sigma2.cycle",
            "sigma2.ar",
            "sigma2.beta.price",
            "frequency.cycle",
            "damping.cycle",
            "ar.L1"),
        model.parameterNames());
    assertEquals("local-level", model.name());
    assertEquals(List.of(7, 365), daily().seasonalPeriods());
    assertEquals(List.of("promo", "price"), daily().regressors(List.of("promo")));
    assertEquals(List.of("price"), daily().regressors(List.of("price")));
  }

  @Test
  void spellingNamesEveryOption() {
    assertEquals(
        "--model llevel --seasonal 7 --seasonal 365 --seasonal-type dummy,trig --harmonics 10"
            + " --cycle --damped-cycle --autoregressive 1 --exog-varying price",
        daily().spelling());
  }

  @Test
  void theOriginalConstructorAndNamedKeepTheirMeaning() {
    ModelSpec old = new ModelSpec("bsm", 12, "trig", null, null, false, null, null, null, null);
    assertEquals(StructuralOptions.NONE, old.components());
    assertEquals(
        new ModelSpec("bsm", 12, null, null, null, false, null, null, null, null),
        ModelSpec.named("bsm").withSeasonal(12));
    assertEquals(
        List.of("sigma2.irregular", "sigma2.level", "sigma2.trend", "sigma2.freq_seasonal_12(6)"),
        old.create().parameterNames());
    assertEquals(
        List.of(12),
        ModelSpec.builder("bsm").seasonal(7).build().withSeasonal(12).seasonalPeriods());
  }

  @Test
  void serialisesWithItsComponents() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(daily());
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(daily(), in.readObject());
    }
  }

  @Test
  void arimaRefusesStructuralComponents() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelSpec.builder("arima").order("1,0,0").cycle().build().create());
    assertTrue(e.getMessage().contains("not arima"), e.getMessage());
  }
}
