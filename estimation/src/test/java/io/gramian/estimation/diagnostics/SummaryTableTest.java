package io.gramian.estimation.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The plain-text summary: a golden text, and the rules that keep it NaN-free and narrow. */
class SummaryTableTest {

  private static final LocalDateTime WHEN = LocalDateTime.of(2026, 11, 28, 3, 20, 3);

  /** statsmodels_diagnostics_output.txt, mle.*: the Nile local level fit (opg). */
  private static final double MLE_LLF = -633.4646423230863;

  @Test
  void nileFitMatchesGoldenText() {
    String expected = ReferenceResiduals.text("summary_nile_mle.txt");
    String actual =
        SummaryTable.render(
            nileHeader(),
            List.of(
                ParameterRow.of("sigma2.irregular", 15067.642332088939, 2589.690232753506),
                ParameterRow.of("sigma2.level", 1484.8355652232342, 854.2508511525949)),
            nileDiagnostics(),
            List.of("Covariance matrix calculated using the outer product of gradients."));
    assertEquals(expected, actual);
  }

  @Test
  void missingStandardErrorLeavesItsCellsBlank() {
    String text =
        SummaryTable.render(
            nileHeader(),
            List.of(
                ParameterRow.of("sigma2.irregular", 15067.642332088939, 2589.690232753506),
                ParameterRow.withoutStdError("sigma2.level", 0.0)),
            nileDiagnostics(),
            List.of());
    String row = line(text, "sigma2.level");
    assertEquals("sigma2.level", row.substring(0, 12));
    assertEquals("0", row.substring(12).strip(), "only the estimate is printed");
    assertNoNaNAndNarrow(text);
    assertFalse(text.contains("Warnings:"), "no warnings block without warnings");
  }

  @Test
  void longNamesHeaderValuesAndWarningsStayWithin80Columns() {
    SummaryHeader header =
        new SummaryHeader(
            "Statespace Model Results",
            "DriversKilled",
            "local linear trend + dummy seasonal(12) + irregular + regression",
            WHEN,
            "1969-01",
            "1984-12",
            192,
            -1234.5678,
            InformationCriteria.of(-1234.5678, 5, 13, 192, 0),
            CovarianceType.ROBUST);
    String longName = "beta.petrol_price_in_real_terms";
    String longWarning =
        "Covariance matrix is singular or near-singular, with condition number 1.23e+17. "
            + "Standard errors may be unstable.";
    String text =
        SummaryTable.render(
            header,
            List.of(
                ParameterRow.of("sigma2.irregular", 1.5e-3, 2.5e-4),
                ParameterRow.of(longName, -0.123456, 0.05)),
            List.of(longWarning));
    assertNoNaNAndNarrow(text);
    List<String> lines = text.lines().toList();
    int at = lines.indexOf(longName);
    assertTrue(at > 0, "a long name has a line of its own");
    assertTrue(lines.get(at + 1).startsWith(" ".repeat(17)), "its numbers follow, indented");
    assertTrue(lines.get(at + 1).contains("-0.1235"));
    assertTrue(text.contains("Covariance Type:               robust"));
    assertTrue(text.contains("regression"), "a long model name continues, not cut");
    assertTrue(text.contains("[1] Covariance matrix is singular"));
    assertTrue(text.contains("\n    1.23e+17. Standard errors may be unstable.\n"), text);
    assertFalse(text.contains("Ljung-Box"), "no diagnostics block when none are given");
    assertTrue(text.endsWith("\n"));
  }

  @Test
  void invalidRowsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ParameterRow.of("a", Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> ParameterRow.of("a", 1, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> ParameterRow.of("a", 1, 0));
    assertThrows(IllegalArgumentException.class, () -> ParameterRow.of(" ", 1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> SummaryTable.render(nileHeader(), List.of(), null, List.of()));
  }

  private static SummaryHeader nileHeader() {
    return new SummaryHeader(
        "Unobserved Components Results",
        "volume",
        "local level",
        WHEN,
        "1871",
        "1970",
        100,
        MLE_LLF,
        InformationCriteria.of(MLE_LLF, 2, 1, 100, 0),
        CovarianceType.OPG);
  }

  /** mle.ljungbox_lag1, mle.heteroskedasticity, mle.jarquebera from statsmodels. */
  private static ResidualDiagnostics nileDiagnostics() {
    return new ResidualDiagnostics(
        new LjungBox.Result(1.325561209868456, 0.24959642091550088, 1, 1, 99),
        new Heteroskedasticity.Result(0.6133054067415197, 0.16548919422986477, 33, 33, 33),
        new JarqueBera.Result(
            0.04594329993700011,
            0.9772901895882042,
            -0.029419898966749188,
            3.0876107747987773,
            99));
  }

  private static String line(String text, String start) {
    return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
  }

  private static void assertNoNaNAndNarrow(String text) {
    assertFalse(text.toLowerCase(Locale.ROOT).contains("nan"), text);
    assertFalse(text.toLowerCase(Locale.ROOT).contains("infinity"), text);
    for (String l : text.lines().toList()) {
      assertTrue(l.length() <= 80, "longer than 80 columns: " + l);
      assertEquals(l.stripTrailing(), l, "trailing blanks: " + l);
    }
  }
}
