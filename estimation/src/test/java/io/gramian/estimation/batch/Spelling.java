package io.gramian.estimation.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * A structural model's command-line spelling ({@code --model local-level --seasonal 7 --seasonal
 * 365 --seasonal-type dummy --seasonal-type trig --harmonics 2 --cycle}) read into a {@link
 * ModelSpec} through its builder, as the reference tables write the models.
 */
final class Spelling {

  private Spelling() {}

  static ModelSpec parse(String spelling) {
    String[] t = spelling.strip().split("\\s+");
    if (t.length < 2 || !t[0].equals("--model")) {
      throw new IllegalArgumentException("a spelling starts with --model: " + spelling);
    }
    ModelSpecBuilder b = ModelSpec.builder(t[1]);
    List<String> types = new ArrayList<>();
    List<Integer> harmonics = new ArrayList<>();
    for (int i = 2; i < t.length; i++) {
      switch (t[i]) {
        case "--seasonal" -> b.seasonal(Integer.parseInt(t[++i]));
        case "--seasonal-type" -> types.add(t[++i]);
        case "--harmonics" -> harmonics.add(Integer.parseInt(t[++i]));
        case "--cycle" -> b.cycle();
        case "--damped-cycle" -> b.dampedCycle();
        case "--autoregressive" -> b.autoregressive(Integer.parseInt(t[++i]));
        case "--exog-varying" -> b.exogVarying(t[++i].split(","));
        default -> throw new IllegalArgumentException("unknown option " + t[i] + ": " + spelling);
      }
    }
    if (!types.isEmpty()) {
      b.seasonalType(String.join(",", types));
    }
    if (!harmonics.isEmpty()) {
      b.harmonics(harmonics.stream().mapToInt(Integer::intValue).toArray());
    }
    return b.build();
  }
}
