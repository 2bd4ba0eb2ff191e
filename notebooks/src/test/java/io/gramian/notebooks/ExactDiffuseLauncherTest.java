package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.notebooks.Launcher.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./gramian} launcher on exactly diffuse systems without observation noise, whose
 * first innovation covariance has a singular proper part: {@code loglik --system} gives the exact
 * diffuse log-likelihood and its gradient with exit status 0 (it used to stop with "the innovation
 * covariance is singular").
 */
class ExactDiffuseLauncherTest {

  /** The summary prints ℓ to 17 significant digits; the computations agree to rounding. */
  private static final double TOLERANCE = 1e-10;

  /**
   * statsmodels 0.13.5, exact diffuse, on its TestVAR1_KFAS case (kalman's test resources:
   * var1_kfas.py and var1_kfas.csv, whose data are repeated below). KFAS reports −167.4315, which
   * is this plus ½ log 2π for each of the two diffuse observations.
   */
  private static final double VAR1_LOGLIK = -169.2693746649571;

  private static final String VAR1_DATA =
      """
      index,realgdp,realcons
      1,9.9768523265549192,6.1144429662544297
      2,-0.47718084426691121,4.1543910948586671
      3,1.3978130617488205,0.43360437850346045
      4,8.8760718057173449,3.8136603506846001
      5,-1.8738213130937709,5.0289712197692182
      6,0.65315207556828625,-1.5871706073063763
      7,-5.1625439784313443,0.53721328724058992
      8,2.3690365021785453,-0.11185995206979271
      9,7.4138136615570005,5.907936382029888
      10,6.4126556647249089,1.9354521733205843
      11,8.0611264187592013,7.9292248028043133
      12,7.1109037147344623,4.2364664530140317
      13,4.3922061399904067,4.8864935147502564
      14,3.6816268853584688,3.2248106819800171
      15,0.97080748569737807,5.6330208687423777
      16,5.1940841814058558,2.6849177229298249
      17,4.9811338372506953,3.8017109127682858
      18,7.4616162956388621,5.4061666493083749
      19,3.029544715731447,3.3396476673875242
      20,8.8783455475379469,7.8216699140963186
      """;

  private static final String VAR1_SYSTEM =
      "{\"F\":[[0.5,0.3],[0.2,0.4]],\"H\":[[1,0],[0,1]],"
          + "\"cholQ\":[[1.4142135623730951,0],[0,1.7320508075688772]],\"cholR\":[[],[]],"
          + "\"m0\":[0,0],\"cholP0\":[[],[]],\"cholPinf\":[[1,0],[0,1]]}";

  @TempDir Path dir;

  private Run gramian(String... args) throws IOException, InterruptedException {
    return new Launcher(dir).gramian(args);
  }

  private static double printedLogLikelihood(String out) {
    Matcher m = Pattern.compile("log-likelihood\\s+(\\S+)").matcher(out);
    assertTrue(m.find(), out);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void noiseFreeLocalLevelGivesTheExactDiffuseLikelihoodAndGradient() throws Exception {
    Path data = Files.writeString(dir.resolve("y.csv"), "y\n1\n2.5\n2\n");
    Path system =
        Files.writeString(
            dir.resolve("sys.json"),
            "{\"F\":[[1]],\"H\":[[1]],\"cholQ\":[[1]],\"cholR\":[[]],\"m0\":[0],"
                + "\"cholP0\":[[]],\"cholPinf\":[[1]]}");
    Run r = gramian("loglik", data.toString(), "--system", system.toString(), "--gradient");
    assertEquals(0, r.exitCode(), r.err());
    double expected = -1.5 * Math.log(2 * Math.PI) - 0.5 * (1.5 * 1.5 + 0.5 * 0.5);
    assertEquals(expected, printedLogLikelihood(r.out()), TOLERANCE);
    assertTrue(r.out().contains("cholQ (1 x 1)"), r.out());
    assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
  }

  @Test
  void var1WithoutMeasurementErrorMatchesStatsmodels() throws Exception {
    Path data = Files.writeString(dir.resolve("var1.csv"), VAR1_DATA);
    Path system = Files.writeString(dir.resolve("var1.json"), VAR1_SYSTEM);
    Run r = gramian("loglik", data.toString(), "--system", system.toString(), "--gradient");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(VAR1_LOGLIK, printedLogLikelihood(r.out()), TOLERANCE * Math.abs(VAR1_LOGLIK));
    assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
  }
}
