package io.gramian.estimation.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear identity among observed series, total_t = Σ_i s_i · part_{i,t} with signs s_i = ±1 (an
 * accounting identity: a total and its parts, or a net balance), spelled {@code TOTAL=A+B-C}.
 *
 * @param total the series the identity defines
 * @param parts the series it sums, in order
 * @param signs +1 or −1 per part
 */
public record ObservationIdentity(String total, List<String> parts, List<Integer> signs) {

  /**
   * @throws IllegalArgumentException when there are no parts, the signs do not match them or are
   *     not ±1, or the total is one of its own parts
   */
  public ObservationIdentity {
    parts = List.copyOf(parts);
    signs = List.copyOf(signs);
    if (parts.isEmpty() || parts.size() != signs.size()) {
      throw new IllegalArgumentException(
          "the identity of " + total + " needs one or more parts, each with a sign");
    }
    for (int s : signs) {
      if (s != 1 && s != -1) {
        throw new IllegalArgumentException("the signs of an identity are +1 or -1, not " + s);
      }
    }
    if (parts.contains(total)) {
      throw new IllegalArgumentException("the total " + total + " is one of its own parts");
    }
    if (parts.stream().distinct().count() != parts.size()) {
      throw new IllegalArgumentException("a part repeats in the identity of " + total);
    }
  }

  /**
   * Reads {@code TOTAL=A+B-C}: a name, '=', then names joined by '+' or '-' (a leading '-' negates
   * the first part). Spaces around names are ignored; names may not contain '=', '+' or '-'.
   *
   * @throws IllegalArgumentException naming the text when it is not of that form
   */
  public static ObservationIdentity parse(String text) {
    int eq = text.indexOf('=');
    if (eq < 0 || text.indexOf('=', eq + 1) >= 0) {
      throw new IllegalArgumentException("an identity is TOTAL=A+B (one '='), not '" + text + "'");
    }
    String total = text.substring(0, eq).strip();
    String rhs = text.substring(eq + 1).strip();
    List<String> parts = new ArrayList<>();
    List<Integer> signs = new ArrayList<>();
    int sign = 1;
    StringBuilder name = new StringBuilder();
    for (int i = 0; i <= rhs.length(); i++) {
      char ch = i < rhs.length() ? rhs.charAt(i) : '+';
      if (ch == '+' || ch == '-') {
        String part = name.toString().strip();
        if (part.isEmpty() && !(i == 0 && ch == '-')) {
          throw new IllegalArgumentException(
              "an identity is TOTAL=A+B with a name between each sign, not '" + text + "'");
        }
        if (!part.isEmpty()) {
          parts.add(part);
          signs.add(sign);
        }
        sign = ch == '+' ? 1 : -1;
        name.setLength(0);
      } else {
        name.append(ch);
      }
    }
    if (total.isEmpty()) {
      throw new IllegalArgumentException(
          "an identity is TOTAL=A+B, a name before '=', not '" + text + "'");
    }
    return new ObservationIdentity(total, parts, signs);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(total).append('=');
    for (int i = 0; i < parts.size(); i++) {
      if (signs.get(i) < 0) {
        s.append('-');
      } else if (i > 0) {
        s.append('+');
      }
      s.append(parts.get(i));
    }
    return s.toString();
  }
}
