package io.gramian.datasets;

/**
 * Turns character positions in a text into 1-based line numbers, for positions given in increasing
 * order. Line breaks are {@code \n}, {@code \r\n} or a lone {@code \r}.
 */
final class LineCounter {

  private final String text;
  private int position;
  private int line = 1;

  LineCounter(String text) {
    this.text = text;
  }

  /**
   * The line of the first character at or after {@code start} that is not blank: the line a record
   * that the CSV parser reports at {@code start} really begins on, blank lines skipped.
   */
  int lineOfRecordAt(long start) {
    int target = (int) start;
    while (target < text.length() && Character.isWhitespace(text.charAt(target))) {
      target++;
    }
    advanceTo(target);
    return line;
  }

  private void advanceTo(int target) {
    for (; position < target; position++) {
      char c = text.charAt(position);
      boolean crlf = c == '\r' && position + 1 < text.length() && text.charAt(position + 1) == '\n';
      if (c == '\n' || (c == '\r' && !crlf)) {
        line++;
      }
    }
  }
}
