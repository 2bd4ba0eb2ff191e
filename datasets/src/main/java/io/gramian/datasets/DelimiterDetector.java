package io.gramian.datasets;

/**
 * Chooses the field delimiter of a CSV file from its header line: whichever of comma, semicolon and
 * tab occurs most often outside quotes (comma when none occurs, as in a one-column file).
 */
final class DelimiterDetector {

  private static final char[] CANDIDATES = {',', ';', '\t'};

  private DelimiterDetector() {}

  /** The delimiter used in {@code headerLine}. */
  static char detect(String headerLine) {
    int[] counts = new int[CANDIDATES.length];
    boolean inQuotes = false;
    for (int i = 0; i < headerLine.length(); i++) {
      char c = headerLine.charAt(i);
      if (c == '"') {
        inQuotes = !inQuotes;
      } else if (!inQuotes) {
        for (int k = 0; k < CANDIDATES.length; k++) {
          if (c == CANDIDATES[k]) {
            counts[k]++;
          }
        }
      }
    }
    int best = 0;
    for (int k = 1; k < CANDIDATES.length; k++) {
      if (counts[k] > counts[best]) {
        best = k;
      }
    }
    return CANDIDATES[best];
  }
}
