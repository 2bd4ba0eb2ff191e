package io.gramian.estimation.batch;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one series in a batch: its id, whether it was fitted, why not when it was not, its
 * number of periods and, when it was fitted, the {@link SeriesFit}. Immutable and serialisable.
 *
 * @param id the series' id (its column name in a wide file, its key in a long one)
 * @param status {@link Status#OK} or {@link Status#FAILED}
 * @param message empty when ok; otherwise one line saying why the series could not be fitted
 * @param nobs the number of periods of the series (missing ones included, as statsmodels' nobs)
 * @param fit the fit when ok, {@code null} when failed
 */
public record SeriesResult(String id, Status status, String message, int nobs, SeriesFit fit)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Whether a series was fitted; {@link #spelling()} is how results.csv writes it. */
  public enum Status {
    OK("ok"),
    FAILED("failed");

    private final String spelling;

    Status(String spelling) {
      this.spelling = spelling;
    }

    /** {@code ok} or {@code failed}. */
    public String spelling() {
      return spelling;
    }
  }

  public SeriesResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    if (status == Status.OK) {
      Objects.requireNonNull(fit, "an ok result has a fit");
      message = "";
    } else {
      if (fit != null) {
        throw new IllegalArgumentException("a failed result has no fit");
      }
      message = oneLine(message);
    }
  }

  /** A series fitted. */
  public static SeriesResult ok(String id, int nobs, SeriesFit fit) {
    return new SeriesResult(id, Status.OK, "", nobs, fit);
  }

  /** A series that could not be fitted, and why (made one line). */
  public static SeriesResult failed(String id, int nobs, String reason) {
    return new SeriesResult(id, Status.FAILED, reason, nobs, null);
  }

  /** Whether the series was fitted. */
  public boolean isOk() {
    return status == Status.OK;
  }

  /** The fit, when the series was fitted. */
  public Optional<SeriesFit> fitted() {
    return Optional.ofNullable(fit);
  }

  /** The reason on one line: line breaks become spaces; never empty. */
  private static String oneLine(String reason) {
    String line = reason == null ? "" : reason.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    return line.isEmpty() ? "the fit failed without a message" : line;
  }
}
