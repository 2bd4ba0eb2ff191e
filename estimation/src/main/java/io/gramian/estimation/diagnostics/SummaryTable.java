package io.gramian.estimation.diagnostics;

import static io.gramian.estimation.diagnostics.PythonFormat.fixed;
import static io.gramian.estimation.diagnostics.PythonFormat.forg;
import static io.gramian.estimation.diagnostics.PythonFormat.padLeft;
import static io.gramian.estimation.diagnostics.PythonFormat.padRight;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain-text fit summary in the layout of statsmodels 0.13.5's {@code MLEResults.summary()}: a
 * header block, the parameter table (coef, std err, z = coef/std err, P&gt;|z| = 2(1 − Φ(|z|)), the
 * 95% interval coef ∓ Φ⁻¹(0.975)·std err) and the residual diagnostics block, then optional
 * numbered warnings.
 *
 * <p>Numbers are formatted as statsmodels formats them (Python's rounding, see {@link
 * PythonFormat}): coef with {@code forg(x, 4)} ({@code %10.4f}, or {@code %10.4g} when |x| ≥ 1e4 or
 * &lt; 1e-4), std err, z and the interval with {@code forg(x, 3)} ({@code %9.3f} / {@code %9.3g}),
 * P&gt;|z| with {@code %6.3f}, log-likelihood and criteria with {@code %.3f}, the diagnostics with
 * {@code %.2f}.
 *
 * <p>Differences from statsmodels, all to keep every line within 80 columns and free of NaN:
 *
 * <ul>
 *   <li>The header and diagnostics blocks are 78 columns wide; the parameter table is 78 to 80
 *       (statsmodels: 83–84). A parameter name longer than 19 characters is printed on a line of
 *       its own, its numbers on the next. A header value too long for its cell continues on the
 *       following lines; warnings are wrapped at 78 columns.
 *   <li>A parameter without a standard error has its std err, z, P&gt;|z| and interval cells left
 *       blank (statsmodels prints {@code nan}).
 *   <li>The diagnostics block is omitted when none are given (statsmodels prints {@code nan}s); the
 *       Ljung–Box line names the lag actually used ({@code Ljung-Box (L1) (Q)} as in statsmodels
 *       when the diagnostics are {@link ResidualDiagnostics#of(double[], int)}).
 *   <li>Trailing blanks are removed from every line; each line ends with {@code \n}.
 *   <li>Univariate only: one value per diagnostic (statsmodels lists one per series).
 * </ul>
 */
public final class SummaryTable {

  /** Width of the header and diagnostics blocks, as statsmodels' header. */
  static final int WIDTH = 78;

  /** No line is longer than this. */
  static final int MAX_WIDTH = 80;

  private static final int HEADER_LEFT = 37;
  private static final int HEADER_GAP = 3;
  private static final int HEADER_RIGHT = WIDTH - HEADER_LEFT - HEADER_GAP;

  private static final int DIAGNOSTIC_LEFT = 39;
  private static final int DIAGNOSTIC_RIGHT = WIDTH - DIAGNOSTIC_LEFT - HEADER_GAP;

  /** Widths of coef, std err, z, P>|z|, [0.025, 0.975]. */
  private static final int[] COLUMNS = {11, 10, 10, 9, 11, 10};

  private static final String[] COLUMN_HEADERS = {
    "coef", "std err", "z", "P>|z|", "[0.025", "0.975]"
  };

  private static final int COLUMNS_WIDTH = 61;
  private static final int MIN_STUB = WIDTH - COLUMNS_WIDTH;
  private static final int MAX_STUB = MAX_WIDTH - COLUMNS_WIDTH;

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

  private SummaryTable() {}

  /** The summary with the diagnostics block. */
  public static String render(
      SummaryHeader header,
      List<ParameterRow> parameters,
      ResidualDiagnostics diagnostics,
      List<String> warnings) {
    if (diagnostics == null) {
      throw new IllegalArgumentException(
          "summary: diagnostics must not be null (use the overload without them)");
    }
    return build(header, parameters, diagnostics, warnings);
  }

  /** The summary without the diagnostics block. */
  public static String render(
      SummaryHeader header, List<ParameterRow> parameters, List<String> warnings) {
    return build(header, parameters, null, warnings);
  }

  private static String build(
      SummaryHeader header,
      List<ParameterRow> parameters,
      ResidualDiagnostics diagnostics,
      List<String> warnings) {
    if (header == null || parameters == null || warnings == null) {
      throw new IllegalArgumentException(
          "summary: header, parameters and warnings must not be null");
    }
    List<String> lines = new ArrayList<>();
    headerBlock(header, lines);
    int tableWidth = parameterTable(parameters, lines);
    if (diagnostics != null) {
      diagnosticsBlock(diagnostics, lines);
    } else {
      lines.add("=".repeat(tableWidth));
    }
    warningsBlock(warnings, lines);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static void headerBlock(SummaryHeader h, List<String> lines) {
    int pad = Math.max(0, WIDTH - h.title().length());
    lines.add(" ".repeat(pad / 2) + h.title());
    lines.add("=".repeat(WIDTH));
    List<String> left = new ArrayList<>();
    cell(left, "Dep. Variable:", h.dependentVariable(), HEADER_LEFT);
    cell(left, "Model:", h.modelName(), HEADER_LEFT);
    cell(left, "Date:", DATE.format(h.date()), HEADER_LEFT);
    cell(left, "Time:", TIME.format(h.date()), HEADER_LEFT);
    cell(left, "Sample:", h.firstLabel(), HEADER_LEFT);
    cell(left, "", "- " + h.lastLabel(), HEADER_LEFT);
    cell(left, "Covariance Type:", h.covarianceType().label(), HEADER_LEFT);
    InformationCriteria c = h.criteria();
    List<String> right = new ArrayList<>();
    cell(right, "No. Observations:", Integer.toString(h.nobs()), HEADER_RIGHT);
    cell(right, "Log Likelihood", fixed(h.logLikelihood(), 3), HEADER_RIGHT);
    cell(right, "AIC", fixed(c.aic(), 3), HEADER_RIGHT);
    cell(right, "BIC", fixed(c.bic(), 3), HEADER_RIGHT);
    cell(right, "HQIC", fixed(c.hqic(), 3), HEADER_RIGHT);
    sideBySide(left, HEADER_LEFT, right, lines);
  }

  /** Returns the table's width. */
  private static int parameterTable(List<ParameterRow> parameters, List<String> lines) {
    // The stub fits the longest name of at most MAX_STUB characters; longer ones get a line
    // of their own.
    int longest = 0;
    for (ParameterRow p : parameters) {
      if (p == null) {
        throw new IllegalArgumentException("summary: a parameter row is null");
      }
      if (p.name().length() <= MAX_STUB) {
        longest = Math.max(longest, p.name().length());
      }
    }
    int stub = Math.max(MIN_STUB, longest);
    int width = stub + COLUMNS_WIDTH;
    lines.add("=".repeat(width));
    if (parameters.isEmpty()) {
      lines.add("No Model Parameters");
      return width;
    }
    StringBuilder head = new StringBuilder(" ".repeat(stub));
    for (int j = 0; j < COLUMNS.length; j++) {
      head.append(padLeft(COLUMN_HEADERS[j], COLUMNS[j]));
    }
    lines.add(head.toString());
    lines.add("-".repeat(width));
    for (ParameterRow p : parameters) {
      String numbers = numbers(p);
      if (p.name().length() > stub) {
        lines.add(p.name());
        lines.add(" ".repeat(stub) + numbers);
      } else {
        lines.add(padRight(p.name(), stub) + numbers);
      }
    }
    return width;
  }

  private static String numbers(ParameterRow p) {
    String[] cells = new String[COLUMNS.length];
    cells[0] = forg(p.estimate(), 4);
    if (p.stdError().isPresent()) {
      double se = p.stdError().getAsDouble();
      double z = p.estimate() / se;
      cells[1] = forg(se, 3);
      cells[2] = forg(z, 3);
      cells[3] = fixed(StandardNormal.twoSidedPValue(z), 3);
      cells[4] = forg(p.estimate() - StandardNormal.Z95 * se, 3);
      cells[5] = forg(p.estimate() + StandardNormal.Z95 * se, 3);
    } else {
      for (int j = 1; j < cells.length; j++) {
        cells[j] = "";
      }
    }
    StringBuilder row = new StringBuilder();
    for (int j = 0; j < cells.length; j++) {
      row.append(padLeft(cells[j].strip(), COLUMNS[j]));
    }
    return row.toString();
  }

  private static void diagnosticsBlock(ResidualDiagnostics d, List<String> lines) {
    lines.add("=".repeat(WIDTH));
    List<String> left = new ArrayList<>();
    cell(
        left,
        "Ljung-Box (L" + d.ljungBox().lags() + ") (Q):",
        fixed(d.ljungBox().statistic(), 2),
        DIAGNOSTIC_LEFT);
    cell(left, "Prob(Q):", fixed(d.ljungBox().pValue(), 2), DIAGNOSTIC_LEFT);
    cell(
        left,
        "Heteroskedasticity (H):",
        fixed(d.heteroskedasticity().statistic(), 2),
        DIAGNOSTIC_LEFT);
    cell(left, "Prob(H) (two-sided):", fixed(d.heteroskedasticity().pValue(), 2), DIAGNOSTIC_LEFT);
    List<String> right = new ArrayList<>();
    cell(right, "Jarque-Bera (JB):", fixed(d.jarqueBera().statistic(), 2), DIAGNOSTIC_RIGHT);
    cell(right, "Prob(JB):", fixed(d.jarqueBera().pValue(), 2), DIAGNOSTIC_RIGHT);
    cell(right, "Skew:", fixed(d.jarqueBera().skewness(), 2), DIAGNOSTIC_RIGHT);
    cell(right, "Kurtosis:", fixed(d.jarqueBera().kurtosis(), 2), DIAGNOSTIC_RIGHT);
    sideBySide(left, DIAGNOSTIC_LEFT, right, lines);
    lines.add("=".repeat(WIDTH));
  }

  private static void warningsBlock(List<String> warnings, List<String> lines) {
    if (warnings.isEmpty()) {
      return;
    }
    lines.add("");
    lines.add("Warnings:");
    for (int i = 0; i < warnings.size(); i++) {
      String w = warnings.get(i);
      if (w == null || w.isBlank()) {
        throw new IllegalArgumentException("summary: warning " + (i + 1) + " is blank");
      }
      String prefix = "[" + (i + 1) + "] ";
      List<String> wrapped = wrap(w.strip().replaceAll("\\s+", " "), WIDTH - prefix.length());
      for (int k = 0; k < wrapped.size(); k++) {
        lines.add((k == 0 ? prefix : " ".repeat(prefix.length())) + wrapped.get(k));
      }
    }
  }

  /**
   * Adds "label … value" lines of the given width to {@code out}: the value right-aligned after the
   * label, continued on further lines (with no label) when it does not fit.
   */
  private static void cell(List<String> out, String label, String value, int width) {
    int room = width - label.length() - (label.isEmpty() ? 0 : 1);
    List<String> pieces = wrap(value, room);
    out.add(label + padLeft(pieces.get(0), width - label.length()));
    if (pieces.size() > 1) {
      String rest = String.join(" ", pieces.subList(1, pieces.size()));
      for (String piece : wrap(rest, width)) {
        out.add(padLeft(piece, width));
      }
    }
  }

  private static void sideBySide(
      List<String> left, int leftWidth, List<String> right, List<String> lines) {
    int rows = Math.max(left.size(), right.size());
    for (int i = 0; i < rows; i++) {
      String l = i < left.size() ? left.get(i) : "";
      String r = i < right.size() ? right.get(i) : "";
      lines.add(padRight(l, leftWidth) + " ".repeat(HEADER_GAP) + r);
    }
  }

  /** Breaks text into pieces of at most {@code width} characters, at spaces where possible. */
  static List<String> wrap(String text, int width) {
    List<String> pieces = new ArrayList<>();
    String rest = text;
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        pieces.add(rest.substring(0, width));
        rest = rest.substring(width);
      } else {
        pieces.add(rest.substring(0, cut));
        rest = rest.substring(cut + 1);
      }
    }
    pieces.add(rest);
    return pieces;
  }
}
