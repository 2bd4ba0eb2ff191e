package io.gramian.estimation.cli;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code --level L1,L2,…} option: interval levels in percent, each strictly between 0 and 100,
 * none given twice; none at all means the library's default (95). Checked before any work starts.
 */
final class ForecastLevels {

  private ForecastLevels() {}

  /**
   * The levels as typed, in increasing order.
   *
   * @param typed the option's values, or null when absent
   * @param forecasting whether {@code --forecast} was given (the levels apply to its intervals)
   * @throws IllegalArgumentException naming the value that is not a number, out of range or
   *     repeated, or {@code --level} without {@code --forecast}
   */
  static double[] parse(List<String> typed, boolean forecasting) {
    if (typed == null) {
      return new double[0];
    }
    if (!forecasting) {
      throw new IllegalArgumentException(
          "--level sets the forecast's interval levels; give --forecast H with it");
    }
    double[] levels = new double[typed.size()];
    for (int i = 0; i < levels.length; i++) {
      String text = typed.get(i).strip();
      try {
        levels[i] = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--level: '" + text + "' is not a number (levels are percentages, such as 80,95)");
      }
      if (!(levels[i] > 0 && levels[i] < 100)) {
        throw new IllegalArgumentException(
            "--level: " + text + " is not a percentage strictly between 0 and 100 (such as 80,95)");
      }
    }
    double[] sorted = levels.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException(
            "--level: the level " + typedText(sorted[i]) + " is given twice");
      }
    }
    return sorted;
  }

  private static String typedText(double level) {
    return level == Math.rint(level) ? Long.toString((long) level) : Double.toString(level);
  }
}
