package io.gramian.estimation;

import io.gramian.autodiff.BlockProduct;
import io.gramian.autodiff.TriaRule;
import io.gramian.datasets.Datasets;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.models.UnobservedComponents;
import io.gramian.kalman.Dimensions;
import io.gramian.kalman.SquareRootFilter;
import io.gramian.kalman.StateSpaceSystem;
import io.gramian.kalman.SystemGradient;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * Gramian's half of the side-by-side benchmark against statsmodels ({@code side_by_side.py} in
 * {@code estimation/src/jmh/statsmodels}, which writes the inputs, runs this program, runs
 * statsmodels on the same inputs and prints the table; docs/benchmarks.md).
 *
 * <p>Arguments: the input folder, the output file, the number of warm-up runs and of timed runs,
 * and optionally {@code --one-jvm} ({@link #ONE_JVM}). The input folder holds {@code
 * filter_cases.txt} (one line per case: name, then the folder of its matrices) and, per case, F, c,
 * H, d, cholQ, cholR, m0, cholP0 and Y as CSV files of numbers (no header, NaN or nan for a missing
 * observation). Every case is timed warm, in {@link #FORKS} JVMs of its own ({@link #fork}): in
 * each, {@code warmups} untimed runs, then {@code repeats} timed runs and their median; the median
 * of the forks' medians is written.
 *
 * <p>The output has one line per measurement, fields separated by tabs: {@code filter}, case, ℓ,
 * median seconds of ℓ alone, median seconds of ℓ with its gradient; or {@code fit}, model, ℓ,
 * median seconds of {@link MaximumLikelihood#fit}, evaluations, iterations, converged, then the
 * estimates as name=value; or {@code product}, n, the sum of C's entries, median seconds per
 * product, products per timed run ({@link #productCase}).
 */
public final class SideBySide {

  private SideBySide() {}

  /** The fits, with the names side_by_side.py gives the same models in statsmodels. */
  static Map<String, Fit> fits() {
    Map<String, Fit> fits = new LinkedHashMap<>();
    double[] nile = Datasets.nile().values();
    double[] ksi = FitBenchmark.log(Datasets.ukDriverDeaths().values());
    double[] air = FitBenchmark.log(Datasets.airPassengers().values());
    fits.put("nile_llevel", new Fit(UnobservedComponents.localLevel(), nile));
    fits.put("ksi_bsm", new Fit(UnobservedComponents.bsm(12, "dummy"), ksi));
    fits.put("air_airline", new Fit(Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12)), air));
    fits.put(
        "ksi_llevel_seasonal",
        new Fit(
            UnobservedComponents.named("local-level", OptionalInt.of(12), "dummy", List.of()),
            ksi));
    fits.put("air_bsm_trig", new Fit(UnobservedComponents.bsm(12, "trig"), air));
    fits.put("ksi_sarima_210_011", new Fit(Sarimax.of(SarimaxOrder.of(2, 1, 0, 0, 1, 1, 12)), ksi));
    return fits;
  }

  /** A model and its series. */
  record Fit(StateSpaceModel model, double[] series) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length > 0 && args[0].equals(ONE_CASE)) {
      // A forked JVM: one case, its line on standard output.
      int warmups = Integer.parseInt(args[3]);
      int repeats = Integer.parseInt(args[4]);
      String line =
          switch (args[1]) {
            case "filter" -> filterCase(args[2], Path.of(args[5]), warmups, repeats);
            case "product" -> productCase(Integer.parseInt(args[2]), warmups, repeats);
            default -> fitCase(args[2], warmups, repeats);
          };
      System.out.println(line);
      return;
    }
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String warmups = args[2];
    String repeats = args[3];
    boolean oneJvm = args.length > 4 && args[4].equals(ONE_JVM);
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(in.resolve("filter_cases.txt"))) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      String dir = in.resolve(f[1]).toAbsolutePath().toString();
      lines.add(
          oneJvm
              ? filterCase(f[0], Path.of(dir), Integer.parseInt(warmups), Integer.parseInt(repeats))
              : fork("filter", f[0], warmups, repeats, dir));
      System.out.println("[gramian] " + lines.get(lines.size() - 1));
    }
    for (String name : fits().keySet()) {
      lines.add(
          oneJvm
              ? fitCase(name, Integer.parseInt(warmups), Integer.parseInt(repeats))
              : fork("fit", name, warmups, repeats, ""));
      System.out.println("[gramian] " + lines.get(lines.size() - 1));
    }
    for (int n : PRODUCT_SIZES) {
      lines.add(
          oneJvm
              ? productCase(n, Integer.parseInt(warmups), Integer.parseInt(repeats))
              : fork("product", String.valueOf(n), warmups, repeats, ""));
      System.out.println("[gramian] " + lines.get(lines.size() - 1));
    }
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      lines.forEach(w::println);
    }
  }

  /** The first argument of a forked JVM's command line. */
  static final String ONE_CASE = "--one-case";

  /**
   * A fifth argument that runs every case in this one JVM, one after the other, instead of forking:
   * to measure what {@link #fork} avoids.
   */
  static final String ONE_JVM = "--one-jvm";

  /**
   * JVMs per case. One JVM's compiled code differs from another's (what was compiled when, with
   * which profile), and a single fork of a case measured 20 to 30% away from the others now and
   * then; the median over three forks is robust to one such fork.
   */
  static final int FORKS = 3;

  /**
   * Runs one case in {@link #FORKS} JVMs of its own, one after another, as JMH forks each
   * benchmark: the same Java, class path and JVM options as this one. A JVM that has run a model
   * with one or two states keeps the kernels compiled for those loop lengths, so a larger model's
   * fit after a local level's runs slower than in a JVM of its own (docs/benchmarks.md, "Compiled
   * for the first sizes seen"); each case therefore gets JVMs of its own.
   *
   * @return the case's output line, its times the medians over the forks
   */
  static String fork(String kind, String name, String warmups, String repeats, String dir)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            SideBySide.class.getName(),
            ONE_CASE,
            kind,
            name,
            warmups,
            repeats,
            dir));
    String[][] fields = new String[FORKS][];
    for (int f = 0; f < FORKS; f++) {
      Process child =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = child.waitFor();
      if (status != 0) {
        throw new IOException(kind + " case " + name + ": the forked JVM exited with " + status);
      }
      String[] lines = output.strip().split("\n");
      fields[f] = lines[lines.length - 1].split("\t");
    }
    // The times: ℓ's and ℓ+∇'s seconds of a filter case (fields 3 and 4), a fit's or a
    // product's (field 3).
    int[] timeFields = kind.equals("filter") ? new int[] {3, 4} : new int[] {3};
    String[] out = fields[0].clone();
    for (int field : timeFields) {
      double[] times = new double[FORKS];
      for (int f = 0; f < FORKS; f++) {
        times[f] = Double.parseDouble(fields[f][field]);
      }
      Arrays.sort(times);
      out[field] = String.format(Locale.ROOT, "%.9g", times[FORKS / 2]);
    }
    return String.join("\t", out);
  }

  /** One fit of a named case, untimed: its maximised ℓ ({@link BuildsInOneJvm} times it). */
  static double fitOnce(String name) {
    Fit fit = fits().get(name);
    if (fit == null) {
      throw new IllegalArgumentException("no fit named " + name);
    }
    return MaximumLikelihood.fit(fit.model(), ModelData.of(fit.series()), FitOptions.defaults())
        .logLikelihood();
  }

  /** One fit, timed: the output line of {@link #main}'s format. */
  private static String fitCase(String name, int warmups, int repeats) {
    Fit fit = fits().get(name);
    if (fit == null) {
      throw new IllegalArgumentException("no fit named " + name);
    }
    FitOptions options = FitOptions.defaults();
    ModelData data = ModelData.of(fit.series());
    FitResult[] last = new FitResult[1];
    double seconds =
        medianSeconds(
            () -> {
              last[0] = MaximumLikelihood.fit(fit.model(), data, options);
              return last[0].logLikelihood();
            },
            warmups,
            repeats);
    FitResult result = last[0];
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "fit\t%s\t%.17g\t%.9g\t%d\t%d\t%s",
                name,
                result.logLikelihood(),
                seconds,
                result.evaluations(),
                result.iterations(),
                result.converged()));
    for (int i = 0; i < result.estimates().length; i++) {
      s.append(
          String.format(
              Locale.ROOT, "\t%s=%.17g", result.parameterNames().get(i), result.estimates()[i]));
    }
    return s.toString();
  }

  /**
   * The sizes n of the dense products C = A B (n × n) timed against BLAS: the filter's sizes where
   * its time is in products and triangularisations of that order.
   */
  static final int[] PRODUCT_SIZES = {10, 20, 50};

  /** Products per timed run: a run of at least a millisecond or so at every size. */
  private static int productsPerRun(int n) {
    return Math.max(1, 2_000_000 / (n * n * n));
  }

  /**
   * One size of the product comparison: C = A B with {@code A_ij = sin(i n + j + 1)} and {@code
   * B_ij = cos(i n + j + 1)} (side_by_side.py builds the same matrices), by {@link
   * BlockProduct#denseMultInto}, Gramian's fastest general product (its row updates from 32
   * columns, its 4 × 4 dot kernel below). The line: {@code product}, n, the sum of C's entries (the
   * script checks it against BLAS's), the median seconds per product.
   */
  private static String productCase(int n, int warmups, int repeats) {
    double[] a = new double[n * n];
    double[] b = new double[n * n];
    double[] c = new double[n * n];
    for (int i = 0; i < n * n; i++) {
      a[i] = Math.sin(i + 1);
      b[i] = Math.cos(i + 1);
    }
    int perRun = productsPerRun(n);
    double seconds =
        medianSeconds(
                () -> {
                  for (int r = 0; r < perRun; r++) {
                    BlockProduct.denseMultInto(n, n, n, a, 0, n, b, 0, n, c, 0, n);
                  }
                  return c[0];
                },
                warmups,
                repeats)
            / perRun;
    double sum = 0;
    for (double v : c) {
      sum += v;
    }
    return String.format(Locale.ROOT, "product\t%d\t%.17g\t%.9g\t%d", n, sum, seconds, perRun);
  }

  private static String filterCase(String name, Path dir, int warmups, int repeats)
      throws IOException {
    StateSpaceSystem system = system(dir);
    DMatrixRMaj Y = read(dir, "Y");
    SquareRootFilter filter = SquareRootFilter.forSystem(system);
    SystemGradient gradient = new SystemGradient(Dimensions.of(system));
    double ll = filter.logLikelihood(system, Y);
    double llSeconds = medianSeconds(() -> filter.logLikelihood(system, Y), warmups, repeats);
    double gradientSeconds =
        medianSeconds(
            () -> {
              gradient.zero();
              return filter.logLikelihoodGradient(system, Y, TriaRule.MASKED, gradient);
            },
            warmups,
            repeats);
    return String.format(
        Locale.ROOT, "filter\t%s\t%.17g\t%.9g\t%.9g", name, ll, llSeconds, gradientSeconds);
  }

  /**
   * The least time each case warms up for, however many warm-up runs that takes: a fit of the Nile
   * takes a few milliseconds, so a handful of runs would leave its code to the interpreter and the
   * first compiler tier.
   */
  static final double MIN_WARMUP_SECONDS = 2;

  /**
   * The median wall-clock time of {@code repeats} runs after at least {@code warmups} untimed ones
   * and at least {@link #MIN_WARMUP_SECONDS}.
   */
  static double medianSeconds(DoubleSupplier run, int warmups, int repeats) {
    double sink = 0;
    long warmUntil = System.nanoTime() + (long) (MIN_WARMUP_SECONDS * 1e9);
    for (int i = 0; i < warmups || System.nanoTime() < warmUntil; i++) {
      sink += run.getAsDouble();
    }
    double[] times = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      sink += run.getAsDouble();
      times[i] = (System.nanoTime() - t0) * 1e-9;
    }
    if (sink == 42.0) {
      System.out.println(); // keeps the results alive
    }
    Arrays.sort(times);
    return repeats % 2 == 1
        ? times[repeats / 2]
        : 0.5 * (times[repeats / 2 - 1] + times[repeats / 2]);
  }

  /** The system of a case folder: F, c, H, d, cholQ, cholR, m0 and cholP0 as CSV files. */
  static StateSpaceSystem system(Path dir) throws IOException {
    return StateSpaceSystem.builder()
        .F(read(dir, "F"))
        .c(read(dir, "c"))
        .H(read(dir, "H"))
        .d(read(dir, "d"))
        .cholQ(read(dir, "cholQ"))
        .cholR(read(dir, "cholR"))
        .m0(read(dir, "m0"))
        .cholP0(read(dir, "cholP0"))
        .build();
  }

  /** A matrix from a CSV file of numbers: one row per line, comma-separated, nan for missing. */
  static DMatrixRMaj read(Path dir, String name) throws IOException {
    List<String> rows = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(name + ".csv"))) {
      if (!line.isBlank()) {
        rows.add(line);
      }
    }
    int cols = rows.get(0).split(",").length;
    DMatrixRMaj A = new DMatrixRMaj(rows.size(), cols);
    for (int i = 0; i < rows.size(); i++) {
      String[] f = rows.get(i).split(",");
      for (int j = 0; j < cols; j++) {
        String v = f[j].strip();
        A.set(i, j, v.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(v));
      }
    }
    return A;
  }
}
