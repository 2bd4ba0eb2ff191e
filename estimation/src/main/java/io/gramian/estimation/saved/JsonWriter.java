package io.gramian.estimation.saved;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for saved fits, the counterpart of {@link JsonReader}: {@code Map} (string
 * keys, in iteration order), {@code List}, {@code String}, {@code Number}, {@code Boolean} and
 * null, indented two spaces; an array of scalars stays on one line. Every finite double is written
 * so that {@link Double#parseDouble} reads back the same bits; NaN (an undefined value) is written
 * as {@code null}, never as a number.
 */
final class JsonWriter {

  private final StringBuilder out = new StringBuilder();

  private JsonWriter() {}

  /** The JSON text of {@code value}, ending with a newline. */
  static String write(Object value) {
    JsonWriter w = new JsonWriter();
    w.value(value, 0);
    return w.out.append('\n').toString();
  }

  private void value(Object value, int indent) {
    if (value instanceof Map<?, ?> map) {
      object(map, indent);
    } else if (value instanceof List<?> list) {
      array(list, indent);
    } else {
      scalar(value);
    }
  }

  private void object(Map<?, ?> map, int indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append("{\n");
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> e = entries.next();
      pad(indent + 1);
      string(String.valueOf(e.getKey()));
      out.append(": ");
      value(e.getValue(), indent + 1);
      out.append(entries.hasNext() ? ",\n" : "\n");
    }
    pad(indent);
    out.append('}');
  }

  private void array(List<?> list, int indent) {
    boolean scalars = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
    if (scalars) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        scalar(list.get(i));
      }
      out.append(']');
      return;
    }
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      pad(indent + 1);
      value(list.get(i), indent + 1);
      out.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    pad(indent);
    out.append(']');
  }

  private void scalar(Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s);
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Double || value instanceof Float) {
      out.append(number(((Number) value).doubleValue()));
    } else if (value instanceof Number n) {
      out.append(n.longValue());
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
    }
  }

  /**
   * A double as JSON text that reads back to the same bits: Java's shortest form when it does so
   * (always, from Java 19; nearly always before), else the exact decimal expansion; NaN and the
   * infinities, which JSON cannot hold, as {@code null}.
   */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return "null";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return (v == 0 && 1 / v < 0) ? "-0.0" : Long.toString((long) v) + ".0";
    }
    String s = Double.toString(v);
    return Double.parseDouble(s) == v ? s : new BigDecimal(v).toString();
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void pad(int indent) {
    out.append("  ".repeat(indent));
  }
}
