package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The estimation options peers offer ({@code --fix}, {@code --ma-lags}, non-invertible MA
 * parameters in {@code loglik}, {@code --init approximate-diffuse --kappa K}), run in-process
 * through the command line, against statsmodels 0.13.5 on the same data: the rows of {@code
 * peers/statsmodels_peer_options.csv} (produced by {@code statsmodels_peer_options.py} beside it;
 * see the README there). Each row's {@code options} are the Gramian command-line options.
 *
 * <ul>
 *   <li>{@code loglik} rows: ℓ at the given parameters (for the {@code _simple_differencing} row,
 *       Stata's convention, ours plus ½ log 2π).
 *   <li>{@code fit} rows: the maximum, the estimates (fixed ones exactly), and the parameter count
 *       and effective sample of AIC and BIC, as statsmodels counts them ({@code df_model}: free
 *       parameters + exactly diffuse states; {@code nobs_effective}: nobs less the approximate
 *       diffuse burn).
 * </ul>
 */
class PeerOptionsReferenceTest {

  /**
   * ℓ at given parameters, relative. Exact diffuse rows agree to about 1e-13; statsmodels' filter
   * loses about 9 digits to κ = 1e6 against variances of 1e-3 or 1e-4 (the airline and BSM
   * approximate diffuse rows differ by 1.5e-9 and 2.0e-9), which sets this.
   */
  private static final double LOGLIK_TOLERANCE = 1e-8;

  /**
   * The maximum, absolute: the two optimisers stop within 1e-7 of each other on these flat maxima
   * (ln KSI with the level held at zero: 7.5e-8).
   */
  private static final double MAXIMUM_TOLERANCE = 1e-6;

  /**
   * Estimates, relative: both optimisers stop on a gradient test, and on the flattest of these
   * maxima (σ²_level of the Nile with σ²_irregular held) that leaves 1.4e-5.
   */
  private static final double ESTIMATE_TOLERANCE = 1e-4;

  /** AIC and BIC against the parameter count: exact up to the rounding of ℓ. */
  private static final double COUNT_TOLERANCE = 1e-6;

  private static final JsonMapper JSON = new JsonMapper();

  static final Path PEERS =
      Path.of("src", "test", "resources", "io", "gramian", "estimation", "peers");

  static Stream<CSVRecord> rows() {
    return read().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void matchesStatsmodels(CSVRecord row) throws Exception {
    String[] names = row.get("names").split(";");
    String[] values = row.get("params").split(";");
    List<String> args = new ArrayList<>();
    args.add(row.get("kind"));
    args.add(dataFile(row.get("data")).toString());
    args.addAll(List.of("--column", row.get("column"), "--transform", row.get("transform")));
    args.addAll(List.of(row.get("options").split(" ")));
    if (row.get("kind").equals("loglik")) {
      List<String> params = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        params.add(names[i] + "=" + values[i]);
      }
      args.addAll(List.of("--params", String.join(",", params)));
    }
    args.addAll(List.of("--json", "-"));
    CliRun r = CliRun.run(args.toArray(new String[0]));
    assertEquals(0, r.exitCode, r::toString);
    JsonNode j = JSON.readTree(r.out);
    double expected = Double.parseDouble(row.get("loglik"));
    double ll = j.get("loglikelihood").asDouble();
    if (row.get("case").endsWith("_simple_differencing")) {
      // Stata's convention (the differenced series); with no value missing ours is that less
      // ((d + sD)/2) log 2π, here d = 1 (models.md §2.3)
      ll += 0.5 * Math.log(2 * Math.PI);
    }
    if (row.get("kind").equals("loglik")) {
      assertEquals(expected, ll, LOGLIK_TOLERANCE * Math.abs(expected), row.get("case"));
      return;
    }
    assertEquals(expected, ll, MAXIMUM_TOLERANCE, row.get("case"));
    JsonNode parameters = j.get("parameters");
    for (int i = 0; i < names.length; i++) {
      JsonNode p = parameters.get(i);
      assertEquals(names[i], p.get("name").asText());
      double value = Double.parseDouble(values[i]);
      if (p.get("fixed").asBoolean()) {
        assertEquals(value, p.get("estimate").asDouble(), 0.0, names[i]);
        assertTrue(p.get("std_error").isNull(), names[i] + " is fixed: no standard error");
      } else {
        assertEquals(
            value, p.get("estimate").asDouble(), ESTIMATE_TOLERANCE * Math.abs(value), names[i]);
      }
    }
    int dfModel = Integer.parseInt(row.get("df_model"));
    int nobsEffective = Integer.parseInt(row.get("nobs_effective"));
    assertEquals(dfModel, (j.get("aic").asDouble() + 2 * ll) / 2, COUNT_TOLERANCE, "AIC's k");
    assertEquals(
        dfModel,
        (j.get("bic").asDouble() + 2 * ll) / Math.log(nobsEffective),
        COUNT_TOLERANCE,
        "BIC's k and n*");
  }

  static Path dataFile(String name) {
    return name.equals("wpi1")
        ? PEERS.resolve("wpi1.csv")
        : Path.of("..", "datasets", name + ".csv");
  }

  /** The rows of the reference table ('#' lines are comments). */
  static List<CSVRecord> read() {
    String file = "/io/gramian/estimation/peers/statsmodels_peer_options.csv";
    try (InputStream in = PeerOptionsReferenceTest.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + file);
      }
      CSVFormat format =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setCommentMarker('#')
              .build();
      return format.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
