package io.gramian.spark;

/** A time cell as a sort key: numbers by value, before any text; text (ISO dates) as text. */
record TimeKey(double number, String text) implements Comparable<TimeKey> {

  static TimeKey of(Object cell) {
    String text = String.valueOf(cell).trim();
    try {
      return new TimeKey(Double.parseDouble(text), "");
    } catch (NumberFormatException notANumber) {
      return new TimeKey(Double.POSITIVE_INFINITY, text);
    }
  }

  @Override
  public int compareTo(TimeKey other) {
    int byNumber = Double.compare(number, other.number);
    return byNumber != 0 ? byNumber : text.compareTo(other.text);
  }
}
