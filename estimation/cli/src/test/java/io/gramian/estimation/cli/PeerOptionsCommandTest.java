package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --fix}, {@code --ar-lags}/{@code --ma-lags}, {@code --init}/{@code --kappa} and
 * non-invertible MA values in {@code loglik --params}, in-process: what the summary and JSON show,
 * and every kind of bad value as one line naming the option or parameter, exit 2. (The values
 * themselves are checked against statsmodels in {@code PeerOptionsReferenceTest}.)
 */
class PeerOptionsCommandTest {

  private static final JsonMapper JSON = new JsonMapper();

  private static final String NILE = FitCommandTest.NILE.toString();

  @Test
  void theSummaryMarksFixedParametersAndGivesThemNoStandardError() {
    CliRun r = CliRun.run("fit", NILE, "--model", "local-level", "--fix", "sigma2.level=0");
    assertEquals(0, r.exitCode, r::toString);
    // a long name takes its own line and the cells follow on the next, as statsmodels does
    java.util.List<String> lines = r.out.lines().toList();
    int at = lines.indexOf("sigma2.level (fixed)");
    assertTrue(at > 0, r.out);
    assertEquals("0", lines.get(at + 1).strip(), "the value alone, no standard error: " + r.out);
  }

  @Test
  void jsonMarksFixedParameters() throws Exception {
    CliRun r =
        CliRun.run(
            "fit",
            NILE,
            "--model",
            "local-level",
            "--fix",
            "sigma2.irregular=15099",
            "--json",
            "-");
    assertEquals(0, r.exitCode, r::toString);
    JsonNode p = JSON.readTree(r.out).get("parameters");
    assertTrue(p.get(0).get("fixed").asBoolean());
    assertEquals(15099.0, p.get(0).get("estimate").asDouble(), 0.0);
    assertTrue(p.get(0).get("std_error").isNull());
    assertFalse(p.get(1).get("fixed").asBoolean());
    assertTrue(p.get(1).get("std_error").isNumber());
  }

  @Test
  void loglikEvaluatesANonInvertibleMaAndItsGradient() throws Exception {
    CliRun r =
        CliRun.run(
            "loglik",
            NILE,
            "--model",
            "arima",
            "--order",
            "0,1,1",
            "--params",
            "ma.L1=1.5,sigma2=20000",
            "--gradient",
            "--json",
            "-");
    assertEquals(0, r.exitCode, r::toString);
    JsonNode j = JSON.readTree(r.out);
    assertTrue(j.get("gradient").get("ma.L1").isNumber());
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of(
            new String[] {
              "fit", NILE, "--model", "local-level", "--fix", "sigma2.level=0,sigma2.level=1"
            },
            "--fix names sigma2.level twice"),
        Arguments.of(
            new String[] {
              "fit",
              NILE,
              "--model",
              "local-level",
              "--fix",
              "sigma2.level=0",
              "--fix",
              "sigma2.level=1"
            },
            "--fix names sigma2.level twice"),
        Arguments.of(
            new String[] {"fit", NILE, "--model", "local-level", "--fix", "sigma2.slope=1"},
            "unknown parameter sigma2.slope for model local-level"),
        Arguments.of(
            new String[] {"fit", NILE, "--model", "local-level", "--fix", "sigma2.level=-1"},
            "sigma2.level = -1.0 is negative"),
        Arguments.of(
            new String[] {"fit", NILE, "--model", "local-level", "--fix", "sigma2.level"},
            "--fix takes NAME=VALUE"),
        Arguments.of(
            new String[] {"fit", NILE, "--model", "local-level", "--fix", "sigma2.level=NaN"},
            "is not a finite number"),
        Arguments.of(
            new String[] {
              "fit", NILE, "--model", "arima", "--order", "2,0,0", "--fix", "ar.L1=1.5,ar.L2=0"
            },
            "is not stationary"),
        Arguments.of(
            new String[] {
              "fit", NILE, "--model", "arima", "--order", "2,0,0", "--fix", "ar.L1=0.5"
            },
            "fix all of them or none"),
        Arguments.of(
            new String[] {
              "loglik",
              NILE,
              "--model",
              "arima",
              "--order",
              "1,0,0",
              "--params",
              "ar.L1=1.2,sigma2=1"
            },
            "stationary initial covariance does not exist"),
        Arguments.of(
            new String[] {"fit", NILE, "--model", "arima", "--order", "1,1,1", "--ma-lags", "1,4"},
            "--ma-lags replaces --order's q"),
        Arguments.of(
            new String[] {"fit", NILE, "--model", "arima", "--order", "1,1,0", "--ar-lags", "1,4"},
            "--ar-lags replaces --order's p"),
        Arguments.of(
            new String[] {"fit", NILE, "--model", "arima", "--order", "0,1,0", "--ma-lags", "0,4"},
            "positive integer lags"),
        Arguments.of(
            new String[] {"fit", NILE, "--model", "arima", "--order", "0,1,0", "--ma-lags", "4,4"},
            "--ma-lags names lag 4 twice"),
        Arguments.of(
            new String[] {"fit", NILE, "--model", "local-level", "--ma-lags", "1,4"},
            "belong to --model arima"),
        Arguments.of(
            new String[] {
              "loglik",
              NILE,
              "--model",
              "arima",
              "--order",
              "0,0,0",
              "--ar-lags",
              "1,4",
              "--params",
              "ar.L1=0.5,ar.L4=0.6,sigma2=1"
            },
            "ar.L1, ar.L4 = [0.5, 0.6] is not stationary"),
        Arguments.of(
            new String[] {"fit", NILE, "--model", "local-level", "--kappa", "1e4"},
            "--kappa goes with --init approximate-diffuse"),
        Arguments.of(
            new String[] {"fit", NILE, "--model", "local-level", "--init", "diffuse"},
            "--init takes exact-diffuse or approximate-diffuse"),
        Arguments.of(
            new String[] {
              "loglik",
              NILE,
              "--model",
              "local-level",
              "--init",
              "approximate-diffuse",
              "--kappa",
              "0",
              "--params",
              "sigma2.irregular=1,sigma2.level=1"
            },
            "--kappa must be a positive finite variance"),
        Arguments.of(
            new String[] {
              "loglik", NILE, "--system", "no-such.json", "--init", "approximate-diffuse"
            },
            "go with --model, not with --system"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badInput")
  void badValuesAreOneLineWithExitStatusTwo(String[] args, String expected) {
    CliRun r = CliRun.run(args);
    assertEquals(2, r.exitCode, r::toString);
    assertEquals("", r.out);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.startsWith("gramian: ") && r.err.contains(expected), r.err);
  }

  @Test
  void exactDiffuseIsTheDefaultAndMayBeSpelledOut() throws Exception {
    String[] common = {
      "loglik",
      NILE,
      "--model",
      "local-level",
      "--params",
      "sigma2.irregular=15099,sigma2.level=1469.1",
      "--json",
      "-"
    };
    CliRun plain = CliRun.run(common);
    String[] spelled = java.util.Arrays.copyOf(common, common.length + 2);
    spelled[common.length] = "--init";
    spelled[common.length + 1] = "exact-diffuse";
    CliRun explicit = CliRun.run(spelled);
    assertEquals(0, explicit.exitCode, explicit::toString);
    assertEquals(
        JSON.readTree(plain.out).get("loglikelihood").asDouble(),
        JSON.readTree(explicit.out).get("loglikelihood").asDouble(),
        0.0);
  }
}
