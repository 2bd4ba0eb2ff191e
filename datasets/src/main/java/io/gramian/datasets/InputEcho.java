package io.gramian.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * User input as an error message repeats it: short enough to read and on one line, whatever the
 * input holds. A value is cut after {@link #MAX_CHARACTERS} characters with an ellipsis and the
 * count left out ({@code "aaaa…" (2 097 092 more characters)}); a list shows its first {@link
 * #MAX_ITEMS} entries and the count of the others ({@code "a", "b", … (9 990 more)}); control
 * characters (a newline inside a quoted CSV field, a NUL, a tab) and line separators are escaped
 * visibly ({@code \n}, {@code \t}, {@code \u0000}) so that they neither cut the message off nor
 * break the line.
 *
 * <p>Every message that repeats a field, a column name, a header or an option's value goes through
 * here.
 */
public final class InputEcho {

  /** The characters of one value a message repeats: enough to recognise a name or a number. */
  public static final int MAX_CHARACTERS = 60;

  /** The entries of a list a message repeats: enough to see what the list holds. */
  public static final int MAX_ITEMS = 10;

  private InputEcho() {}

  /** {@code text} in double quotes, escaped and cut: {@code "12a4"}. */
  public static String quoted(String text) {
    Cut cut = cut(text);
    return '"' + cut.shown + '"' + cut.more(" characters");
  }

  /** {@code text} escaped and cut, without quotes. */
  public static String plain(String text) {
    Cut cut = cut(text);
    return cut.shown + cut.more(" characters");
  }

  /** The entries, each {@linkplain #quoted quoted}, joined by {@code ", "} and cut. */
  public static String quotedList(List<String> items) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(items.size(), MAX_ITEMS); i++) {
      shown.add(quoted(items.get(i)));
    }
    return joined(shown, items.size());
  }

  /** The entries, each {@linkplain #plain escaped and cut}, joined by {@code ", "} and cut. */
  public static String plainList(List<String> items) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(items.size(), MAX_ITEMS); i++) {
      shown.add(plain(items.get(i)));
    }
    return joined(shown, items.size());
  }

  /**
   * A whole message line made safe: control characters escaped and, beyond {@code maxCharacters},
   * cut with an ellipsis and the count left out. A last guard for text that did not go through the
   * methods above.
   */
  public static String line(String message, int maxCharacters) {
    String escaped = escape(message);
    if (escaped.length() <= maxCharacters) {
      return escaped;
    }
    int end = boundary(escaped, maxCharacters);
    return escaped.substring(0, end)
        + "… ("
        + grouped(escaped.length() - end)
        + " more characters)";
  }

  private static String joined(List<String> shown, int total) {
    String text = String.join(", ", shown);
    int left = total - shown.size();
    return left > 0 ? text + ", … (" + grouped(left) + " more)" : text;
  }

  private record Cut(String shown, int left) {
    String more(String unit) {
      return left == 0 ? "" : " (" + grouped(left) + " more" + unit + ")";
    }
  }

  private static Cut cut(String text) {
    if (text == null) {
      return new Cut("null", 0);
    }
    if (text.codePointCount(0, text.length()) <= MAX_CHARACTERS) {
      return new Cut(escape(text), 0);
    }
    int end = text.offsetByCodePoints(0, MAX_CHARACTERS);
    int left = text.codePointCount(end, text.length());
    return new Cut(escape(text.substring(0, end)) + "…", left);
  }

  /** A cut at or before {@code index} that does not split a surrogate pair. */
  private static int boundary(String text, int index) {
    return Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
  }

  /** Control characters, line and paragraph separators as visible escapes. */
  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      int type = Character.getType(ch);
      boolean unsafe =
          type == Character.CONTROL
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR;
      if (unsafe && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (!unsafe) {
          out.append(ch);
        } else if (ch == '\n') {
          out.append("\\n");
        } else if (ch == '\r') {
          out.append("\\r");
        } else if (ch == '\t') {
          out.append("\\t");
        } else {
          out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /** A count with its thousands separated by spaces: {@code 9 990}. */
  private static String grouped(long count) {
    return String.format(Locale.ROOT, "%,d", count).replace(',', ' ');
  }
}
