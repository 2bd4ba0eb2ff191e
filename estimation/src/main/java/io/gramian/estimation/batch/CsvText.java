package io.gramian.estimation.batch;

import java.util.List;

/** Fields and numbers written as CSV text (RFC 4180), by hand: the library has no CSV writer. */
public final class CsvText {

  private CsvText() {}

  /**
   * A number that reads back exactly: Java's shortest round-trip decimal ({@link
   * Double#toString(double)}); an undefined value ({@code null}, NaN) is empty.
   */
  public static String number(Double value) {
    return value == null || value.isNaN() ? "" : Double.toString(value);
  }

  /** A field, quoted when it holds a comma, a quote, a line break or outer spaces. */
  public static String field(String text) {
    if (text == null) {
      return "";
    }
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0
            || (!text.isEmpty()
                && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '));
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  /** A cell of a table: text quoted as needed, numbers exactly, {@code null} empty. */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof String s) {
      return field(s);
    }
    return String.valueOf(value);
  }

  /** One line of cells, without the line break. */
  public static String line(List<?> cells) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append(cell(cells.get(i)));
    }
    return s.toString();
  }
}
