package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.notebooks.Launcher.Run;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estimation options peers offer, through the real {@code ./gramian} launcher in its own
 * process: {@code fit --fix} (a variance held at zero), {@code --ma-lags}, {@code loglik} at a
 * non-invertible MA, {@code --init approximate-diffuse --kappa}, and their bad values as one line
 * on standard error with exit status 2. (The values are checked against statsmodels and Stata in
 * the estimation module's {@code PeerOptionsReferenceTest} and {@code SparseLagsTest}.)
 */
class PeerOptionsLauncherTest {

  private static final String WPI1 =
      "estimation/src/test/resources/io/gramian/estimation/peers/wpi1.csv";

  @TempDir Path dir;

  private Run gramian(String... args) throws IOException, InterruptedException {
    return new Launcher(dir).gramian(args);
  }

  private static void assertBadInput(Run r, String expected) {
    String refusal = r.refusal();
    assertTrue(refusal.startsWith("gramian: ") && r.err().contains(expected), refusal);
  }

  @Test
  void fitHoldsAVarianceAtZero() throws Exception {
    Run r =
        gramian(
            "fit",
            "datasets/nile.csv",
            "--model",
            "local-level",
            "--fix",
            "sigma2.level=0",
            "--json",
            "-");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\"fixed\" : true"), r.out());
    // statsmodels 0.13.5 fix_params: ℓ = −651.6895911705 (PeerOptionsReferenceTest)
    assertTrue(r.out().contains("\"loglikelihood\" : -651.68959117"), r.out());
  }

  @Test
  void fitRefusesANameFixedTwice() throws Exception {
    assertBadInput(
        gramian(
            "fit",
            "datasets/nile.csv",
            "--model",
            "local-level",
            "--fix",
            "sigma2.level=0,sigma2.level=1"),
        "--fix names sigma2.level twice");
  }

  @Test
  void sparseMaLagsHaveStatsmodelsNames() throws Exception {
    Run r =
        gramian(
            "loglik",
            WPI1,
            "--transform",
            "log",
            "--model",
            "arima",
            "--order",
            "1,1,0",
            "--ma-lags",
            "1,4",
            "--mean",
            "--params",
            "ar.L1=0.7806991,ma.L1=-0.3990039,ma.L4=0.3090813,sigma2=0.00010898107236,mean=0.0110493");
    assertEquals(0, r.exitCode(), r.err());
    // statsmodels at Stata's estimates, exact diffuse: 385.1146407914
    assertTrue(r.out().contains("385.11464079"), r.out());
  }

  @Test
  void maLagsReplaceTheOrdersQ() throws Exception {
    assertBadInput(
        gramian("fit", WPI1, "--model", "arima", "--order", "1,1,1", "--ma-lags", "1,4"),
        "--ma-lags replaces --order's q");
  }

  @Test
  void loglikEvaluatesANonInvertibleMaButNotANonStationaryAr() throws Exception {
    Run r =
        gramian(
            "loglik",
            "datasets/nile.csv",
            "--model",
            "arima",
            "--order",
            "0,1,1",
            "--params",
            "ma.L1=1.5,sigma2=20000");
    assertEquals(0, r.exitCode(), r.err());
    // statsmodels, enforce_invertibility=False: −703.4041800736
    assertTrue(r.out().contains("-703.40418007"), r.out());
    assertBadInput(
        gramian(
            "loglik",
            "datasets/nile.csv",
            "--model",
            "arima",
            "--order",
            "1,0,0",
            "--params",
            "ar.L1=1.2,sigma2=20000"),
        "is not stationary");
  }

  @Test
  void approximateDiffuseStartWithKappa() throws Exception {
    Run r =
        gramian(
            "loglik",
            "datasets/nile.csv",
            "--model",
            "local-level",
            "--init",
            "approximate-diffuse",
            "--kappa",
            "1e4",
            "--params",
            "sigma2.irregular=15099,sigma2.level=1469.1");
    assertEquals(0, r.exitCode(), r.err());
    // statsmodels, use_exact_diffuse=False, initial_variance=1e4: −651.3006405306
    assertTrue(r.out().contains("-651.30064053"), r.out());
    assertBadInput(
        gramian("fit", "datasets/nile.csv", "--model", "local-level", "--kappa", "1e4"),
        "--kappa goes with --init approximate-diffuse");
  }
}
