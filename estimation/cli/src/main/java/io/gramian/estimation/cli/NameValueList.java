package io.gramian.estimation.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An option's {@code NAME=VALUE[,NAME=VALUE…]} assignments (given once or repeated), as a map in
 * the order given: each name once, each value a finite number.
 */
final class NameValueList {

  private NameValueList() {}

  /**
   * @param option the option's spelling, for messages (e.g. {@code --fix})
   * @param items the comma-separated parts, each {@code NAME=VALUE}
   * @throws IllegalArgumentException naming the option and the part that has no {@code =}, a value
   *     that is not a finite number, or a name given twice
   */
  static Map<String, Double> parse(String option, List<String> items) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (String item : items) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            option + " takes NAME=VALUE[,NAME=VALUE...], got \"" + item + "\"");
      }
      String name = item.substring(0, eq).strip();
      String text = item.substring(eq + 1).strip();
      double value;
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            option + " " + name + "=" + text + ": \"" + text + "\" is not a finite number");
      }
      if (values.put(name, value) != null) {
        throw new IllegalArgumentException(option + " names " + name + " twice");
      }
    }
    return values;
  }
}
